/**
 * Contract: StartWebRTCContact through the official Connect client — every member accepted, each
 * limit at and one past its boundary, each bad input refused with the modelled error and no contact
 * or meeting left behind.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DescribeContactCommand,
  StartWebRTCContactCommand,
  type StartWebRTCContactCommandInput,
} from '@aws-sdk/client-connect';
import { startEmulatorHarness, type EmulatorHarness } from './testing/emulator-harness';
import { expectStartRefused } from './testing/expect-start-refused';

let h: EmulatorHarness;
beforeAll(async () => {
  h = await startEmulatorHarness();
});
afterAll(async () => h.close());

const input = (
  extra: Partial<StartWebRTCContactCommandInput> = {},
): StartWebRTCContactCommandInput => ({
  InstanceId: h.config.instance.id,
  ContactFlowId: h.config.defaultFlowId,
  ParticipantDetails: { DisplayName: 'Ada Lovelace' },
  ...extra,
});
const start = (extra: Partial<StartWebRTCContactCommandInput> = {}) =>
  h.connect.send(new StartWebRTCContactCommand(input(extra)));
const describeContact = (id: string) =>
  h.connect.send(new DescribeContactCommand({ InstanceId: h.config.instance.id, ContactId: id }));

/** Expects StartWebRTCContact with `extra` refused with this error, creating no contact and no meeting. */
const refused = (
  extra: Partial<StartWebRTCContactCommandInput>,
  name: string,
  status: number,
  message: RegExp,
) => expectStartRefused(h, input(extra), name, status, message);

const utf8 = (n: number) => 'é'.repeat(n / 2); // 2 bytes per character

describe('StartWebRTCContact: valid members', () => {
  it('returns ConnectionData from the media server, ids and a token; DescribeContact shows the WebRTC contact', async () => {
    const out = await start();
    const meeting = h.media.meetings.get(out.ConnectionData?.Meeting?.MeetingId ?? '');
    expect(meeting?.active).toBe(true);
    expect(meeting?.attendees[0]?.ExternalUserId).toBe(`customer-${out.ParticipantId}`);
    expect(out.ConnectionData?.Attendee?.AttendeeId).toBe(meeting?.attendees[0]?.AttendeeId);
    expect(out.ConnectionData?.Meeting).toEqual(meeting?.meeting);
    expect(out.ParticipantToken?.length).toBeGreaterThan(40);
    const { Contact } = await describeContact(out.ContactId ?? '');
    expect(Contact).toMatchObject({
      Id: out.ContactId,
      Channel: 'VOICE',
      InitiationMethod: 'WEBRTC_API',
      Name: 'Ada Lovelace',
    });
    expect(Contact?.SegmentAttributes?.['connect:Subtype']?.ValueString).toBe('connect:WebRTC');
    expect(Contact?.SegmentAttributes?.['connect:Direction']?.ValueString).toBe('INBOUND');
    expect(Contact?.InitiationTimestamp).toBeInstanceOf(Date);
    expect(Math.abs((Contact?.InitiationTimestamp?.getTime() ?? 0) - Date.now())).toBeLessThan(
      60_000,
    );
  });

  it('keeps Attributes, AllowedCapabilities, Description, References, SegmentAttributes and RelatedContactId', async () => {
    const first = await start();
    const out = await start({
      Attributes: { product: 'kettle', 'order_id-1': '42' },
      AllowedCapabilities: {
        Customer: { Video: 'SEND', ScreenShare: 'SEND' },
        Agent: { Video: 'SEND' },
      },
      Description: 'Video call about a kettle',
      References: {
        page: { Type: 'URL', Value: 'https://shop.example/kettle' },
        qty: { Type: 'NUMBER', Value: '-3.5' },
        note: { Type: 'STRING', Value: 'anything' },
        when: { Type: 'DATE', Value: '1700000000' },
        mail: { Type: 'EMAIL', Value: 'ada@example.com' },
      },
      SegmentAttributes: {
        'connect:Subtype': { ValueString: 'connect:WebRTC' },
        custom: { ValueInteger: 7 },
      },
      RelatedContactId: first.ContactId,
    });
    const { Contact } = await describeContact(out.ContactId ?? '');
    expect(Contact?.Attributes).toEqual({ product: 'kettle', 'order_id-1': '42' });
    expect(Contact?.Customer?.Capabilities).toEqual({ Video: 'SEND', ScreenShare: 'SEND' });
    expect(Contact?.Description).toBe('Video call about a kettle');
    expect(Contact?.RelatedContactId).toBe(first.ContactId);
    expect(Contact?.SegmentAttributes?.custom?.ValueInteger).toBe(7);
    const record = h.aws.contacts.get(out.ContactId ?? '');
    expect(record?.allowedCapabilities.Agent).toEqual({ Video: 'SEND' });
    expect(record?.references.when).toEqual({ Type: 'DATE', Value: '1700000000' });
  });

  it('accepts a ContactFlowId of any configured flow and any region in the client', async () => {
    const other = await startEmulatorHarness({ region: 'ap-southeast-2' });
    try {
      const out = await other.connect.send(
        new StartWebRTCContactCommand({ ...input(), InstanceId: other.config.instance.id }),
      );
      expect(out.ContactId).toBeTruthy();
    } finally {
      await other.close();
    }
  });
});

