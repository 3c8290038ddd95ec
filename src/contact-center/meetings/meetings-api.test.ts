/**
 * Contract: every Chime SDK Meetings operation through the official client against the emulator:
 * shapes as the SDK parses them, ClientRequestToken and ExternalUserId idempotency, paging, and
 * meetings with their attendees surviving a restart.
 */
import { afterEach, describe, expect, it } from 'vitest';
import {
  BatchCreateAttendeeCommand,
  CreateAttendeeCommand,
  CreateMeetingWithAttendeesCommand,
  DeleteAttendeeCommand,
  DeleteMeetingCommand,
  GetAttendeeCommand,
  GetMeetingCommand,
  ListAttendeesCommand,
  UpdateAttendeeCapabilitiesCommand,
} from '@aws-sdk/client-chime-sdk-meetings';
import { startEmulatorHarness, type EmulatorHarness } from '../emulator/testing/emulator-harness';
import { fill, newMeeting, refusal } from './testing/meetings-test-kit';

let h: EmulatorHarness;
afterEach(async () => h?.close());
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const ALL = { Audio: 'SendReceive', Video: 'SendReceive', Content: 'SendReceive' };

describe('meetings', () => {
  it('CreateMeeting, GetMeeting and DeleteMeeting; the meeting is a live media-server meeting until deleted', async () => {
    h = await startEmulatorHarness({ region: 'eu-west-2' });
    const meeting = await newMeeting(h.meetings, {
      MediaRegion: 'eu-central-1',
      ExternalMeetingId: 'Daily (team) #1',
      TenantIds: ['tenant-1'],
    });
    expect(meeting).toMatchObject({
      MeetingId: expect.stringMatching(UUID),
      ExternalMeetingId: 'Daily (team) #1',
      MediaRegion: 'eu-central-1',
      TenantIds: ['tenant-1'],
      MeetingArn: `arn:aws:chime:eu-west-2:000000000000:meeting/${meeting.MeetingId}`,
      MeetingFeatures: {
        Video: { MaxResolution: 'HD' },
        Content: { MaxResolution: 'FHD' },
        Attendee: { MaxCount: 250 },
      },
    });
    expect(meeting.MediaPlacement).toEqual(
      h.media.meetings.get(meeting.MeetingId!)?.meeting.MediaPlacement,
    );
    expect(h.media.isMeetingActive(meeting.MeetingId!)).toBe(true);
    expect(
      (await h.meetings.send(new GetMeetingCommand({ MeetingId: meeting.MeetingId }))).Meeting,
    ).toEqual(meeting);

    const deleted = await h.meetings.send(
      new DeleteMeetingCommand({ MeetingId: meeting.MeetingId }),
    );
    expect(deleted.$metadata.httpStatusCode).toBe(204);
    expect(h.media.ended).toEqual([meeting.MeetingId]);
    expect(
      (await refusal(h.meetings.send(new GetMeetingCommand({ MeetingId: meeting.MeetingId }))))
        .name,
    ).toBe('NotFoundException');
    expect(
      (await refusal(h.meetings.send(new DeleteMeetingCommand({ MeetingId: meeting.MeetingId }))))
        .name,
    ).toBe('NotFoundException');
  });

  it('CreateMeetingWithAttendees creates the meeting and its attendees with the callers ExternalUserIds', async () => {
    h = await startEmulatorHarness();
    const out = await h.meetings.send(
      new CreateMeetingWithAttendeesCommand({
        MediaRegion: 'us-west-2',
        ExternalMeetingId: 'support-call',
        MeetingFeatures: { Audio: { EchoReduction: 'AVAILABLE' } },
        Attendees: [
          { ExternalUserId: 'agent-ada' },
          {
            ExternalUserId: 'customer-bob',
            Capabilities: { Audio: 'SendReceive', Video: 'Receive', Content: 'None' },
          },
        ],
      }),
    );
    expect(out.Meeting?.MeetingFeatures?.Audio).toEqual({ EchoReduction: 'AVAILABLE' });
    expect(out.Errors).toEqual([]);
    expect(out.Attendees?.map((a) => [a.ExternalUserId, a.Capabilities])).toEqual([
      ['agent-ada', ALL],
      ['customer-bob', { Audio: 'SendReceive', Video: 'Receive', Content: 'None' }],
    ]);
    const onMedia = h.media.meetings.get(out.Meeting!.MeetingId!)!.attendees;
    expect(onMedia.map((a) => [a.AttendeeId, a.JoinToken, a.ExternalUserId])).toEqual(
      out.Attendees!.map((a) => [a.AttendeeId, a.JoinToken, a.ExternalUserId]),
    );
  });

  it('the same ClientRequestToken returns the same meeting; with a different request it is a ConflictException', async () => {
    h = await startEmulatorHarness();
    const first = await newMeeting(h.meetings, { ClientRequestToken: 'token-0001' });
    expect(await newMeeting(h.meetings, { ClientRequestToken: 'token-0001' })).toEqual(first);
    const conflict = await refusal(
      newMeeting(h.meetings, { ClientRequestToken: 'token-0001', ExternalMeetingId: 'another' }),
    );
    expect([conflict.name, conflict.Code, conflict.$metadata.httpStatusCode]).toEqual([
      'ConflictException',
      'Conflict',
      409,
    ]);
    expect((await newMeeting(h.meetings, { ClientRequestToken: 'token-0002' })).MeetingId).not.toBe(
      first.MeetingId,
    );
    // Without a token the SDK fills in a fresh one per call: two calls, two meetings.
    expect((await newMeeting(h.meetings)).MeetingId).not.toBe(
      (await newMeeting(h.meetings)).MeetingId,
    );
    expect(h.media.meetings.size).toBe(4);

    const input = {
      MediaRegion: 'us-east-1',
      ExternalMeetingId: 'mm',
      ClientRequestToken: 'with-attendees',
      Attendees: [{ ExternalUserId: 'ada' }],
    };
    const a = await h.meetings.send(new CreateMeetingWithAttendeesCommand(input));
    const b = await h.meetings.send(new CreateMeetingWithAttendeesCommand(input));
    expect([b.Meeting, b.Attendees]).toEqual([a.Meeting, a.Attendees]);
    // Once the meeting is deleted, the token makes a new one.
    await h.meetings.send(new DeleteMeetingCommand({ MeetingId: first.MeetingId }));
    expect((await newMeeting(h.meetings, { ClientRequestToken: 'token-0001' })).MeetingId).not.toBe(
      first.MeetingId,
    );
  });
});

