/**
 * A drift-free periodic clock: each tick is scheduled against the ideal timeline rather than the
 * previous tick, so 50 audio frames per second really are 50 (plain setInterval slips a little
 * every period). If the process stalls, missed ticks are run at once, up to a bound. A tick that
 * throws is reported to `onError` and the clock goes on: one bad frame must not silence the rest.
 */
const MAX_CATCH_UP = 5;

/** A periodic clock on the ideal timeline that survives a throwing tick. */
export class FrameClock {
  private timer: NodeJS.Timeout | undefined;
  private next = 0;

  constructor(
    private readonly periodMs: number,
    private readonly onTick: () => void,
    private readonly onError: (err: unknown) => void,
  ) {}

  get running(): boolean {
    return this.timer !== undefined;
  }

  start(): void {
    if (this.timer) return;
    this.next = performance.now() + this.periodMs;
    this.schedule();
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private schedule(): void {
    this.timer = setTimeout(() => this.fire(), Math.max(0, this.next - performance.now()));
    this.timer.unref?.();
  }

  private fire(): void {
    let runs = 0;
    while (performance.now() >= this.next && runs < MAX_CATCH_UP) {
      this.next += this.periodMs;
      runs++;
      try {
        this.onTick();
      } catch (err) {
        this.onError(err);
      }
    }
    // give up catching up
    if (performance.now() >= this.next) this.next = performance.now() + this.periodMs;
    if (this.timer) this.schedule();
  }
}
