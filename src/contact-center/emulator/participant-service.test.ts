/**
 * Contract: the Participant Service through the official client — CreateParticipantConnection
 * types, SendMessage DTMF and text, DisconnectParticipant ending the contact, GetTranscript, and
 * AccessDeniedException for missing, wrong, expired and spent tokens.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { StartWebRTCContactCommand } from '@aws-sdk/client-connect';
import {
  CreateParticipantConnectionCommand,
  DisconnectParticipantCommand,
  GetTranscriptCommand,
  SendMessageCommand,
} from '@aws-sdk/client-connectparticipant';
import { startEmulatorHarness, type EmulatorHarness } from './testing/emulator-harness';
import { awsFailure } from './testing/aws-failure';

let h: EmulatorHarness;
afterEach(async () => h?.close());

async function call(options: { now?: () => number } = {}) {
  h = await startEmulatorHarness(options);
  const started = await h.connect.send(
    new StartWebRTCContactCommand({
      InstanceId: h.config.instance.id,
      ContactFlowId: h.config.defaultFlowId,
      ParticipantDetails: { DisplayName: 'Kim' },
    }),
  );
  const conn = await h.participant.send(
    new CreateParticipantConnectionCommand({
      ParticipantToken: started.ParticipantToken,
      Type: ['CONNECTION_CREDENTIALS', 'WEBRTC_CONNECTION'],
    }),
  );
  return { started, token: conn.ConnectionCredentials?.ConnectionToken ?? '', conn };
}
const send = (token: string, ContentType: string, Content: string) =>
  h.participant.send(new SendMessageCommand({ ConnectionToken: token, ContentType, Content }));

describe('Participant Service', () => {
  it('CreateParticipantConnection gives credentials and the WebRTC connection without MediaRegion/TurnControlUrl', async () => {
    const { started, conn } = await call();
    expect(Date.parse(conn.ConnectionCredentials?.Expiry ?? '') - Date.now()).toBeGreaterThan(
      23 * 3600 * 1000,
    );
    expect(conn.WebRTCConnection?.Attendee).toEqual(started.ConnectionData?.Attendee);
    expect(conn.WebRTCConnection?.Meeting?.MeetingId).toBe(
      started.ConnectionData?.Meeting?.MeetingId,
    );
    expect(conn.WebRTCConnection?.Meeting).not.toHaveProperty('MediaRegion');
    expect(conn.WebRTCConnection?.Meeting?.MediaPlacement).not.toHaveProperty('TurnControlUrl');
    expect(conn.WebRTCConnection?.Meeting?.MediaPlacement?.SignalingUrl).toBe(
      started.ConnectionData?.Meeting?.MediaPlacement?.SignalingUrl,
    );
    const noType = await awsFailure(
      h.participant.send(
        new CreateParticipantConnectionCommand({
          ParticipantToken: started.ParticipantToken,
          Type: [],
        }),
      ),
    );
    expect(noType).toMatchObject({ name: 'ValidationException', status: 400 });
    const badType = await awsFailure(
      h.participant.send(
        new CreateParticipantConnectionCommand({
          ParticipantToken: started.ParticipantToken,
          Type: ['VIDEO' as never],
        }),
      ),
    );
    expect(badType).toMatchObject({
      name: 'ValidationException',
      message: expect.stringContaining('Type'),
    });
  });

  it('CreateParticipantConnection refuses a participant away from the meeting for more than 60 s (AccessDeniedException)', async () => {
    const { started } = await call();
    const meetingId = started.ConnectionData?.Meeting?.MeetingId ?? '';
    const attendeeId = started.ConnectionData?.Attendee?.AttendeeId ?? '';
    h.media.awayTooLong.add(`${meetingId}/${attendeeId}`);
    const refused = await awsFailure(
      h.participant.send(
        new CreateParticipantConnectionCommand({
          ParticipantToken: started.ParticipantToken,
          Type: ['CONNECTION_CREDENTIALS', 'WEBSOCKET'],
        }),
      ),
    );
    expect(refused).toMatchObject({
      name: 'AccessDeniedException',
      status: 403,
      message: expect.stringContaining('more than 60 seconds') as unknown,
    });
  });

  it('SendMessage records DTMF (emits dtmf) and text; bad digits and content types are ValidationException', async () => {
    const { started, token } = await call();
    const dtmf: string[] = [];
    h.aws.contacts.events.on('dtmf', (e) => dtmf.push(`${e.contactId}:${e.digits}`));
    const sent = await send(token, 'audio/dtmf', '0123456789*#');
    expect(Date.parse(sent.AbsoluteTime ?? '')).toBeGreaterThan(0);
    await send(token, 'text/plain', 'hello');
    expect(dtmf).toEqual([`${started.ContactId}:0123456789*#`]);
    expect(await awsFailure(send(token, 'audio/dtmf', '12A'))).toMatchObject({
      name: 'ValidationException',
      status: 400,
      message: expect.stringContaining('0-9, * and #'),
    });
    expect(await awsFailure(send(token, 'audio/dtmf', ''))).toMatchObject({
      name: 'ValidationException',
    });
    expect(await awsFailure(send(token, 'image/png', 'x'))).toMatchObject({
      name: 'ValidationException',
      message: expect.stringContaining('image/png'),
    });
    expect(await awsFailure(send(token, 'text/plain', 'x'.repeat(16_385)))).toMatchObject({
      name: 'ValidationException',
    });
    const { Transcript, InitialContactId } = await h.participant.send(
      new GetTranscriptCommand({ ConnectionToken: token }),
    );
    expect(InitialContactId).toBe(started.ContactId);
    expect(
      Transcript?.map((i) => [i.Type, i.ContentType, i.Content, i.ParticipantRole, i.DisplayName]),
    ).toEqual([
      ['MESSAGE', 'audio/dtmf', '0123456789*#', 'CUSTOMER', 'Kim'],
      ['MESSAGE', 'text/plain', 'hello', 'CUSTOMER', 'Kim'],
    ]);
    const page = await h.participant.send(
      new GetTranscriptCommand({ ConnectionToken: token, MaxResults: 1, SortOrder: 'DESCENDING' }),
    );
    expect(page.Transcript?.[0]?.Content).toBe('hello');
    const next = await h.participant.send(
      new GetTranscriptCommand({
        ConnectionToken: token,
        MaxResults: 1,
        SortOrder: 'DESCENDING',
        NextToken: page.NextToken,
      }),
    );
    expect(next.Transcript?.[0]?.Content).toBe('0123456789*#');
    expect(next.NextToken).toBeUndefined();
  });

  it('SendMessage with a ClientToken already used answers the first message again: a retried digit reaches the flow once', async () => {
    const { started, token } = await call();
    const dtmf: string[] = [];
    h.aws.contacts.events.on('dtmf', (e) => dtmf.push(`${e.contactId}:${e.digits}`));
    const once = { ConnectionToken: token, ContentType: 'audio/dtmf', Content: '2' };
    const first = await h.participant.send(
      new SendMessageCommand({ ...once, ClientToken: 'digit-0001' }),
    );
    const retried = await h.participant.send(
      new SendMessageCommand({ ...once, ClientToken: 'digit-0001' }),
    );
    expect(retried).toMatchObject({ Id: first.Id, AbsoluteTime: first.AbsoluteTime });
    const other = await h.participant.send(
      new SendMessageCommand({ ...once, ClientToken: 'digit-0002' }),
    );
    expect(other.Id).not.toBe(first.Id);
    expect(dtmf).toEqual([`${started.ContactId}:2`, `${started.ContactId}:2`]);
    const { Transcript } = await h.participant.send(
      new GetTranscriptCommand({ ConnectionToken: token }),
    );
    expect(Transcript?.map((i) => i.Id)).toEqual([first.Id, other.Id]);
  });

  it('DisconnectParticipant: the customer leaves, the contact and meeting end, the token stops working', async () => {
    const { started, token } = await call();
    const ended: string[] = [];
    h.aws.contacts.events.on('contact-ended', (c) => ended.push(c.id));
    await h.participant.send(new DisconnectParticipantCommand({ ConnectionToken: token }));
    expect(ended).toEqual([started.ContactId]);
    const contact = h.aws.contacts.get(started.ContactId ?? '');
    expect(contact?.disconnectReason).toBe('CUSTOMER_DISCONNECT');
    expect(h.media.isMeetingActive(started.ConnectionData?.Meeting?.MeetingId ?? '')).toBe(false);
    expect(await awsFailure(send(token, 'audio/dtmf', '1'))).toMatchObject({
      name: 'AccessDeniedException',
      status: 403,
    });
    expect(
      await awsFailure(
        h.participant.send(new DisconnectParticipantCommand({ ConnectionToken: token })),
      ),
    ).toMatchObject({ name: 'AccessDeniedException' });
    const items =
      (await h.participant.send(new GetTranscriptCommand({ ConnectionToken: token }))).Transcript ??
      [];
    expect(items.map((i) => i.ContentType)).toEqual([
      'application/vnd.amazonaws.connect.event.participant.left',
      'application/vnd.amazonaws.connect.event.chat.ended',
    ]);
  });

  it('bad, wrong-kind, missing and expired tokens are AccessDeniedException and change nothing', async () => {
    let now = Date.now();
    const { started, token } = await call({ now: () => now });
    const denied = { name: 'AccessDeniedException', status: 403 };
    expect(await awsFailure(send('not-a-token', 'audio/dtmf', '1'))).toMatchObject(denied);
    expect(await awsFailure(send(started.ParticipantToken ?? '', 'audio/dtmf', '1'))).toMatchObject(
      denied,
    ); // participant token is not a connection token
    expect(
      await awsFailure(
        h.participant.send(
          new CreateParticipantConnectionCommand({
            ParticipantToken: token,
            Type: ['CONNECTION_CREDENTIALS'],
          }),
        ),
      ),
    ).toMatchObject(denied);
    expect(
      await awsFailure(
        h.participant.send(
          new CreateParticipantConnectionCommand({
            ParticipantToken: 'x',
            Type: ['CONNECTION_CREDENTIALS'],
          }),
        ),
      ),
    ).toMatchObject(denied);
    const raw = await fetch(`${h.url}/aws/participant/message`, {
      method: 'POST',
      body: JSON.stringify({ ContentType: 'audio/dtmf', Content: '1' }),
    });
    expect(raw.status).toBe(403);
    expect(await raw.json()).toMatchObject({
      __type: 'AccessDeniedException',
      Message: expect.stringContaining('X-Amz-Bearer'),
    });
    now += 24 * 3600 * 1000 + 1;
    expect(await awsFailure(send(token, 'audio/dtmf', '1'))).toMatchObject({
      ...denied,
      message: expect.stringContaining('expired'),
    });
    expect(h.aws.contacts.get(started.ContactId ?? '')?.transcript).toEqual([]);
  });
});
