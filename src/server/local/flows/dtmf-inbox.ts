/**
 * DTMF digits from the Participant Service (SendMessage `audio/dtmf`) waiting for a contact's
 * GetParticipantInput. Digits sent while no input is pending are dropped, as Connect drops keys
 * pressed outside a "Get customer input" block.
 */

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
}

export class DtmfInbox {
  private readonly pending = new Map<string, (digits: string) => void>();

  /** Feeds digits to the contact's pending input; false when nothing was waiting. */
  deliver(contactId: string, digits: string): boolean {
    const feed = this.pending.get(contactId);
    if (!feed) return false;
    feed(digits);
    return true;
  }

  isWaiting(contactId: string): boolean {
    return this.pending.has(contactId);
  }

  open(contactId: string, options: DtmfInputOptions): PendingDtmfInput {
    let buffer = '';
    let timer: NodeJS.Timeout | undefined;
    let settle!: (value: string | undefined) => void;
    let keyed!: () => void;
    const firstKey = new Promise<void>((resolve) => (keyed = resolve));
    const result = new Promise<string | undefined>((resolve) => {
      settle = (value) => {
        clearTimeout(timer);
        if (this.pending.get(contactId) === feed) this.pending.delete(contactId);
        options.signal.removeEventListener('abort', onAbort);
        resolve(value);
      };
    });
    const onAbort = () => settle(undefined);
    const restart = (ms: number) => {
      clearTimeout(timer);
      timer = setTimeout(() => settle(buffer.length > 0 ? buffer : undefined), ms);
    };
    this.pending.get(contactId)?.(''); // a newer input replaces an older one
    const feed = (digits: string): void => {
      if (digits.length === 0) return settle(undefined);
      buffer += digits;
      keyed();
      if (options.single) return settle(buffer[0]);
      const end = options.terminator ? buffer.indexOf(options.terminator) : -1;
      if (end >= 0) return settle(buffer.slice(0, end));
      if (buffer.length >= options.maxLength) return settle(buffer.slice(0, options.maxLength));
      restart(options.interDigitMs);
    };
    this.pending.set(contactId, feed);
    if (options.signal.aborted) settle(undefined);
    else options.signal.addEventListener('abort', onAbort, { once: true });
    return {
      result,
      firstKey,
      armTimeout: () => {
        if (this.pending.has(contactId) && buffer.length === 0) restart(options.firstDigitMs);
      },
    };
  }
}
