/**
 * Test fake: a small in-memory MediaService for the emulator's tests (the module boundary to the
 * media server). It passes the MediaService contract (media-service-contract.test.ts) for meetings,
 * attendees, restore, end, data messages and prompts, records what was asked of it, and speaks no
 * signaling: it handles no upgrade and emits no attendee events (a test emits them on `events`).
 */
import { EventEmitter } from 'node:events';
import type { AttendeeReport } from '../attendee-report';
import { newAttendeeId, newJoinToken } from '../join-token';
import { newMediaMeeting } from '../media-meeting';
import type {
  MediaAttendee,
  MediaMeeting,
  MediaService,
  MediaServiceEvents,
} from '../media-service';

interface FakeMeeting {
  meeting: MediaMeeting;
  attendees: MediaAttendee[];
  active: boolean;
}

/**
 * The in-memory MediaService; its public fields are what the emulator asked of it, for assertions.
 */
export class FakeMediaService implements MediaService {
  readonly events = new EventEmitter<MediaServiceEvents>();
  readonly meetings = new Map<string, FakeMeeting>();
  readonly restored: string[] = [];
  readonly ended: string[] = [];
  readonly dataMessages: Array<{
    meetingId: string;
    topic: string;
    data: string;
    senderAttendeeId: string;
  }> = [];

  constructor(private readonly publicUrl = 'http://127.0.0.1:9') {}

  createMeeting(): MediaMeeting {
    const meeting = newMediaMeeting(this.publicUrl);
    this.meetings.set(meeting.MeetingId, { meeting, attendees: [], active: true });
    return meeting;
  }

  createAttendee(meetingId: string, externalUserId: string): MediaAttendee {
    const m = this.live(meetingId);
    if (!externalUserId) throw new Error('ExternalUserId must not be empty.');
    const attendee = {
      AttendeeId: newAttendeeId(),
      JoinToken: newJoinToken(),
      ExternalUserId: externalUserId,
    };
    m.attendees.push(attendee);
    return attendee;
  }

  restoreMeeting(meeting: MediaMeeting, attendees: MediaAttendee[]): void {
    // As the real server: a meeting it knows keeps its state and gains the attendees it lacked.
    const m = this.meetings.get(meeting.MeetingId) ?? { meeting, attendees: [], active: true };
    for (const a of attendees)
      if (!m.attendees.some((x) => x.AttendeeId === a.AttendeeId)) m.attendees.push(a);
    this.meetings.set(meeting.MeetingId, m);
    this.restored.push(meeting.MeetingId);
  }

  endMeeting(meetingId: string): void {
    const m = this.meetings.get(meetingId);
    if (m?.active) {
      m.active = false;
      this.ended.push(meetingId);
    }
  }

  removeAttendee(meetingId: string, attendeeId: string): void {
    const m = this.meetings.get(meetingId);
    if (m) m.attendees = m.attendees.filter((a) => a.AttendeeId !== attendeeId);
  }

  isMeetingActive(meetingId: string): boolean {
    return this.meetings.get(meetingId)?.active ?? false;
  }

  /** Attendees a test says were away for more than 60 s (as `meetingId/attendeeId`). */
  readonly awayTooLong = new Set<string>();

  isAttendeeActive(meetingId: string, attendeeId: string): boolean {
    const m = this.meetings.get(meetingId);
    return (
      !!m?.attendees.some((a) => a.AttendeeId === attendeeId) &&
      !this.awayTooLong.has(`${meetingId}/${attendeeId}`)
    );
  }

  /** Reports by `meetingId/attendeeId`: a test sets what a connected attendee's client reported. */
  readonly reports = new Map<string, AttendeeReport>();

  attendeeReport(meetingId: string, attendeeId: string): AttendeeReport | undefined {
    const meeting = this.meetings.get(meetingId);
    if (!meeting?.active || !meeting.attendees.some((a) => a.AttendeeId === attendeeId))
      return undefined;
    return this.reports.get(`${meetingId}/${attendeeId}`);
  }

  sendDataMessage(
    meetingId: string,
    message: { topic: string; data: string; senderAttendeeId: string },
  ): void {
    this.live(meetingId);
    this.dataMessages.push({
      meetingId,
      topic: message.topic,
      data: message.data,
      senderAttendeeId: message.senderAttendeeId,
    });
  }

  playAudio(meetingId: string): Promise<void> {
    this.live(meetingId);
    return Promise.resolve();
  }

  handleUpgrade(): boolean {
    return false;
  }

  async close(): Promise<void> {}

  /** The meeting, if it exists and has not ended; throws what the real server throws otherwise. */
  private live(meetingId: string): FakeMeeting {
    const m = this.meetings.get(meetingId);
    if (!m) throw new Error(`Meeting ${meetingId} does not exist on this media server.`);
    if (!m.active) throw new Error(`Meeting ${meetingId} has ended.`);
    return m;
  }
}
