import { describe, expect, it } from 'vitest';
import { AudioLinkMeter, audioQuality } from './call-quality';

describe('audioQuality', () => {
  it('scores a clean link near the top and names no issue', () => {
    const q = audioQuality({ packetLossPercent: 0, jitterMs: 2, roundTripMs: 20 });
    expect(q.QualityScore).toBeGreaterThan(4.3);
    expect(q.QualityScore).toBeLessThanOrEqual(4.5);
    expect(q.PotentialQualityIssues).toEqual([]);
  });

  it('names each issue past its threshold, at most the three, and the score falls with them', () => {
    const clean = audioQuality({ packetLossPercent: 0, jitterMs: 2, roundTripMs: 20 }).QualityScore;
    const lossy = audioQuality({ packetLossPercent: 8, jitterMs: 2, roundTripMs: 20 });
    expect(lossy.PotentialQualityIssues).toEqual(['HighPacketLoss']);
    expect(lossy.QualityScore).toBeLessThan(clean);
    const everything = audioQuality({ packetLossPercent: 20, jitterMs: 80, roundTripMs: 900 });
    expect(everything.PotentialQualityIssues).toEqual([
      'HighPacketLoss',
      'HighRoundTripTime',
      'HighJitterBuffer',
    ]);
    expect(everything.QualityScore).toBeLessThan(2);
    expect(everything.QualityScore).toBeGreaterThanOrEqual(1);
  });
});

describe('AudioLinkMeter', () => {
  it('measures loss over the window since the previous sample, not since the start', () => {
    const meter = new AudioLinkMeter();
    expect(meter.sample({ packetsReceived: 950, packetsLost: 50 }).packetLossPercent).toBe(5);
    // The next 1,000 packets all arrived: the window is clean even though 50 were lost before.
    expect(meter.sample({ packetsReceived: 1950, packetsLost: 50 }).packetLossPercent).toBe(0);
    expect(
      meter.sample({
        packetsReceived: 2040,
        packetsLost: 60,
        jitterSeconds: 0.0123,
        roundTripSeconds: 0.0456,
      }),
    ).toEqual({ packetLossPercent: 10, jitterMs: 12.3, roundTripMs: 45.6 });
  });
});
