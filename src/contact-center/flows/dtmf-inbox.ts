/**
 * DTMF digits from the Participant Service (SendMessage `audio/dtmf`) waiting for a contact's
 * GetParticipantInput. Digits sent while no input is pending are dropped, as Connect drops keys
 * pressed outside a "Get customer input" block, unless the flow turned the contact's touchtone
 * buffer on: then they wait in the buffer for the next input, which takes them first.
 */
import { TouchtoneBuffer } from './touchtone-buffer';

/** How one Get or Store customer input collects keys. */
export interface DtmfInputOptions {
  /** One key decides (StoreInput False) or collect several (StoreInput True). */
  single: boolean;
  firstDigitMs: number;
  interDigitMs: number;
  maxLength: number;
  /** Ends the input, not included in the value (default `#`). Empty: none. */
  terminator: string;
  signal: AbortSignal;
}

/** A pending input: `result` resolves with the digits, or undefined on timeout or abort. */
export interface PendingDtmfInput {
  result: Promise<string | undefined>;
  /** Resolves when the first key arrives (it interrupts the prompt). */
  firstKey: Promise<void>;
  /** Starts the time limit for the first key (called once the prompt has played). */
  armTimeout(): void;
  /** True once a key has arrived (from the touchtone buffer, even before the prompt). */
  keyed(): boolean;
}

/**
 * Every contact's pending input and touchtone buffer; keys go to the input first, else the buffer.
 */
export class DtmfInbox {
  private readonly pending = new Map<string, (digits: string) => void>();
  private readonly buffers = new Map<string, TouchtoneBuffer>();

  /**
   * @param timeScale multiplies every input time limit: 1 in the contact center; flow test
   *   executions run the flow's timeouts faster (a customer who never presses a key is simulated,
   *   not awaited).
   */
  constructor(private readonly timeScale = 1) {}

  /**
   * Feeds digits to the contact's pending input, or keeps them in its touchtone buffer when that is
   * on; false when neither took them (they are dropped).
   */
  deliver(contactId: string, digits: string): boolean {
    const feed = this.pending.get(contactId);
    if (feed) {
      feed(digits);
      return true;
    }
    const buffer = this.buffers.get(contactId);
    if (!buffer) return false;
    buffer.push(digits);
    return true;
  }

  isWaiting(contactId: string): boolean {
    return this.pending.has(contactId);
  }

  /** Turns the contact's touchtone buffer on (Set Touchtone Buffer Behavior: Enable). */
  startBuffering(contactId: string): void {
    if (!this.buffers.has(contactId)) this.buffers.set(contactId, new TouchtoneBuffer());
  }

  /**
   * Turns the buffer off and clears it (Stop and Clear; also on a transfer to a queue and when the
   * contact's flow ends); returns what it held.
   */
  stopBuffering(contactId: string): string {
    const digits = this.buffers.get(contactId)?.drain() ?? '';
    this.buffers.delete(contactId);
    return digits;
  }

  /** The contact's buffer while buffering is on. */
  buffer(contactId: string): TouchtoneBuffer | undefined {
    return this.buffers.get(contactId);
  }

  open(contactId: string, options: DtmfInputOptions): PendingDtmfInput {
    let buffer = '';
    let timer: NodeJS.Timeout | undefined;
    let settled = false;
    let settle!: (value: string | undefined) => boolean;
    let keyed!: () => void;
    const firstKey = new Promise<void>((resolve) => (keyed = resolve));
    const result = new Promise<string | undefined>((resolve) => {
      settle = (value) => {
        if (settled) return true;
        settled = true;
        clearTimeout(timer);
        if (this.pending.get(contactId) === feed) this.pending.delete(contactId);
        options.signal.removeEventListener('abort', onAbort);
        resolve(value);
        return true;
      };
    });
    const onAbort = () => settle(undefined);
    const restart = (ms: number) => {
      clearTimeout(timer);
      timer = setTimeout(() => settle(buffer.length > 0 ? buffer : undefined), ms * this.timeScale);
    };
    this.pending.get(contactId)?.(''); // a newer input replaces an older one
    /** Takes one key; true once the input has its value. */
    const take = (digit: string): boolean => {
      buffer += digit;
      keyed();
      if (options.single) return settle(buffer[0]);
      if (options.terminator && buffer.endsWith(options.terminator))
        return settle(buffer.slice(0, -options.terminator.length));
      if (buffer.length >= options.maxLength) return settle(buffer);
      restart(options.interDigitMs);
      return false;
    };
    const feed = (digits: string): void => {
      if (digits.length === 0) {
        settle(undefined);
        return;
      }
      const keys = [...digits];
      while (keys.length > 0 && !settled) take(keys.shift()!);
      // Keys pressed after the input had its value wait for the next one, if the buffer is on.
      if (keys.length > 0) this.buffers.get(contactId)?.push(keys.join(''));
    };
    this.pending.set(contactId, feed);
    if (options.signal.aborted) settle(undefined);
    else options.signal.addEventListener('abort', onAbort, { once: true });
    // Buffered keys come first, oldest first: as many as the input takes; the rest stay buffered.
    const waiting = this.buffers.get(contactId);
    while (waiting && !settled) {
      const digit = waiting.shift();
      if (digit === undefined) break;
      take(digit);
    }
    return {
      result,
      firstKey,
      armTimeout: () => {
        if (this.pending.has(contactId) && buffer.length === 0) restart(options.firstDigitMs);
      },
      keyed: () => buffer.length > 0,
    };
  }
}
