/**
 * One meeting on the media server, and the single owner of its state: its attendees, the live
 * members and what the room knows of each (audio stream id, presence, mute), retained data
 * messages, and its media (room-media.ts: videos and audio mix). Every frame that goes to more than
 * one member (INDEX, presence, volume metadata, data messages, the meeting end) is sent from here.
 * It is also the fault boundary of the meeting (media-faults.ts): work for one member that throws
 * ends that member's connection (its browser reconnects), work for the whole meeting that throws
 * ends the meeting's connections; other meetings never notice.
 */
import type { AttendeeReport } from './attendee-report';
import type { EventEmitter } from 'node:events';
import type { MediaMeeting, MediaServiceEvents } from './media-service';
import { MeetingAttendees } from './meeting-attendees';
import type { FaultSource, MediaFaults } from './media-faults';
import type { AudioCodecs } from './opus-codec';
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

/**
 * One meeting on the media server: the owner of its members, messages and media, and its fault
 * boundary.
 */
export class MeetingRoom {
  readonly attendees: MeetingAttendees;
  private readonly members = new Map<RoomMember, Membership>();
  private readonly retained = new RetainedMessages();
  /** The videos and the audio mix, for the members' media halves. */
  readonly media: RoomMedia;
  private isEnded = false;
  private nextAudioStreamId = 1;

  constructor(
    readonly meeting: MediaMeeting,
    private readonly events: EventEmitter<MediaServiceEvents>,
    private readonly faults: MediaFaults,
    codecs?: AudioCodecs,
    /** The clock of Connect's 60-second participant rule (tests move it). */
    now: () => number = Date.now,
  ) {
    this.attendees = new MeetingAttendees(now);
    this.media = new RoomMedia(
      {
        audioStreamIdOf: (m) => this.members.get(m)?.audioStreamId,
        broadcastIndex: () => this.broadcastIndex(),
        guardMember: (m, source, work) => this.guardMember(m, source, work),
        audioFault: (m, err) => this.audioFault(m, err),
      },
      codecs,
    );
  }

  get id(): string {
    return this.meeting.MeetingId;
  }

  get ended(): boolean {
    return this.isEnded;
  }

  /**
   * Runs work for one member: if it throws, the fault is counted and that member's connection ends.
   */
  guardMember(member: RoomMember, source: FaultSource, work: () => void): boolean {
    return this.faults.run(
      { meetingId: this.id, attendeeId: member.attendeeId },
      source,
      work,
      () => this.endMember(member),
    );
  }

  /**
   * Records a member's fault caught elsewhere (a rejected promise) and ends that member's
   * connection.
   */
  memberFault(member: RoomMember, source: FaultSource, err: unknown): void {
    this.faults.record({ meetingId: this.id, attendeeId: member.attendeeId }, source, err);
    this.faults.run({ meetingId: this.id, attendeeId: member.attendeeId }, source, () =>
      this.endMember(member),
    );
  }

  /**
   * Runs work for the whole meeting. If it throws, the fault is counted and, with `endMedia`, every
   * connection of this meeting ends (the browsers reconnect to a fresh state); other meetings go
   * on.
   */
  guardMeeting(source: FaultSource, work: () => void, endMedia = true): boolean {
    return this.faults.run(
      { meetingId: this.id },
      source,
      work,
      endMedia ? () => this.endAllMembers() : undefined,
    );
  }

  /**
   * JOIN: replaces an older connection of the attendee, then sends the newcomer the INDEX and
   * retained messages.
   */
  /**
   * The report of an attendee's live connection (not its content share); undefined when it has
   * none.
   */
  reportOf(attendeeId: string): AttendeeReport | undefined {
    return [...this.members.keys()].find((m) => m.attendeeId === attendeeId)?.report();
  }

  admit(member: RoomMember, audioSessionId: number): void {
    const previous = [...this.members.keys()].find((m) => m.attendeeId === member.attendeeId);
    if (previous && previous !== member) {
      const reconnect = this.members.get(previous)!.audioSessionId === audioSessionId;
      if (!reconnect) this.deliver(previous, audioStatusFrame('joinedFromAnotherDevice'));
      this.remove(previous, reconnect);
      this.guardMember(previous, 'signaling-event', () => previous.replaced(reconnect));
    }
    this.attendees.markPresent(member.attendeeId);
    this.members.set(member, {
      audioStreamId: this.nextAudioStreamId++,
      audioSessionId,
      announced: false,
      muted: false,
    });
    this.tell(() => {
      this.events.emit('attendee-joined', { meetingId: this.id, attendeeId: member.attendeeId });
    });
    this.deliver(member, this.indexFrame());
    const retained = this.retained.live(Date.now());
    if (retained.length > 0) this.deliver(member, dataMessageFrame(retained));
  }

  /** Presence after a member's first SUBSCRIBE_ACK: everybody to it, it to everybody else. */
  announce(member: RoomMember): void {
    const state = this.members.get(member);
    if (!state || state.announced) return;
    state.announced = true;
    const present = [...this.members].filter(([, s]) => s.announced);
    this.deliver(member, presenceFrame(present.map(([m, s]) => presenceEntry(m, s))));
    const entry = presenceFrame([presenceEntry(member, state)]);
    for (const [m] of present) if (m !== member) this.deliver(m, entry);
  }

