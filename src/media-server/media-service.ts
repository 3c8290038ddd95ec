/**
 * What the rest of the server may ask of the local media server (signaling + SFU). The local
 * Connect emulator creates a meeting per contact and an attendee per participant; the routing
 * engine adds the agent; the flow runner plays prompts into the meeting. Only this interface
 * crosses the boundary.
 */
import type { AttendeeReport } from './attendee-report';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { EventEmitter } from 'node:events';

/**
 * A meeting in the shape of Connect's `ConnectionData.Meeting` (PascalCase, as the API returns it).
 */
export interface MediaMeeting {
  MeetingId: string;
  MediaRegion: string;
  MediaPlacement: {
    AudioHostUrl: string;
    AudioFallbackUrl: string;
    SignalingUrl: string;
    TurnControlUrl: string;
    /** Omitted locally: the Chime SDK then sends no client events anywhere. */
    EventIngestionUrl?: string;
  };
  MeetingFeatures: { Audio: { EchoReduction: 'AVAILABLE' | 'UNAVAILABLE' } };
}

/** An attendee in the shape of Connect's `ConnectionData.Attendee`, plus the id others see. */
export interface MediaAttendee {
  AttendeeId: string;
  /**
   * Random, unguessable, sub-protocol safe (`[A-Za-z0-9_-]`), bound to this attendee of this
   * meeting.
   */
  JoinToken: string;
  ExternalUserId: string;
}

/** What the media service tells its owner: attendees joining and leaving the media. */
export interface MediaServiceEvents {
  'attendee-joined': [{ meetingId: string; attendeeId: string }];
  'attendee-left': [{ meetingId: string; attendeeId: string; dropped: boolean }];
}

/**
 * The media server as the Chime SDK Meetings emulator uses it: meetings and attendees, and whether
 * an attendee is still active.
 */
export interface MediaService {
  /** Creates a meeting whose SignalingUrl points at this server's `/control/<MeetingId>`. */
  createMeeting(): MediaMeeting;
  /** Adds an attendee to a live meeting. Throws if the meeting does not exist or has ended. */
  createAttendee(meetingId: string, externalUserId: string): MediaAttendee;
  /** Re-registers a meeting and its attendees read back from the store after a restart. */
  restoreMeeting(meeting: MediaMeeting, attendees: MediaAttendee[]): void;
  /** Ends a meeting: every client stops with MeetingEnded, later joins are refused. Idempotent. */
  endMeeting(meetingId: string): void;
  isMeetingActive(meetingId: string): boolean;
  /**
   * False once the attendee was removed, or has been away (no connection) for more than 60 seconds:
   * Connect's participant rule, after which its token is refused and it cannot rejoin.
   */
  isAttendeeActive(meetingId: string, attendeeId: string): boolean;
  /**
   * The device and last measured audio link of an attendee connected to a live meeting; undefined
   * when it is not connected. Never waits: the audio link is the previous measurement.
   */
  attendeeReport(meetingId: string, attendeeId: string): AttendeeReport | undefined;
  /**
   * Removes one attendee: its join token is refused from now on and its connections (its content
   * share too) stop with AttendeeRemoved (AUDIO_STATUS 411). Idempotent; unknown ids are ignored.
   */
  removeAttendee(meetingId: string, attendeeId: string): void;
  /** Sends a data message to every connection of the meeting except the sender's own. */
  sendDataMessage(
    meetingId: string,
    message: {
      topic: string;
      data: string;
      senderAttendeeId: string;
      senderExternalUserId: string;
    },
  ): void;
  /**
   * Plays mono 48 kHz 16-bit PCM into the meeting (flow prompts); resolves when it has been sent.
   */
  playAudio(meetingId: string, pcm: Int16Array): Promise<void>;
  readonly events: EventEmitter<MediaServiceEvents>;
  /** Handles a WebSocket upgrade for `/control/...`; returns false for any other path. */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): boolean;
  close(): Promise<void>;
}
