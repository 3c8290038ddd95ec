/**
 * Matches every packet a synthetic attendee sends with its arrival at the other attendee of the
 * call, by payload (the server forwards 1:1 payloads untouched while it rewrites RTP headers). From
 * that come, per call, the packets lost and the delay added between the sender's `sendRtp` and the
 * receiver's `onReceiveRtp` (loopback, so this is the server's receive → send time plus both
 * clients' stacks). Packets never seen within MATCH_WINDOW_MS count as lost.
 */
import { createHash } from 'node:crypto';

const MATCH_WINDOW_MS = 2_000;

interface Pending {
  call: number;
  sentAt: number;
  counted: boolean;
}

/** Per-call figures of one measurement window. */
export interface CallDelivery {
  sent: number;
  lost: number;
  delaysMs: number[];
}

/** Loss and delay per call for the load bench, from every packet's send and arrival. */
export class DeliveryTracker {
  private readonly pending = new Map<string, Pending>();
  private calls = new Map<number, CallDelivery>();
  private measuring = false;
  /** Every RTP packet the attendees received (forwarded media and server-made silence alike). */
  receivedPackets = 0;

  /** Starts a measurement window: only packets sent from now on are counted. */
  startWindow(): void {
    this.calls = new Map();
    this.receivedPackets = 0;
    this.measuring = true;
  }

  /** Ends the window once late packets had their chance; returns the figures per call. */
  async endWindow(): Promise<Map<number, CallDelivery>> {
    this.measuring = false;
    await new Promise((r) => setTimeout(r, MATCH_WINDOW_MS));
    this.sweep(Infinity);
    return this.calls;
  }

  sent(call: number, flow: string, payload: Buffer): void {
    const key = keyOf(flow, payload);
    const now = performance.now();
    const previous = this.pending.get(key);
    if (previous) this.lose(previous);
    this.pending.set(key, { call, sentAt: now, counted: this.measuring });
    if (this.measuring) this.call(call).sent++;
    if (this.pending.size % 512 === 0) this.sweep(now - MATCH_WINDOW_MS);
  }

  received(flow: string, payload: Buffer): void {
    this.receivedPackets++;
    const key = keyOf(flow, payload);
    const entry = this.pending.get(key);
    if (!entry) return;
    this.pending.delete(key);
    if (entry.counted) this.call(entry.call).delaysMs.push(performance.now() - entry.sentAt);
  }

  private sweep(olderThan: number): void {
    for (const [key, entry] of this.pending) {
      if (entry.sentAt < olderThan) {
        this.pending.delete(key);
        this.lose(entry);
      }
    }
  }

  private lose(entry: Pending): void {
    if (entry.counted) this.call(entry.call).lost++;
  }

  private call(id: number): CallDelivery {
    let c = this.calls.get(id);
    if (!c) this.calls.set(id, (c = { sent: 0, lost: 0, delaysMs: [] }));
    return c;
  }
}

function keyOf(flow: string, payload: Buffer): string {
  return flow + createHash('sha1').update(payload).digest('base64');
}