describe('StartWebRTCContact: limits at and one past the boundary', () => {
  it('DisplayName: 256 characters pass, 257 and empty are refused', async () => {
    await expect(
      start({ ParticipantDetails: { DisplayName: 'x'.repeat(256) } }),
    ).resolves.toHaveProperty('ContactId');
    await refused(
      { ParticipantDetails: { DisplayName: 'x'.repeat(257) } },
      'InvalidParameterException',
      400,
      /DisplayName/,
    );
    await refused(
      { ParticipantDetails: { DisplayName: '' } },
      'InvalidParameterException',
      400,
      /DisplayName/,
    );
  });

  it('Attributes: 32,768 UTF-8 bytes pass, 32,769 are refused (multi-byte characters counted as bytes)', async () => {
    await expect(start({ Attributes: { k: 'v'.repeat(32_766), a: '' } })).resolves.toHaveProperty(
      'ContactId',
    );
    await expect(start({ Attributes: { kk: utf8(32_766) } })).resolves.toHaveProperty('ContactId');
    await refused(
      { Attributes: { kk: utf8(32_766) + 'x' } },
      'InvalidParameterException',
      400,
      /32769 UTF-8 bytes.*32768/,
    );
  });

  it('Attributes: keys only A-Z a-z 0-9 - _', async () => {
    await refused({ Attributes: { 'bad key': 'x' } }, 'InvalidParameterException', 400, /bad key/);
    await refused(
      { Attributes: { 'a.b': 'x' } },
      'InvalidParameterException',
      400,
      /A-Z a-z 0-9 - _/,
    );
  });

  it('Description: 4,096 characters pass, 4,097 are refused', async () => {
    await expect(start({ Description: 'd'.repeat(4096) })).resolves.toHaveProperty('ContactId');
    await refused(
      { Description: 'd'.repeat(4097) },
      'InvalidParameterException',
      400,
      /Description/,
    );
  });

  it('References: 4,096 UTF-8 bytes over all references pass, 4,097 are refused', async () => {
    await expect(
      start({
        References: {
          a: { Type: 'STRING', Value: 'v'.repeat(2000) },
          b: { Type: 'STRING', Value: 'v'.repeat(2094) },
        },
      }),
    ).resolves.toHaveProperty('ContactId');
    await refused(
      {
        References: {
          a: { Type: 'STRING', Value: 'v'.repeat(2000) },
          b: { Type: 'STRING', Value: 'v'.repeat(2095) },
        },
      },
      'InvalidParameterException',
      400,
      /4097 UTF-8 bytes/,
    );
  });

  it('ClientToken: 500 characters pass, 501 are refused', async () => {
    await expect(start({ ClientToken: 't'.repeat(500) })).resolves.toHaveProperty('ContactId');
    await refused(
      { ClientToken: 't'.repeat(501) },
      'InvalidParameterException',
      400,
      /ClientToken/,
    );
  });

  it('RelatedContactId: longer than 256 is refused', async () => {
    await refused(
      { RelatedContactId: 'r'.repeat(257) },
      'InvalidParameterException',
      400,
      /RelatedContactId/,
    );
  });
});
