/**
 * Sequence-number and timestamp rewriting for one outgoing RTP stream that is fed by changing
 * inputs: a remote talker's packets, server-made silence, a newer connection of the same sender.
 * The receiver must see one continuous stream, so on every input switch the offsets are re-based
 * to continue right after the last packet sent, advanced by the wall-clock time that passed.
 */

export interface RtpPosition {
  sequenceNumber: number;
  timestamp: number;
}

interface InputOffsets {
  source: number;
  seqOffset: number;
  tsOffset: number;
}

const SEQ_MOD = 0x10000;
const TS_MOD = 0x100000000;

/**
 * Rewrites one outgoing stream's sequence numbers and timestamps so its changing inputs look
 * continuous.
 */
export class RtpSequencer {
  private current: InputOffsets | undefined;
  private last: (RtpPosition & { atMs: number }) | undefined;

  /**
   * @param clockRate RTP clock rate of the stream (48000 for Opus, 90000 for video).
   * @param minStepTicks smallest timestamp advance on a switch (one audio frame, or 1 tick for
   * video).
   */
  constructor(
    private readonly clockRate: number,
    private readonly minStepTicks: number,
  ) {}

  /**
   * Maps one input packet (identified by its source key, e.g. the upstream SSRC) to output numbers.
   */
  rewrite(source: number, input: RtpPosition, nowMs: number): RtpPosition {
    if (!this.current || this.current.source !== source)
      this.current = this.rebase(source, input, nowMs);
    const out = {
      sequenceNumber: (input.sequenceNumber + this.current.seqOffset) % SEQ_MOD,
      timestamp: (input.timestamp + this.current.tsOffset) % TS_MOD,
    };
    if (!this.last || isNewer(out.sequenceNumber, this.last.sequenceNumber))
      this.last = { ...out, atMs: nowMs };
    return out;
  }

  private rebase(source: number, input: RtpPosition, nowMs: number): InputOffsets {
    if (!this.last) return { source, seqOffset: 0, tsOffset: 0 };
    const elapsedTicks = Math.round(((nowMs - this.last.atMs) * this.clockRate) / 1000);
    const nextSeq = (this.last.sequenceNumber + 1) % SEQ_MOD;
    const nextTs = (this.last.timestamp + Math.max(this.minStepTicks, elapsedTicks)) % TS_MOD;
    return {
      source,
      seqOffset: mod(nextSeq - input.sequenceNumber, SEQ_MOD),
      tsOffset: mod(nextTs - input.timestamp, TS_MOD),
    };
  }
}

/** True if sequence number `a` is after `b`, allowing for 16-bit wrap-around. */
export function isNewer(a: number, b: number): boolean {
  const diff = mod(a - b, SEQ_MOD);
  return diff !== 0 && diff < SEQ_MOD / 2;
}

function mod(n: number, m: number): number {
  return ((n % m) + m) % m;
}
