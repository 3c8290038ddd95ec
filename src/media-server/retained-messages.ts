/**
 * Data messages sent with a lifetime, kept for attendees who join late or reconnect: at most 1024,
 * each for at most 5 minutes (the Chime service's limits).
 */

/** A data message as the server sends it (sender and ingest time filled in). */
export interface StampedMessage {
  topic: string;
  data: Uint8Array;
  lifetimeMs: number;
  senderAttendeeId: string;
  senderExternalUserId: string;
  ingestTimeNs: number;
}

const MAX_MESSAGES = 1024;
const MAX_LIFETIME_MS = 300_000;

/** Data messages kept for late joiners, bounded in number and age. */
export class RetainedMessages {
  private readonly messages: Array<StampedMessage & { expiresAtMs: number }> = [];

  /** Keeps the messages that have a lifetime, dropping the oldest beyond the limit. */
  add(messages: StampedMessage[], nowMs: number): void {
    for (const m of messages) {
      if (m.lifetimeMs > 0)
        this.messages.push({ ...m, expiresAtMs: nowMs + Math.min(m.lifetimeMs, MAX_LIFETIME_MS) });
    }
    this.messages.splice(0, Math.max(0, this.messages.length - MAX_MESSAGES));
  }

  /** Drops expired messages and returns the rest, as sent. */
  live(nowMs: number): StampedMessage[] {
    for (let i = this.messages.length - 1; i >= 0; i--)
      if (this.messages[i]!.expiresAtMs <= nowMs) this.messages.splice(i, 1);
    return this.messages.map(({ expiresAtMs: _, ...m }) => m);
  }
}
