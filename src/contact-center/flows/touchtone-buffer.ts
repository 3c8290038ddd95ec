/**
 * A contact's touchtone buffer (Connect's Set Touchtone Buffer Behavior block): while it is on,
 * keys pressed with no input pending are kept, first in first out, up to 30, for the next Get or
 * Store customer input block instead of being dropped.
 */

/** Connect keeps at most 30 buffered keys; later ones are dropped until some are consumed. */
export const TOUCHTONE_BUFFER_LIMIT = 30;

/** One contact's buffered keys and the prompts waiting for the next key. */
export class TouchtoneBuffer {
  private digits = '';
  private readonly keyedListeners = new Set<() => void>();

  /** The digits waiting, oldest first. */
  get contents(): string {
    return this.digits;
  }

  /** Keeps `digits` (as many as fit) and tells whoever waits for a key. */
  push(digits: string): void {
    const room = TOUCHTONE_BUFFER_LIMIT - this.digits.length;
    if (room <= 0 || digits.length === 0) return;
    this.digits += digits.slice(0, room);
    for (const listener of [...this.keyedListeners]) listener();
  }

  /** Removes and returns the oldest digit; undefined when empty. */
  shift(): string | undefined {
    const first = this.digits[0];
    this.digits = this.digits.slice(1);
    return first;
  }

  /** Removes and returns every digit. */
  drain(): string {
    const all = this.digits;
    this.digits = '';
    return all;
  }

  /** Resolves at the next key pushed; `signal` stops the wait (the promise then never settles). */
  nextKey(signal: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      if (signal.aborted) return;
      const done = () => {
        this.keyedListeners.delete(done);
        signal.removeEventListener('abort', done);
        if (!signal.aborted) resolve();
      };
      this.keyedListeners.add(done);
      signal.addEventListener('abort', done, { once: true });
    });
  }
}