describe('attendees', () => {
  it('CreateAttendee, GetAttendee, UpdateAttendeeCapabilities and DeleteAttendee', async () => {
    h = await startEmulatorHarness();
    const { MeetingId } = await newMeeting(h.meetings);
    const { Attendee } = await h.meetings.send(
      new CreateAttendeeCommand({ MeetingId, ExternalUserId: 'user@example.com' }),
    );
    expect(Attendee).toEqual({
      ExternalUserId: 'user@example.com',
      AttendeeId: expect.stringMatching(UUID),
      JoinToken: expect.any(String),
      Capabilities: ALL,
    });
    // ExternalUserId is the attendee's idempotency key within the meeting.
    expect(
      (
        await h.meetings.send(
          new CreateAttendeeCommand({ MeetingId, ExternalUserId: 'user@example.com' }),
        )
      ).Attendee,
    ).toEqual(Attendee);
    const ids = { MeetingId, AttendeeId: Attendee!.AttendeeId };
    expect((await h.meetings.send(new GetAttendeeCommand(ids))).Attendee).toEqual(Attendee);

    const caps = { Audio: 'Receive', Video: 'Send', Content: 'None' } as const;
    const updated = await h.meetings.send(
      new UpdateAttendeeCapabilitiesCommand({ ...ids, Capabilities: caps }),
    );
    expect(updated.Attendee).toEqual({ ...Attendee, Capabilities: caps });
    expect((await h.meetings.send(new GetAttendeeCommand(ids))).Attendee?.Capabilities).toEqual(
      caps,
    );

    expect((await h.meetings.send(new DeleteAttendeeCommand(ids))).$metadata.httpStatusCode).toBe(
      204,
    );
    expect(h.media.meetings.get(MeetingId!)!.attendees).toEqual([]);
    expect((await refusal(h.meetings.send(new GetAttendeeCommand(ids)))).name).toBe(
      'NotFoundException',
    );
    expect((await refusal(h.meetings.send(new DeleteAttendeeCommand(ids)))).name).toBe(
      'NotFoundException',
    );
    const again = await h.meetings.send(
      new CreateAttendeeCommand({ MeetingId, ExternalUserId: 'user@example.com' }),
    );
    expect(again.Attendee?.AttendeeId).not.toBe(Attendee!.AttendeeId);
  });

  it('BatchCreateAttendee and ListAttendees page by page in creation order', async () => {
    h = await startEmulatorHarness();
    const { MeetingId } = await newMeeting(h.meetings);
    const batch = await h.meetings.send(
      new BatchCreateAttendeeCommand({
        MeetingId,
        Attendees: [{ ExternalUserId: 'u1' }, { ExternalUserId: 'u2' }, { ExternalUserId: 'u1' }],
      }),
    );
    expect(batch.Errors).toEqual([]);
    expect(batch.Attendees?.map((a) => a.ExternalUserId)).toEqual(['u1', 'u2', 'u1']);
    expect(batch.Attendees![2]).toEqual(batch.Attendees![0]);
    await fill(h.meetings, MeetingId!, 3);

    const names: string[] = [];
    let NextToken: string | undefined;
    let pages = 0;
    do {
      const page = await h.meetings.send(
        new ListAttendeesCommand({ MeetingId, MaxResults: 2, ...(NextToken ? { NextToken } : {}) }),
      );
      names.push(...page.Attendees!.map((a) => a.ExternalUserId!));
      NextToken = page.NextToken;
      pages++;
    } while (NextToken);
    expect(names).toEqual(['u1', 'u2', 'user-0', 'user-1', 'user-2']);
    expect(pages).toBe(3);
    const all = await h.meetings.send(new ListAttendeesCommand({ MeetingId }));
    expect([all.Attendees?.length, all.NextToken]).toEqual([5, undefined]);
  });
});

