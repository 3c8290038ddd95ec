/**
 * What a meeting room needs from one of its live connections (an attendee's signaling socket, or
 * its `#content` session). The room owns membership, presence and fan-out; a member only sends,
 * receives the videos it may subscribe to, and answers keyframe requests for the video it publishes.
 */
import type { RtpPacket } from 'werift';
import type { AttendeeReport } from './attendee-report';
import type { RtpPosition } from './rtp-sequencer';
import type { SignalFrameInit } from './signaling-frames';

/** A live connection in a meeting room, as the room addresses it. */
export interface RoomMember {
  /** `<id>#content` for a content-share session. */
  readonly attendeeId: string;
  readonly externalUserId: string;
  /** Sends one signaling frame (dropped once the socket is closed). */
  send(frame: SignalFrameInit): void;
  /** Another connection of the same attendee took its place (the room already removed it); `reconnect` = the same SDK session came back. */
  replaced(reconnect: boolean): void;
  /** Closes the socket at once (meeting end grace period, server shutdown). */
  terminate(): void;
  /** One packet of a published video; the member forwards it where it subscribed to `streamId`. */
  receiveVideo(
    streamId: number,
    ssrc: number,
    position: RtpPosition,
    packet: RtpPacket,
    nowMs: number,
  ): void;
  /** Asks the member's browser for a keyframe of the video it publishes (rate-limited unless forced). */
  requestKeyframe(force: boolean): void;
  /** The member's device and last measured audio link (DescribeContact's DeviceInfo, QualityMetrics). */
  report(): AttendeeReport;
}
