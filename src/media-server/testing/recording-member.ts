/**
 * Test kit: a RoomMember that records what the room sends it and what it is asked to do, in place
 * of a signaling connection, and is its own media half (MediaEndpoint) in place of a
 * ConnectionMedia (it honours both contracts: frames in order, one `replaced` per takeover, videos
 * delivered in order, keyframe requests counted).
 */
import type { RtpPacket } from 'werift';
import type { AttendeeReport } from '../attendee-report';
import type { MediaEndpoint } from '../room-media';
import type { RoomMember } from '../room-member';
import type { SignalFrameInit } from '../signaling-frames';

/**
 * A room member that only records; a test reads `frames`, `videos` and the counters after driving
 * the room.
 */
export class RecordingMember implements RoomMember, MediaEndpoint {
  readonly frames: SignalFrameInit[] = [];
  readonly videos: Array<{ streamId: number; packet: RtpPacket }> = [];
  replacedWith: boolean | undefined;
  terminated = false;
  keyframeRequests = 0;
  /** What report() answers: a test sets it. */
  reported: AttendeeReport = {};

  constructor(
    readonly attendeeId: string,
    readonly externalUserId = attendeeId,
  ) {}

  send(frame: SignalFrameInit): void {
    this.frames.push(frame);
  }

  replaced(reconnect: boolean): void {
    this.replacedWith = reconnect;
  }

  terminate(): void {
    this.terminated = true;
  }

  /** Its own media half. */
  get member(): RoomMember {
    return this;
  }

  deliver(streamId: number, _ssrc: number, _position: unknown, packet: RtpPacket): void {
    this.videos.push({ streamId, packet });
  }

  requestKeyframe(): void {
    this.keyframeRequests++;
  }

  report(): AttendeeReport {
    return this.reported;
  }

  /** The frames of one type, in order. */
  ofType(type: number): SignalFrameInit[] {
    return this.frames.filter((f) => f.type === type);
  }
}
