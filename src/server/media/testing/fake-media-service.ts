/**
 * Test fake: a small in-memory MediaService for the emulator's tests (the module boundary to the media server):
 * it hands out meetings and attendees in Connect's shape and records what was asked of it.
 */
import { EventEmitter } from 'node:events';
import { randomBytes, randomUUID } from 'node:crypto';
import type { MediaAttendee, MediaMeeting, MediaService, MediaServiceEvents } from '../media-service';

export class FakeMediaService implements MediaService {
  readonly events = new EventEmitter<MediaServiceEvents>();
  readonly meetings = new Map<string, { meeting: MediaMeeting; attendees: MediaAttendee[]; active: boolean }>();
  readonly restored: string[] = [];
  readonly ended: string[] = [];

  constructor(private readonly baseUrl = 'http://127.0.0.1:9') {}

  createMeeting(): MediaMeeting {
    const id = randomUUID();
    const ws = this.baseUrl.replace(/^http/, 'ws');
    const meeting: MediaMeeting = {
      MeetingId: id,
      MediaRegion: 'us-east-1',
      MediaPlacement: { AudioHostUrl: `${ws}/control/${id}`, AudioFallbackUrl: `${ws}/control/${id}`, SignalingUrl: `${ws}/control/${id}`, TurnControlUrl: `${this.baseUrl}/turn/${id}` },
      MeetingFeatures: { Audio: { EchoReduction: 'AVAILABLE' } },
    };
    this.meetings.set(id, { meeting, attendees: [], active: true });
    return meeting;
  }

  createAttendee(meetingId: string, externalUserId: string): MediaAttendee {
    const m = this.meetings.get(meetingId);
    if (!m?.active) throw new Error(`Meeting ${meetingId} does not exist or has ended`);
    const attendee = { AttendeeId: randomUUID(), JoinToken: randomBytes(24).toString('base64url'), ExternalUserId: externalUserId };
    m.attendees.push(attendee);
    return attendee;
  }

  restoreMeeting(meeting: MediaMeeting, attendees: MediaAttendee[]): void {
    this.meetings.set(meeting.MeetingId, { meeting, attendees: [...attendees], active: true });
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

  sendDataMessage(): void {}
  async playAudio(): Promise<void> {}
  handleUpgrade(): boolean {
    return false;
  }
  async close(): Promise<void> {}
}
