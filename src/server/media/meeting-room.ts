/**
 * One meeting's state on the media server: its attendees (join tokens), live connections, the id
 * counters Chime clients depend on (audio stream ids, video stream and group ids, all increasing),
 * published video sources, the audio engine and retained data messages. Broadcasts (INDEX,
 * presence, data messages, meeting end) live in meeting-broadcasts.ts.
 */
import type { EventEmitter } from 'node:events';
import type { MediaAttendee, MediaMeeting, MediaServiceEvents } from './media-service';
import { AudioEngine } from './audio-engine';
import { parsePresentedToken, tokensEqual } from './join-token';
import type { SignalingConnection } from './signaling-connection';

/** A published video (a connection's camera, or a content share). */
export interface VideoSource {
  streamId: number;
  groupId: number;
  connection: SignalingConnection;
}

/** A data message as retained for late joiners. */
export interface RetainedMessage {
  topic: string;
  data: Uint8Array;
  lifetimeMs: number;
  senderAttendeeId: string;
  senderExternalUserId: string;
  ingestTimeNs: number;
  expiresAtMs: number;
}

export class MeetingRoom {
  readonly attendees = new Map<string, MediaAttendee>();
  readonly connections = new Set<SignalingConnection>();
  readonly sources = new Map<number, VideoSource>();
  readonly retained: RetainedMessage[] = [];
  readonly audio = new AudioEngine();
  ended = false;
  private nextAudioStreamId = 1;
  private nextStreamId = 1;
  private nextGroupId = 1;

  constructor(
    readonly meeting: MediaMeeting,
    readonly events: EventEmitter<MediaServiceEvents>,
  ) {}

  get id(): string {
    return this.meeting.MeetingId;
  }

  /** The attendee a presented join token belongs to (`#content` tokens map to `<id>#content`). */
  authenticate(presented: string): { attendeeId: string; externalUserId: string } | undefined {
    const { base, content } = parsePresentedToken(presented);
    for (const attendee of this.attendees.values()) {
      if (tokensEqual(attendee.JoinToken, base)) {
        return { attendeeId: content ? `${attendee.AttendeeId}#content` : attendee.AttendeeId, externalUserId: attendee.ExternalUserId };
      }
    }
    return undefined;
  }

  allocateAudioStreamId(): number {
    return this.nextAudioStreamId++;
  }

  /** Registers a connection's video as a new source with fresh, increasing stream and group ids. */
  publish(connection: SignalingConnection): VideoSource {
    const source = { streamId: this.nextStreamId++, groupId: this.nextGroupId++, connection };
    this.sources.set(source.streamId, source);
    return source;
  }

  unpublish(streamId: number): boolean {
    return this.sources.delete(streamId);
  }

  /** The live connection of an attendee id (including `#content` ids), if any. */
  connectionOf(attendeeId: string): SignalingConnection | undefined {
    return [...this.connections].find((c) => c.attendeeId === attendeeId);
  }

  /** Distinct people present (content connections do not count). */
  participantCount(): number {
    return new Set([...this.connections].filter((c) => !c.attendeeId.includes('#')).map((c) => c.attendeeId)).size;
  }

  /** Drops expired retained data messages and returns the rest. */
  liveRetained(nowMs: number): RetainedMessage[] {
    for (let i = this.retained.length - 1; i >= 0; i--) if (this.retained[i]!.expiresAtMs <= nowMs) this.retained.splice(i, 1);
    return this.retained;
  }
}