  setMuted(member: RoomMember, muted: boolean): void {
    const state = this.members.get(member);
    if (!state) return;
    state.muted = muted;
    if (state.announced)
      this.toAnnounced(presenceFrame([{ audioStreamId: state.audioStreamId, muted }]));
  }

  /**
   * Removes a member (idempotent): presence removal (`dropped` = connection lost), its videos, its
   * audio.
   */
  remove(member: RoomMember, dropped: boolean): void {
    const state = this.members.get(member);
    if (!state) return;
    this.members.delete(member);
    // Its last connection gone: the 60-second rule starts counting (a reconnect admits it first).
    if (![...this.members.keys()].some((m) => m.attendeeId === member.attendeeId))
      this.attendees.markAway(member.attendeeId);
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
    this.tell(() => {
      this.events.emit('attendee-left', {
        meetingId: this.id,
        attendeeId: member.attendeeId,
        dropped,
      });
    });
  }

  /** Sends the current INDEX to every member (after a video started or stopped). */
  broadcastIndex(): void {
    const frame = this.indexFrame();
    for (const m of [...this.members.keys()]) this.deliver(m, frame);
  }

  /**
   * Fans data messages out to every member but the sender, stamping the ingest time; retains those
   * with a lifetime.
   */
  sendData(messages: OutgoingMessage[], senderAttendeeId: string): void {
    const now = Date.now();
    const stamped = messages.map((m) => ({ ...m, ingestTimeNs: now * 1_000_000 }));
    this.retained.add(stamped, now);
    const frame = dataMessageFrame(stamped);
    for (const m of [...this.members.keys()])
      if (m.attendeeId !== senderAttendeeId) this.deliver(m, frame);
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

  /**
   * Ends the meeting: every client gets AUDIO_STATUS 410 (MeetingEnded) and later joins are
   * refused.
   */
  end(): void {
    this.isEnded = true;
    for (const m of [...this.members.keys()]) this.deliver(m, audioStatusFrame('meetingEnded'));
    this.media.close();
    this.terminateLater(() => [...this.members.keys()]);
  }

  /**
   * One attendee removed (its token already forgotten): its members, `#content` too, stop with
   * AUDIO_STATUS 411.
   */
  removeAttendee(attendeeId: string): void {
    const theirs = [...this.members.keys()].filter(
      (m) => m.attendeeId === attendeeId || m.attendeeId === `${attendeeId}#content`,
    );
    for (const m of theirs) this.deliver(m, audioStatusFrame('attendeeRemoved'));
    this.terminateLater(() => theirs);
  }

  /** Server shutdown: stops the audio mix and closes every member's socket at once. */
  close(): void {
    this.media.close();
    for (const m of [...this.members.keys()])
      this.guardMember(m, 'signaling-event', () => m.terminate());
  }

  /**
   * Clients answer a final AUDIO_STATUS with LEAVE and close; sockets that do not are closed after
   * a grace period.
   */
  private terminateLater(members: () => RoomMember[]): void {
    setTimeout(() => {
      for (const m of members()) this.guardMember(m, 'timer', () => m.terminate());
    }, END_GRACE_MS).unref();
  }

  /**
   * Sends one frame to one member; a socket that throws ends that member only, the fan-out goes on.
   */
  private deliver(member: RoomMember, frame: SignalFrameInit): void {
    this.guardMember(member, 'signaling-send', () => member.send(frame));
  }

  /**
   * Tells the rest of the server; a listener that throws is its own fault, so no media ends for it.
   */
  private tell(work: () => void): void {
    this.guardMeeting('meeting-event', work, false);
  }

  /**
   * A fault in the audio mix: a member's share ends that member, the whole frame ends the meeting's
   * media.
   */
  private audioFault(member: RoomMember | undefined, err: unknown): void {
    this.faults.record(
      { meetingId: this.id, attendeeId: member?.attendeeId },
      member ? 'audio-member' : 'audio-clock',
      err,
    );
    this.faults.run({ meetingId: this.id }, member ? 'audio-member' : 'audio-clock', () =>
      member ? this.endMember(member) : this.endAllMembers(),
    );
  }

  /**
   * Containment for one member: the room forgets it at once and its socket closes (the SDK
   * reconnects).
   */
  private endMember(member: RoomMember): void {
    this.remove(member, true);
    member.terminate();
  }

  private endAllMembers(): void {
    for (const m of [...this.members.keys()])
      this.faults.run({ meetingId: this.id, attendeeId: m.attendeeId }, 'signaling-event', () =>
        this.endMember(m),
      );
  }

  private indexFrame(): SignalFrameInit {
    const people = new Set(
      [...this.members.keys()].filter((m) => !m.attendeeId.includes('#')).map((m) => m.attendeeId),
    );
    return this.media.indexFrame(people.size);
  }

  private toAnnounced(frame: SignalFrameInit): void {
    for (const [m, s] of [...this.members]) if (s.announced) this.deliver(m, frame);
  }
}