describe('restart', () => {
  it('meetings and attendees survive a restart and are re-registered with the media server; deleted ones stay deleted', async () => {
    h = await startEmulatorHarness();
    const kept = await newMeeting(h.meetings, { ClientRequestToken: 'restart-token' });
    const { Attendee } = await h.meetings.send(
      new CreateAttendeeCommand({ MeetingId: kept.MeetingId, ExternalUserId: 'ada' }),
    );
    const gone = await newMeeting(h.meetings);
    await h.meetings.send(new DeleteMeetingCommand({ MeetingId: gone.MeetingId }));

    await h.restart();
    expect(h.media.restored).toEqual([kept.MeetingId]);
    expect(h.media.meetings.get(kept.MeetingId!)?.attendees).toEqual([
      { AttendeeId: Attendee!.AttendeeId, JoinToken: Attendee!.JoinToken, ExternalUserId: 'ada' },
    ]);
    expect(
      (await h.meetings.send(new GetMeetingCommand({ MeetingId: kept.MeetingId }))).Meeting,
    ).toEqual(kept);
    expect(
      (
        await h.meetings.send(
          new GetAttendeeCommand({ MeetingId: kept.MeetingId, AttendeeId: Attendee!.AttendeeId }),
        )
      ).Attendee,
    ).toEqual(Attendee);
    expect(await newMeeting(h.meetings, { ClientRequestToken: 'restart-token' })).toEqual(kept);
    expect(
      (await refusal(h.meetings.send(new GetMeetingCommand({ MeetingId: gone.MeetingId })))).name,
    ).toBe('NotFoundException');
  });
});
