/**
 * Audio quality as Connect reports it in DescribeContact's QualityMetrics: a score from 1 to 5 (an
 * estimated mean opinion score) and up to three potential issues, from what the media server
 * measures on one attendee's audio: packet loss, round-trip time and jitter.
 */

/** One attendee's audio link over the last measurement window. */
export interface AudioLink {
  /** Audio packets of this attendee lost on the way to the server, percent of those sent. */
  packetLossPercent: number;
  /** Interarrival jitter of this attendee's audio, ms (RFC 3550). */
  jitterMs: number;
  /** Round-trip time between the server and the attendee, ms, when the client has reported one. */
  roundTripMs?: number;
}

/** Connect's PotentialAudioQualityIssues values. */
export type PotentialQualityIssue = 'HighPacketLoss' | 'HighRoundTripTime' | 'HighJitterBuffer';

/** Connect's AudioQualityMetricsInfo. */
export interface AudioQuality {
  QualityScore: number;
  PotentialQualityIssues: PotentialQualityIssue[];
}

/**
 * Where each issue starts: past these, speech is audibly hurt (ITU-T G.114 and G.113 planning
 * values).
 */
export const QUALITY_THRESHOLDS = { packetLossPercent: 3, roundTripMs: 300, jitterMs: 30 };

/**
 * A simplified ITU-T G.107 E-model: the R factor loses one point per 40 ms of one-way delay (one
 * per 10 ms past 160 ms) and 2.5 per percent of loss, and maps to a mean opinion score of at most
 * 4.5. Jitter counts twice, as a jitter buffer that absorbs it adds that much delay.
 */
export function audioQuality(link: AudioLink): AudioQuality {
  const oneWayMs = (link.roundTripMs ?? 0) / 2 + link.jitterMs * 2 + 10;
  const delayPenalty = oneWayMs < 160 ? oneWayMs / 40 : (oneWayMs - 120) / 10;
  const r = Math.min(100, Math.max(0, 93.2 - delayPenalty - link.packetLossPercent * 2.5));
  const mos = 1 + 0.035 * r + 7e-6 * r * (r - 60) * (100 - r);
  const issues: PotentialQualityIssue[] = [];
  if (link.packetLossPercent >= QUALITY_THRESHOLDS.packetLossPercent) issues.push('HighPacketLoss');
  if ((link.roundTripMs ?? 0) >= QUALITY_THRESHOLDS.roundTripMs) issues.push('HighRoundTripTime');
  if (link.jitterMs >= QUALITY_THRESHOLDS.jitterMs) issues.push('HighJitterBuffer');
  return {
    QualityScore: Math.round(Math.min(5, Math.max(1, mos)) * 100) / 100,
    PotentialQualityIssues: issues,
  };
}

/** Cumulative counters of one audio stream, as the receiver's statistics give them. */
export interface AudioCounters {
  packetsReceived: number;
  packetsLost: number;
  jitterSeconds?: number;
  roundTripSeconds?: number;
}

/** Turns cumulative counters into the link over the window since the previous sample. */
export class AudioLinkMeter {
  private previous: AudioCounters | undefined;

  sample(now: AudioCounters): AudioLink {
    const before = this.previous ?? { packetsReceived: 0, packetsLost: 0 };
    this.previous = now;
    const received = Math.max(0, now.packetsReceived - before.packetsReceived);
    const lost = Math.max(0, now.packetsLost - before.packetsLost);
    const sent = received + lost;
    return {
      packetLossPercent: sent === 0 ? 0 : Math.round((lost / sent) * 1000) / 10,
      jitterMs: Math.round((now.jitterSeconds ?? 0) * 10_000) / 10,
      ...(now.roundTripSeconds !== undefined
        ? { roundTripMs: Math.round(now.roundTripSeconds * 10_000) / 10 }
        : {}),
    };
  }
}
