import { describe, expect, it } from 'vitest';
import { ProtectionProfileAes128CmHmacSha1_80, RtpHeader, SrtpSession } from 'werift';
import { estimateRollover, installSrtpRolloverEstimate, type SrtpSsrcState } from './srtp-rollover';

/** A sender and a receiver SRTP session sharing keys, as the two ends of one DTLS-SRTP link. */
function link() {
  const [a, b] = [Buffer.alloc(16, 1), Buffer.alloc(16, 2)];
  const [sa, sb] = [Buffer.alloc(14, 3), Buffer.alloc(14, 4)];
  const profile = ProtectionProfileAes128CmHmacSha1_80;
  const sender = new SrtpSession({
    keys: { localMasterKey: a, localMasterSalt: sa, remoteMasterKey: b, remoteMasterSalt: sb },
    profile,
  });
  const receiver = new SrtpSession({
    keys: { localMasterKey: b, localMasterSalt: sb, remoteMasterKey: a, remoteMasterSalt: sa },
    profile,
  });
  const packets = new Map<number, Buffer>();
  /**
   * Encrypts every packet from `first` for `count` numbers (wrapping), as the sender sends them.
   */
  const send = (first: number, count: number) => {
    for (let i = 0; i < count; i++) {
      const sequenceNumber = (first + i) & 0xffff;
      const header = new RtpHeader({
        sequenceNumber,
        timestamp: i * 960,
        payloadType: 111,
        ssrc: 42,
      });
      packets.set(first + i, sender.encrypt(Buffer.from(`packet ${first + i}`), header));
    }
  };
  /** Whether the receiver authenticates and decrypts the packet sent as number `n` (unwrapped). */
  const receives = (n: number) => {
    try {
      return receiver.decrypt(packets.get(n)!).toString().endsWith(`packet ${n}`);
    } catch {
      return false;
    }
  };
  return { send, receives };
}

/** 65 000 to 65 300 arrive, then 335 packets across the wrap are lost, then the stream goes on. */
function lossAcrossTheWrap() {
  const { send, receives } = link();
  send(65_000, 1_000);
  const before = Array.from({ length: 301 }, (_, i) => receives(65_000 + i));
  const after = Array.from({ length: 100 }, (_, i) => receives(65_636 + i));
  return { before, after };
}

describe('SRTP rollover counter', () => {
  // Runs first, before the estimate is installed in this test file's werift: the failure it fixes.
  it('werift alone loses a stream for good after a loss burst across the sequence wrap', () => {
    const { before, after } = lossAcrossTheWrap();
    expect(before.every(Boolean)).toBe(true);
    expect(after.some(Boolean)).toBe(false);
  });

  it('with the RFC 3711 estimate the stream survives the burst, late packets and reordering', () => {
    installSrtpRolloverEstimate();
    installSrtpRolloverEstimate(); // idempotent
    const { before, after } = lossAcrossTheWrap();
    expect(before.every(Boolean)).toBe(true);
    expect(after.every(Boolean)).toBe(true);

    const { send, receives } = link();
    send(65_530, 20);
    // 0 and 1 arrive before 65 534 and 65 535 (reordered across the wrap), then the rest in order.
    const order = [65_530, 65_531, 65_532, 65_533, 65_536, 65_537, 65_534, 65_535, 65_538, 65_539];
    expect(order.map(receives)).toEqual(order.map(() => true));
  });

  it('estimates the index closest to the highest seen', () => {
    const state: SrtpSsrcState = { rolloverCounter: 0, lastSequenceNumber: 0 };
    const roc = (sequence: number) => {
      estimateRollover(sequence, state);
      return state.rolloverCounter;
    };
    expect([65_000, 40_000, 2_000, 65_500, 3_000, 33_000, 200].map(roc)).toEqual([
      0, 0, 1, 0, 1, 1, 2,
    ]);
    expect(state).toMatchObject({ highestRoc: 2, highestSequence: 200 });
  });
});
