/**
 * Contract: the Chime SDK Meetings limits at and one past each boundary, and every error the
 * emulator answers (status, x-amzn-ErrorType, Code and Message as the SDK parses them). Bad input
 * changes nothing: no meeting on the media server, no attendee, no stored record.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BatchCreateAttendeeCommand,
  CreateAttendeeCommand,
  CreateMeetingWithAttendeesCommand,
  GetMeetingCommand,
  ListAttendeesCommand,
  UpdateAttendeeCapabilitiesCommand,
  type CreateMeetingCommandInput,
} from '@aws-sdk/client-chime-sdk-meetings';
import { StartWebRTCContactCommand } from '@aws-sdk/client-connect';
import { startEmulatorHarness, type EmulatorHarness } from '../emulator/testing/emulator-harness';
import { fill, newMeeting, refusal } from './testing/meetings-test-kit';

let h: EmulatorHarness;
beforeAll(async () => {
  h = await startEmulatorHarness();
});
afterAll(async () => h.close());

/**
 * Expects a BadRequestException naming the problem, with nothing created on the media server or in
 * the store.
 */
async function badRequest(
  call: Promise<unknown>,
  message: RegExp,
  name = 'BadRequestException',
  code = 'BadRequest',
  status = 400,
) {
  const before = {
    meetings: h.media.meetings.size,
    stored: h.aws.contacts.listActive().length,
    attendees: [...h.media.meetings.values()].reduce((n, m) => n + m.attendees.length, 0),
  };
  const err = await refusal(call);
  expect([err.name, err.Code, err.$metadata.httpStatusCode, err.$fault]).toEqual([
    name,
    code,
    status,
    'client',
  ]);
  expect(err.message).toMatch(message);
  expect(err.RequestId).toMatch(/^[0-9a-f-]{36}$/);
  const after = {
    meetings: h.media.meetings.size,
    stored: h.aws.contacts.listActive().length,
    attendees: [...h.media.meetings.values()].reduce((n, m) => n + m.attendees.length, 0),
  };
  expect(after).toEqual(before);
}
const create = (input: Partial<CreateMeetingCommandInput>) => newMeeting(h.meetings, input);

