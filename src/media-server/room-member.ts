/**
 * What a meeting room needs from one of its live connections (an attendee's signaling socket, or
 * its `#content` session). The room owns membership, presence and fan-out of signaling frames; a
 * member sends them. Its media (videos, keyframe requests) goes through its media half, which the
 * room's media reaches directly (MediaEndpoint in room-media.ts).
 */
import type { AttendeeReport } from './attendee-report';
import type { SignalFrameInit } from './signaling-frames';

/** A live connection in a meeting room, as the room addresses it. */
export interface RoomMember {
  /** `<id>#content` for a content-share session. */
  readonly attendeeId: string;
  readonly externalUserId: string;
  /** Sends one signaling frame (dropped once the socket is closed). */
  send(frame: SignalFrameInit): void;
  /**
   * Another connection of the same attendee took its place (the room already removed it);
   * `reconnect` = the same SDK session came back.
   */
  replaced(reconnect: boolean): void;
  /** Closes the socket at once (meeting end grace period, server shutdown). */
  terminate(): void;
  /**
   * The member's device and last measured audio link (DescribeContact's DeviceInfo,
   * QualityMetrics).
   */
  report(): AttendeeReport;
}
