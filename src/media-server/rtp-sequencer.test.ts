import { describe, expect, it } from 'vitest';
import { isNewer, RtpSequencer } from './rtp-sequencer';

describe('RtpSequencer', () => {
  it('passes the first source through and keeps its gaps (real loss stays visible)', () => {
    const s = new RtpSequencer(48_000, 960);
    expect(s.rewrite(1, { sequenceNumber: 100, timestamp: 5000 }, 0)).toEqual({
      sequenceNumber: 100,
      timestamp: 5000,
    });
    expect(s.rewrite(1, { sequenceNumber: 102, timestamp: 6920 }, 40)).toEqual({
      sequenceNumber: 102,
      timestamp: 6920,
    });
  });

  it('continues seamlessly when the input switches to another source', () => {
    const s = new RtpSequencer(48_000, 960);
    s.rewrite(1, { sequenceNumber: 65535, timestamp: 4294967000 }, 0);
    // 100 ms later another source starts with unrelated numbers.
    const out = s.rewrite(2, { sequenceNumber: 7, timestamp: 123 }, 100);
    expect(out.sequenceNumber).toBe(0); // wrapped: 65535 + 1
    expect(out.timestamp).toBe((4294967000 + 4800) % 2 ** 32);
    expect(s.rewrite(2, { sequenceNumber: 8, timestamp: 1083 }, 120)).toEqual({
      sequenceNumber: 1,
      timestamp: (out.timestamp + 960) % 2 ** 32,
    });
  });

  it('advances at least one frame on a switch even without elapsed time', () => {
    const s = new RtpSequencer(48_000, 960);
    s.rewrite(1, { sequenceNumber: 10, timestamp: 0 }, 0);
    expect(s.rewrite(-1, { sequenceNumber: 0, timestamp: 0 }, 0)).toEqual({
      sequenceNumber: 11,
      timestamp: 960,
    });
  });

  it('compares sequence numbers across the 16-bit wrap', () => {
    expect(isNewer(1, 65535)).toBe(true);
    expect(isNewer(65535, 1)).toBe(false);
    expect(isNewer(5, 5)).toBe(false);
  });
});