describe('CreateMeeting limits', () => {
  it('ExternalMeetingId and MeetingHostId: 2 to 64 characters of the model pattern, no aws: prefix', async () => {
    await create({ ExternalMeetingId: 'ab' });
    await create({ ExternalMeetingId: 'x'.repeat(64), MeetingHostId: 'h'.repeat(64) });
    await badRequest(create({ ExternalMeetingId: 'a' }), /ExternalMeetingId/);
    await badRequest(create({ ExternalMeetingId: 'x'.repeat(65) }), /ExternalMeetingId/);
    await badRequest(
      create({ ExternalMeetingId: 'tab\u0000' }),
      /ExternalMeetingId: contains a character/,
    );
    await badRequest(
      create({ ExternalMeetingId: 'AWS:reserved' }),
      /ExternalMeetingId: values that begin with aws: are reserved/,
    );
    await badRequest(create({ MeetingHostId: 'h'.repeat(65) }), /MeetingHostId/);
    await badRequest(create({ ExternalMeetingId: undefined }), /ExternalMeetingId is required/);
  });

  it('ClientRequestToken 2 to 64 of [-_a-zA-Z0-9]; MediaRegion from the documented list', async () => {
    await create({ ClientRequestToken: 'ab' });
    await create({ ClientRequestToken: 't'.repeat(64) });
    await badRequest(create({ ClientRequestToken: 'a' }), /ClientRequestToken/);
    await badRequest(create({ ClientRequestToken: 't'.repeat(65) }), /ClientRequestToken/);
    await badRequest(
      create({ ClientRequestToken: 'no spaces' }),
      /ClientRequestToken: may only contain/,
    );
    await create({ MediaRegion: 'us-gov-west-1' });
    await badRequest(create({ MediaRegion: 'mars-north-1' }), /MediaRegion: is not a Media Region/);
    await badRequest(create({ MediaRegion: undefined }), /MediaRegion is required/);
  });

  it('MeetingFeatures: enums, MaxCount 1 to 250, FHD video / UHD content need MaxCount <= 25; no media replication', async () => {
    await create({ MeetingFeatures: { Attendee: { MaxCount: 250 } } });
    await create({ MeetingFeatures: { Attendee: { MaxCount: 1 } } });
    await badRequest(
      create({ MeetingFeatures: { Attendee: { MaxCount: 251 } } }),
      /MeetingFeatures.Attendee.MaxCount/,
    );
    await badRequest(
      create({ MeetingFeatures: { Attendee: { MaxCount: 0 } } }),
      /MeetingFeatures.Attendee.MaxCount/,
    );
    await badRequest(
      create({ MeetingFeatures: { Video: { MaxResolution: 'SD' as never } } }),
      /MeetingFeatures.Video.MaxResolution/,
    );
    await create({
      MeetingFeatures: { Video: { MaxResolution: 'FHD' }, Attendee: { MaxCount: 25 } },
    });
    await badRequest(
      create({ MeetingFeatures: { Video: { MaxResolution: 'FHD' }, Attendee: { MaxCount: 26 } } }),
      /at most 25/,
    );
    await badRequest(
      create({ MeetingFeatures: { Content: { MaxResolution: 'UHD' } } }),
      /at most 25/,
    );
    await badRequest(
      create({ PrimaryMeetingId: 'primary-1' }),
      /PrimaryMeetingId: media replication is not available/,
    );
  });

  it('TenantIds 1 to 5, Tags at most 50', async () => {
    await create({
      TenantIds: ['t1', 't2', 't3', 't4', 't5'],
      Tags: Array.from({ length: 50 }, (_, i) => ({ Key: `k${i}`, Value: 'v' })),
    });
    await badRequest(create({ TenantIds: ['t1', 't2', 't3', 't4', 't5', 't6'] }), /TenantIds/);
    await badRequest(create({ TenantIds: [] }), /TenantIds/);
    await badRequest(create({ TenantIds: ['aaaaa'] }), /TenantIds.0: is not a valid tenant id/);
    await badRequest(
      create({ Tags: Array.from({ length: 51 }, (_, i) => ({ Key: `k${i}`, Value: 'v' })) }),
      /Tags/,
    );
  });

  it('CreateMeetingWithAttendees: 1 to 20 attendees, checked before anything is created', async () => {
    const with20 = await h.meetings.send(
      new CreateMeetingWithAttendeesCommand({
        MediaRegion: 'us-east-1',
        ExternalMeetingId: 'big',
        Attendees: Array.from({ length: 20 }, (_, i) => ({ ExternalUserId: `u-${i}` })),
      }),
    );
    expect(with20.Attendees).toHaveLength(20);
    const attendees = (n: number) =>
      Array.from({ length: n }, (_, i) => ({ ExternalUserId: `u-${i}` }));
    await badRequest(
      h.meetings.send(
        new CreateMeetingWithAttendeesCommand({
          MediaRegion: 'us-east-1',
          ExternalMeetingId: 'big',
          Attendees: attendees(21),
        }),
      ),
      /Attendees/,
    );
    await badRequest(
      h.meetings.send(
        new CreateMeetingWithAttendeesCommand({
          MediaRegion: 'us-east-1',
          ExternalMeetingId: 'big',
          Attendees: [],
        }),
      ),
      /Attendees/,
    );
    await badRequest(
      h.meetings.send(
        new CreateMeetingWithAttendeesCommand({
          MediaRegion: 'us-east-1',
          ExternalMeetingId: 'bad',
          Attendees: [
            { ExternalUserId: 'ok' },
            {
              ExternalUserId: 'ok2',
              Capabilities: { Audio: 'None', Video: 'None', Content: 'Receive' },
            },
          ],
        }),
      ),
      /Attendees.1.Capabilities: Content Receive needs Video SendReceive or Receive/,
    );
    await badRequest(
      h.meetings.send(
        new CreateMeetingWithAttendeesCommand({
          MediaRegion: 'us-east-1',
          ExternalMeetingId: 'small',
          MeetingFeatures: { Attendee: { MaxCount: 1 } },
          Attendees: attendees(2),
        }),
      ),
      /limit of 1/,
      'LimitExceededException',
      'ResourceLimitExceeded',
    );
  });
});

