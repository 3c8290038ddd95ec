/**
 * A meeting made through the local Chime SDK Meetings API, in the API's own shapes (PascalCase as
 * the service returns them), with what the emulator needs besides: the media server's meeting (to
 * restore it after a restart), the request token and a fingerprint of the request for idempotency.
 */
import type { MediaAttendee, MediaMeeting } from '../../media-server/media-service';

export type MediaCapability = 'SendReceive' | 'Send' | 'Receive' | 'None';

export interface AttendeeCapabilities {
  Audio: MediaCapability;
  Video: MediaCapability;
  Content: MediaCapability;
}

export interface ChimeAttendee {
  ExternalUserId: string;
  AttendeeId: string;
  JoinToken: string;
  Capabilities: AttendeeCapabilities;
}

export interface MeetingFeatures {
  Audio?: { EchoReduction?: 'AVAILABLE' | 'UNAVAILABLE' };
  Video: { MaxResolution: 'None' | 'HD' | 'FHD' };
  Content: { MaxResolution: 'None' | 'FHD' | 'UHD' };
  Attendee: { MaxCount: number };
}

export interface ChimeMeeting {
  MeetingId: string;
  MeetingHostId?: string;
  ExternalMeetingId: string;
  MediaRegion: string;
  MediaPlacement: MediaMeeting['MediaPlacement'];
  MeetingFeatures: MeetingFeatures;
  TenantIds?: string[];
  MeetingArn: string;
}

export interface MeetingRecord {
  meeting: ChimeMeeting;
  media: MediaMeeting;
  /** Current attendees in creation order (deleted ones are gone). */
  attendees: ChimeAttendee[];
  tags: Array<{ Key: string; Value: string }>;
  /** sha256 of the ClientRequestToken, and of the rest of the request (a reuse must match it). */
  tokenHash: string;
  fingerprint: string;
  /** CreateMeetingWithAttendees: the attendees it created, so a repeated request answers the same. */
  initialAttendeeIds: string[];
  createdAt: number;
}

/** The attendee as the media server knows it. */
export const toMediaAttendee = (a: ChimeAttendee): MediaAttendee => ({
  AttendeeId: a.AttendeeId,
  JoinToken: a.JoinToken,
  ExternalUserId: a.ExternalUserId,
});
