/**
 * The meeting the local media server hands out, in the shape of Connect's `ConnectionData.Meeting`:
 * its signaling URL is this server's `/control/<MeetingId>` (wss: behind https:). Shared with the
 * fake MediaService so both give the emulator the same meeting.
 */
import { randomUUID } from 'node:crypto';
import type { MediaMeeting } from './media-service';

/** A new meeting with a fresh id, placed on the server at `publicUrl`. */
export function newMediaMeeting(publicUrl: string): MediaMeeting {
  const url = new URL(publicUrl);
  const wsBase = `${url.protocol === 'https:' ? 'wss' : 'ws'}://${url.host}`;
  const MeetingId = randomUUID();
  return {
    MeetingId,
    MediaRegion: 'local',
    MediaPlacement: {
      AudioHostUrl: `${url.host}:3478`,
      AudioFallbackUrl: `${wsBase}/audio/${MeetingId}`,
      SignalingUrl: `${wsBase}/control/${MeetingId}`,
      TurnControlUrl: `${url.origin}/turn`,
    },
    MeetingFeatures: { Audio: { EchoReduction: 'UNAVAILABLE' } },
  };
}