describe('attendee limits', () => {
  it('ExternalUserId 2 to 64 characters of the model pattern, no aws: prefix', async () => {
    const { MeetingId } = await create({});
    await h.meetings.send(new CreateAttendeeCommand({ MeetingId, ExternalUserId: 'ab' }));
    await h.meetings.send(new CreateAttendeeCommand({ MeetingId, ExternalUserId: 'é'.repeat(64) }));
    await badRequest(
      h.meetings.send(new CreateAttendeeCommand({ MeetingId, ExternalUserId: 'a' })),
      /ExternalUserId/,
    );
    await badRequest(
      h.meetings.send(new CreateAttendeeCommand({ MeetingId, ExternalUserId: 'x'.repeat(65) })),
      /ExternalUserId/,
    );
    await badRequest(
      h.meetings.send(new CreateAttendeeCommand({ MeetingId, ExternalUserId: 'aws:me' })),
      /reserved/,
    );
    await badRequest(
      h.meetings.send(new CreateAttendeeCommand({ MeetingId, ExternalUserId: 'semi;colon' })),
      /ExternalUserId: contains a character/,
    );
    await badRequest(
      h.meetings.send(new CreateAttendeeCommand({ MeetingId, ExternalUserId: undefined })),
      /ExternalUserId is required/,
    );
  });

  it('250 attendees per meeting (or MeetingFeatures.Attendee.MaxCount): LimitExceededException one past it', async () => {
    const { MeetingId } = await create({});
    await fill(h.meetings, MeetingId!, 249);
    await h.meetings.send(new CreateAttendeeCommand({ MeetingId, ExternalUserId: 'the-250th' }));
    await badRequest(
      h.meetings.send(new CreateAttendeeCommand({ MeetingId, ExternalUserId: 'the-251st' })),
      /limit of 250/,
      'LimitExceededException',
      'ResourceLimitExceeded',
    );
    // An existing ExternalUserId is not a new attendee, so it still answers at the limit.
    expect(
      (await h.meetings.send(new CreateAttendeeCommand({ MeetingId, ExternalUserId: 'the-250th' })))
        .Attendee?.ExternalUserId,
    ).toBe('the-250th');

    const small = await create({ MeetingFeatures: { Attendee: { MaxCount: 2 } } });
    await badRequest(
      h.meetings.send(
        new BatchCreateAttendeeCommand({
          MeetingId: small.MeetingId,
          Attendees: [{ ExternalUserId: 'a1' }, { ExternalUserId: 'a2' }, { ExternalUserId: 'a3' }],
        }),
      ),
      /limit of 2/,
      'LimitExceededException',
      'ResourceLimitExceeded',
    );
    await h.meetings.send(
      new BatchCreateAttendeeCommand({
        MeetingId: small.MeetingId,
        Attendees: [{ ExternalUserId: 'a1' }, { ExternalUserId: 'a2' }],
      }),
    );
  });

  it('BatchCreateAttendee takes 1 to 100; ListAttendees MaxResults 1 to 100 and only its own NextTokens', async () => {
    const { MeetingId } = await create({});
    const batch = (n: number) =>
      new BatchCreateAttendeeCommand({
        MeetingId,
        Attendees: Array.from({ length: n }, (_, i) => ({ ExternalUserId: `b-${i}` })),
      });
    await badRequest(h.meetings.send(batch(101)), /Attendees/);
    await badRequest(h.meetings.send(batch(0)), /Attendees/);
    expect((await h.meetings.send(batch(100))).Attendees).toHaveLength(100);
    expect(
      (await h.meetings.send(new ListAttendeesCommand({ MeetingId, MaxResults: 100 }))).Attendees,
    ).toHaveLength(100);
    await badRequest(
      h.meetings.send(new ListAttendeesCommand({ MeetingId, MaxResults: 101 })),
      /max-results/,
    );
    await badRequest(
      h.meetings.send(new ListAttendeesCommand({ MeetingId, MaxResults: 0 })),
      /max-results/,
    );
    await badRequest(
      h.meetings.send(new ListAttendeesCommand({ MeetingId, NextToken: 'forged' })),
      /NextToken is not a token/,
    );
  });

  it('capabilities: the enum, content receive needs video receive, and media the meeting switched off', async () => {
    const { MeetingId } = await create({});
    const { Attendee } = await h.meetings.send(
      new CreateAttendeeCommand({ MeetingId, ExternalUserId: 'caps' }),
    );
    const update = (Capabilities: Record<string, string>) =>
      h.meetings.send(
        new UpdateAttendeeCapabilitiesCommand({
          MeetingId,
          AttendeeId: Attendee!.AttendeeId,
          Capabilities: Capabilities as never,
        }),
      );
    await update({ Audio: 'None', Video: 'Receive', Content: 'Receive' });
    await update({ Audio: 'Send', Video: 'SendReceive', Content: 'Send' });
    await update({ Audio: 'Send', Video: 'Send', Content: 'Send' });
    await badRequest(
      update({ Audio: 'Send', Video: 'Send', Content: 'SendReceive' }),
      /Content SendReceive needs Video SendReceive or Receive/,
    );
    await badRequest(
      update({ Audio: 'Loud', Video: 'Send', Content: 'None' }),
      /Capabilities.Audio/,
    );
    await badRequest(update({ Audio: 'Send', Video: 'Send' }), /Capabilities.Content is required/);
    expect(
      (await h.meetings.send(new ListAttendeesCommand({ MeetingId }))).Attendees?.[0]?.Capabilities,
    ).toEqual({ Audio: 'Send', Video: 'Send', Content: 'Send' });

    const audioOnly = await create({ MeetingFeatures: { Video: { MaxResolution: 'None' } } });
    const defaults = await h.meetings.send(
      new CreateAttendeeCommand({ MeetingId: audioOnly.MeetingId, ExternalUserId: 'voice' }),
    );
    expect(defaults.Attendee?.Capabilities).toEqual({
      Audio: 'SendReceive',
      Video: 'None',
      Content: 'None',
    });
    await badRequest(
      h.meetings.send(
        new CreateAttendeeCommand({
          MeetingId: audioOnly.MeetingId,
          ExternalUserId: 'video',
          Capabilities: { Audio: 'SendReceive', Video: 'Receive', Content: 'None' },
        }),
      ),
      /video MaxResolution is None/,
    );
    const noContent = await create({ MeetingFeatures: { Content: { MaxResolution: 'None' } } });
    await badRequest(
      h.meetings.send(
        new CreateAttendeeCommand({
          MeetingId: noContent.MeetingId,
          ExternalUserId: 'share',
          Capabilities: { Audio: 'SendReceive', Video: 'SendReceive', Content: 'Send' },
        }),
      ),
      /content MaxResolution is None/,
    );
  });
});

