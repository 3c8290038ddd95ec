/**
 * DescribeContact's QualityMetrics for a contact in progress: the agent's and the customer's audio,
 * scored from what the media server measures on each (see media/call-quality.ts).
 */
import { audioQuality, type AudioQuality } from '../../media-server/call-quality';
import type { MediaService } from '../../media-server/media-service';
import type { ContactParticipant, ContactRecord } from './contact-record';

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
