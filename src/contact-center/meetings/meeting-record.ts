/**
 * A meeting made through the local Chime SDK Meetings API, in the API's own shapes (PascalCase as
 * the service returns them), with what the emulator needs besides: the media server's meeting (to
 * restore it after a restart), the request token and a fingerprint of the request for idempotency.
 */
import type { MediaAttendee, MediaMeeting } from '../../media-server/media-service';

/** What an attendee may do with one kind of media. */
export type MediaCapability = 'SendReceive' | 'Send' | 'Receive' | 'None';

/** An attendee's audio, video and content capabilities. */
export interface AttendeeCapabilities {
  Audio: MediaCapability;
  Video: MediaCapability;
  Content: MediaCapability;
}

/** An attendee as the Chime SDK Meetings API returns it. */
export interface ChimeAttendee {
  ExternalUserId: string;
  AttendeeId: string;
  JoinToken: string;
  Capabilities: AttendeeCapabilities;
}

/** A meeting's feature settings (video and content resolution, attendee count). */
export interface MeetingFeatures {
  Audio?: { EchoReduction?: 'AVAILABLE' | 'UNAVAILABLE' };
  Video: { MaxResolution: 'None' | 'HD' | 'FHD' };
  Content: { MaxResolution: 'None' | 'FHD' | 'UHD' };
  Attendee: { MaxCount: number };
}

/** A meeting as the Chime SDK Meetings API returns it. */
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

/** A meeting as the store keeps it: the meeting, its attendees and their tokens. */
export interface MeetingRecord {
  meeting: ChimeMeeting;
  media: MediaMeeting;
  /** Current attendees in creation order (deleted ones are gone). */
  attendees: ChimeAttendee[];
  tags: Array<{ Key: string; Value: string }>;
  /** sha256 of the ClientRequestToken, and of the rest of the request (a reuse must match it). */
  tokenHash: string;
  fingerprint: string;
  /**
   * CreateMeetingWithAttendees: the attendees it created, so a repeated request answers the same.
   */
  initialAttendeeIds: string[];
  createdAt: number;
}

/** The attendee as the media server knows it. */
export const toMediaAttendee = (a: ChimeAttendee): MediaAttendee => ({
  AttendeeId: a.AttendeeId,
  JoinToken: a.JoinToken,
  ExternalUserId: a.ExternalUserId,
});
