/**
 * DescribeContact's QualityMetrics for a contact in progress: the agent's and the customer's audio,
 * scored from what the media server measures on each (see media/call-quality.ts); and the call's
 * health (the customer's DeviceInfo with those metrics), which both DescribeContact and the agent
 * desk's health route report.
 */
import { audioQuality, type AudioQuality } from '../../media-server/call-quality';
import type { MediaService } from '../../media-server/media-service';
import type { ContactParticipant, ContactRecord, DeviceInfo } from './contact-record';

/** DescribeContact's QualityMetrics: each side's audio, when measured. */
export interface QualityMetrics {
  Agent?: { Audio: AudioQuality };
  Customer?: { Audio: AudioQuality };
}

function audioOf(media: MediaService, c: ContactRecord, p: ContactParticipant | undefined) {
  if (!p || p.disconnectedAt !== undefined) return undefined;
  const link = media.attendeeReport(c.meeting.MeetingId, p.attendee.AttendeeId)?.audio;
  return link && { Audio: audioQuality(link) };
}

/** Undefined once the call is over or before either side's audio was measured. */
export function qualityMetricsOf(
  media: MediaService,
  c: ContactRecord,
): QualityMetrics | undefined {
  if (c.state === 'ENDED') return undefined;
  const agent = audioOf(media, c, c.agentParticipant);
  const customer = audioOf(media, c, c.customer);
  if (!agent && !customer) return undefined;
  return { ...(agent ? { Agent: agent } : {}), ...(customer ? { Customer: customer } : {}) };
}

/** A call's health: the customer's DeviceInfo and the QualityMetrics, each absent until known. */
export interface CallHealthOf {
  customerDevice?: DeviceInfo;
  quality?: QualityMetrics;
}

/**
 * The one reading of a call's health: DescribeContact's Customer.DeviceInfo and QualityMetrics, and the
 * agent desk's health route, both take it from here so they cannot disagree.
 */
export function callHealthOf(media: MediaService, c: ContactRecord): CallHealthOf {
  const quality = qualityMetricsOf(media, c);
  return {
    ...(c.customer.deviceInfo ? { customerDevice: c.customer.deviceInfo } : {}),
    ...(quality ? { quality } : {}),
  };
}
