/**
 * One meeting on the media server, and the single owner of its state: its attendees, the live
 * members and what the room knows of each (audio stream id, presence, mute), retained data messages,
 * and its media (room-media.ts: videos and audio mix). Every frame that goes to more than one member
 * (INDEX, presence, volume metadata, data messages, the meeting end) is sent from here.
 */
import type { EventEmitter } from 'node:events';
import type { MediaMeeting, MediaServiceEvents } from './media-service';
import { MeetingAttendees } from './meeting-attendees';
import type { SignalFrameInit } from './signaling-frames';
import {
  audioMetadataFrame,
  audioStatusFrame,
  dataMessageFrame,
  presenceFrame,
  presenceEntry,
} from './room-frames';
import type { RoomMember } from './room-member';
import { RoomMedia } from './room-media';
import { RetainedMessages, type StampedMessage } from './retained-messages';

interface Membership {
  readonly audioStreamId: number;
  /** JOIN.audio_session_id: equal for reconnects of the same SDK session. */
  readonly audioSessionId: number;
  announced: boolean;
  muted: boolean;
}

/** A data message before the room stamps its ingest time. */
export type OutgoingMessage = Omit<StampedMessage, 'ingestTimeNs'>;

const END_GRACE_MS = 3000;

export class MeetingRoom {
  readonly attendees = new MeetingAttendees();
  private readonly members = new Map<RoomMember, Membership>();
  private readonly retained = new RetainedMessages();
  /** The videos and the audio mix, for the members' media halves. */
  readonly media: RoomMedia = new RoomMedia({
    members: () => this.members.keys(),
    audioStreamIdOf: (m) => this.members.get(m)?.audioStreamId,
    broadcastIndex: () => this.broadcastIndex(),
  });
  private isEnded = false;
  private nextAudioStreamId = 1;

  constructor(
    readonly meeting: MediaMeeting,
    private readonly events: EventEmitter<MediaServiceEvents>,
  ) {}

  get id(): string {
    return this.meeting.MeetingId;
  }

  get ended(): boolean {
    return this.isEnded;
  }

  /** JOIN: replaces an older connection of the attendee, then sends the newcomer the INDEX and retained messages. */
  admit(member: RoomMember, audioSessionId: number): void {
    const previous = [...this.members.keys()].find((m) => m.attendeeId === member.attendeeId);
    if (previous && previous !== member) {
      const reconnect = this.members.get(previous)!.audioSessionId === audioSessionId;
      if (!reconnect) previous.send(audioStatusFrame('joinedFromAnotherDevice'));
      this.remove(previous, reconnect);
      previous.replaced(reconnect);
    }
    this.members.set(member, {
      audioStreamId: this.nextAudioStreamId++,
      audioSessionId,
      announced: false,
      muted: false,
    });
    this.events.emit('attendee-joined', { meetingId: this.id, attendeeId: member.attendeeId });
    member.send(this.indexFrame());
    const retained = this.retained.live(Date.now());
    if (retained.length > 0) member.send(dataMessageFrame(retained));
  }

  /** Presence after a member's first SUBSCRIBE_ACK: everybody to it, it to everybody else. */
  announce(member: RoomMember): void {
    const state = this.members.get(member);
    if (!state || state.announced) return;
    state.announced = true;
    const present = [...this.members].filter(([, s]) => s.announced);
    member.send(presenceFrame(present.map(([m, s]) => presenceEntry(m, s))));
    const entry = presenceFrame([presenceEntry(member, state)]);
    for (const [m] of present) if (m !== member) m.send(entry);
  }

  setMuted(member: RoomMember, muted: boolean): void {
    const state = this.members.get(member);
    if (!state) return;
    state.muted = muted;
    if (state.announced)
      this.toAnnounced(presenceFrame([{ audioStreamId: state.audioStreamId, muted }]));
  }

  /** Removes a member (idempotent): presence removal (`dropped` = connection lost), its videos, its audio. */
  remove(member: RoomMember, dropped: boolean): void {
    const state = this.members.get(member);
    if (!state) return;
    this.members.delete(member);
    if (state.announced)
      this.toAnnounced(
        presenceFrame([
          dropped
            ? { audioStreamId: state.audioStreamId, dropped: true }
            : { audioStreamId: state.audioStreamId },
        ]),
      );
    if (this.media.removeMember(member, state.audioStreamId) && !this.isEnded)
      this.broadcastIndex();
    this.events.emit('attendee-left', {
      meetingId: this.id,
      attendeeId: member.attendeeId,
      dropped,
    });
  }

  /** Sends the current INDEX to every member (after a video started or stopped). */
  broadcastIndex(): void {
    const frame = this.indexFrame();
    for (const m of this.members.keys()) m.send(frame);
  }

  /** Fans data messages out to every member but the sender, stamping the ingest time; retains those with a lifetime. */
  sendData(messages: OutgoingMessage[], senderAttendeeId: string): void {
    const now = Date.now();
    const stamped = messages.map((m) => ({ ...m, ingestTimeNs: now * 1_000_000 }));
    this.retained.add(stamped, now);
    const frame = dataMessageFrame(stamped);
    for (const m of this.members.keys()) if (m.attendeeId !== senderAttendeeId) m.send(frame);
  }

  /** Volume levels from the talkers' ssrc-audio-level headers (attenuation in dB, 0 = loudest). */
  sendAudioMetadata(): void {
    const levels = this.media.takeLevels();
    const attendeeStates = [...this.members.values()]
      .filter((s) => s.announced && levels.has(s.audioStreamId))
      .map((s) => ({
        audioStreamId: s.audioStreamId,
        volume: s.muted ? 127 : (levels.get(s.audioStreamId) ?? 127),
      }));
    if (attendeeStates.length > 0) this.toAnnounced(audioMetadataFrame(attendeeStates));
  }

  /** Ends the meeting: every client gets AUDIO_STATUS 410 (MeetingEnded) and later joins are refused. */
  end(): void {
    this.isEnded = true;
    for (const m of this.members.keys()) m.send(audioStatusFrame('meetingEnded'));
    this.media.close();
    this.terminateLater(() => [...this.members.keys()]);
  }

  /** One attendee removed (its token already forgotten): its members, `#content` too, stop with AUDIO_STATUS 411. */
  removeAttendee(attendeeId: string): void {
    const theirs = [...this.members.keys()].filter(
      (m) => m.attendeeId === attendeeId || m.attendeeId === `${attendeeId}#content`,
    );
    for (const m of theirs) m.send(audioStatusFrame('attendeeRemoved'));
    this.terminateLater(() => theirs);
  }

  /** Server shutdown: stops the audio mix and closes every member's socket at once. */
  close(): void {
    this.media.close();
    for (const m of [...this.members.keys()]) m.terminate();
  }

  /** Clients answer a final AUDIO_STATUS with LEAVE and close; sockets that do not are closed after a grace period. */
  private terminateLater(members: () => RoomMember[]): void {
    setTimeout(() => members().forEach((m) => m.terminate()), END_GRACE_MS).unref();
  }

  private indexFrame(): SignalFrameInit {
    const people = new Set(
      [...this.members.keys()].filter((m) => !m.attendeeId.includes('#')).map((m) => m.attendeeId),
    );
    return this.media.video.indexFrame(people.size);
  }

  private toAnnounced(frame: SignalFrameInit): void {
    for (const [m, s] of this.members) if (s.announced) m.send(frame);
  }
}