describe('errors', () => {
  it('malformed ids are BadRequest, unknown ones NotFound, a Connect contact meeting Forbidden', async () => {
    await badRequest(
      h.meetings.send(new GetMeetingCommand({ MeetingId: 'not-a-guid' })),
      /MeetingId: is not a GUID/,
    );
    await badRequest(
      h.meetings.send(new GetMeetingCommand({ MeetingId: '00000000-0000-0000-0000-000000000000' })),
      /does not exist/,
      'NotFoundException',
      'NotFound',
      404,
    );
    const { MeetingId } = await create({});
    await badRequest(
      h.meetings.send(
        new UpdateAttendeeCapabilitiesCommand({
          MeetingId,
          AttendeeId: '00000000-0000-0000-0000-000000000000',
          Capabilities: { Audio: 'None', Video: 'None', Content: 'None' },
        }),
      ),
      /Attendee 00000000/,
      'NotFoundException',
      'NotFound',
      404,
    );
    const contact = await h.connect.send(
      new StartWebRTCContactCommand({
        InstanceId: h.config.instance.id,
        ContactFlowId: h.config.defaultFlowId,
        ParticipantDetails: { DisplayName: 'Ada' },
      }),
    );
    const contactMeeting = contact.ConnectionData!.Meeting!.MeetingId!;
    await badRequest(
      h.meetings.send(new GetMeetingCommand({ MeetingId: contactMeeting })),
      /belongs to a contact/,
      'ForbiddenException',
      'Forbidden',
      403,
    );
    await badRequest(
      h.meetings.send(
        new CreateAttendeeCommand({ MeetingId: contactMeeting, ExternalUserId: 'intruder' }),
      ),
      /belongs to a contact/,
      'ForbiddenException',
      'Forbidden',
      403,
    );
  });

  it('raw HTTP: bad JSON and unknown operations answer JSON with x-amzn-ErrorType, Code and RequestId', async () => {
    for (const body of ['{bad', '[1]']) {
      const res = await fetch(`${h.url}/aws/meetings`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
      });
      expect(res.status).toBe(400);
      expect(res.headers.get('x-amzn-errortype')).toBe('BadRequestException');
      const json = (await res.json()) as Record<string, string>;
      expect(json).toMatchObject({
        Code: 'BadRequest',
        __type: 'BadRequestException',
        Message: expect.stringMatching(/JSON/),
      });
      expect(json.RequestId).toBe(res.headers.get('x-amzn-requestid'));
    }
    const unknown = await fetch(`${h.url}/aws/meetings?operation=teleport`, {
      method: 'POST',
      body: '{}',
    });
    expect([unknown.status, unknown.headers.get('x-amzn-errortype')]).toEqual([
      404,
      'UnknownOperationException',
    ]);
  });
});
