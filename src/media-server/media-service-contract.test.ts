/**
 * The MediaService contract, run over the real media server (createMediaServer) and over
 * FakeMediaService, the fake the emulator's tests use, on what the fake implements: meetings,
 * attendees, restore, end, removal, data messages and prompts. Signaling (handleUpgrade on
 * `/control/...` and the attendee events it causes) is the real server's alone:
 * create-media-server.test.ts.
 */
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { createMediaServer } from './create-media-server';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { MediaService } from './media-service';
import { FakeMediaService } from './testing/fake-media-service';

const PUBLIC_URL = 'https://calls.example:8443';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const implementations: Array<{ name: string; make(): MediaService }> = [
  {
    name: 'the media server',
    make: () => createMediaServer({ publicUrl: PUBLIC_URL, logger: pino({ level: 'silent' }) }),
  },
  { name: 'FakeMediaService', make: () => new FakeMediaService(PUBLIC_URL) },
];
/** Whatever a call does, thrown or rejected, as a promise (playAudio may do either). */
const settle = (f: () => unknown) => Promise.resolve().then(f);
const message = (senderAttendeeId: string) => ({
  topic: 'chat',
  data: 'hi',
  senderAttendeeId,
  senderExternalUserId: 'x',
});

describe.each(implementations)('MediaService contract: $name', ({ make }) => {
  let media: MediaService;
  afterEach(async () => media?.close());

  it('creates meetings placed on this server: wss signaling on /control/<MeetingId>, no event ingestion', () => {
    media = make();
    const a = media.createMeeting();
    const b = media.createMeeting();
    expect(a.MeetingId).toMatch(UUID);
    expect(b.MeetingId).not.toBe(a.MeetingId);
    expect(a).toEqual({
      MeetingId: a.MeetingId,
      MediaRegion: 'local',
      MediaPlacement: {
        AudioHostUrl: 'calls.example:8443:3478',
        AudioFallbackUrl: `wss://calls.example:8443/audio/${a.MeetingId}`,
        SignalingUrl: `wss://calls.example:8443/control/${a.MeetingId}`,
        TurnControlUrl: 'https://calls.example:8443/turn',
      },
      MeetingFeatures: { Audio: { EchoReduction: 'UNAVAILABLE' } },
    });
    expect(media.isMeetingActive(a.MeetingId)).toBe(true);
    expect(media.isMeetingActive('no-such-meeting')).toBe(false);
  });

  it('adds attendees with fresh ids and sub-protocol-safe tokens to a live meeting only', () => {
    media = make();
    const { MeetingId } = media.createMeeting();
    const a = media.createAttendee(MeetingId, 'customer-1');
    const b = media.createAttendee(MeetingId, 'agent-1');
    expect(a).toEqual({
      AttendeeId: expect.stringMatching(UUID),
      JoinToken: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
      ExternalUserId: 'customer-1',
    });
    expect(b.AttendeeId).not.toBe(a.AttendeeId);
    expect(b.JoinToken).not.toBe(a.JoinToken);
    expect(() => media.createAttendee(MeetingId, '')).toThrow('ExternalUserId must not be empty.');
    expect(() => media.createAttendee('no-such-meeting', 'x')).toThrow(
      'Meeting no-such-meeting does not exist on this media server.',
    );
    media.endMeeting(MeetingId);
    expect(() => media.createAttendee(MeetingId, 'late')).toThrow(
      `Meeting ${MeetingId} has ended.`,
    );
  });

  it('ends a meeting idempotently; ending or removing from an unknown meeting is a no-op', () => {
    media = make();
    const { MeetingId } = media.createMeeting();
    const a = media.createAttendee(MeetingId, 'customer-1');
    media.removeAttendee(MeetingId, a.AttendeeId);
    media.removeAttendee(MeetingId, a.AttendeeId);
    media.removeAttendee('no-such-meeting', 'no-such-attendee');
    expect(media.isMeetingActive(MeetingId)).toBe(true);
    media.endMeeting(MeetingId);
    media.endMeeting(MeetingId);
    media.endMeeting('no-such-meeting');
    expect(media.isMeetingActive(MeetingId)).toBe(false);
  });

  it('reports no device or audio for an attendee that is not connected, or an unknown meeting', () => {
    media = make();
    const { MeetingId } = media.createMeeting();
    const a = media.createAttendee(MeetingId, 'customer-1');
    expect(media.attendeeReport(MeetingId, a.AttendeeId)).toBeUndefined();
    expect(media.attendeeReport('no-such-meeting', a.AttendeeId)).toBeUndefined();
    media.endMeeting(MeetingId);
    expect(media.attendeeReport(MeetingId, a.AttendeeId)).toBeUndefined();
  });

  it('restores a stored meeting under its own id; a meeting it knows keeps its state', async () => {
    const first = make();
    const meeting = first.createMeeting();
    const ended = first.createMeeting();
    const attendee = first.createAttendee(meeting.MeetingId, 'customer-1');
    await first.close();
    media = make();
    media.restoreMeeting(meeting, [attendee]);
    expect(media.isMeetingActive(meeting.MeetingId)).toBe(true);
    expect(media.createAttendee(meeting.MeetingId, 'agent-1').AttendeeId).not.toBe(
      attendee.AttendeeId,
    );
    media.restoreMeeting(ended, []);
    media.endMeeting(ended.MeetingId);
    media.restoreMeeting(ended, []);
    expect(media.isMeetingActive(ended.MeetingId)).toBe(false);
  });

  it('takes data messages and prompts for a live meeting, and refuses them for an unknown or ended one', async () => {
    media = make();
    const { MeetingId } = media.createMeeting();
    const a = media.createAttendee(MeetingId, 'customer-1');
    expect(() => media.sendDataMessage(MeetingId, message(a.AttendeeId))).not.toThrow();
    await expect(media.playAudio(MeetingId, new Int16Array(960))).resolves.toBeUndefined();
    expect(() => media.sendDataMessage('no-such-meeting', message(a.AttendeeId))).toThrow(
      'Meeting no-such-meeting does not exist on this media server.',
    );
    await expect(
      settle(() => media.playAudio('no-such-meeting', new Int16Array(960))),
    ).rejects.toThrow('does not exist');
    media.endMeeting(MeetingId);
    expect(() => media.sendDataMessage(MeetingId, message(a.AttendeeId))).toThrow(
      `Meeting ${MeetingId} has ended.`,
    );
    await expect(settle(() => media.playAudio(MeetingId, new Int16Array(960)))).rejects.toThrow(
      'has ended',
    );
  });

  it('leaves upgrades to other paths alone', () => {
    media = make();
    const req = { url: '/aws/participant/connect', headers: {} } as IncomingMessage;
    expect(media.handleUpgrade(req, {} as Duplex, Buffer.alloc(0))).toBe(false);
  });
});
