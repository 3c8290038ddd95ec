/**
 * Contract: every bad StartWebRTCContact input gets the modelled error (status, x-amzn-ErrorType,
 * JSON message naming the problem) and creates nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulatorHarness, type EmulatorHarness } from './testing/emulator-harness';
import { expectStartRefused } from './testing/expect-start-refused';

let h: EmulatorHarness;
beforeAll(async () => {
  h = await startEmulatorHarness();
});
afterAll(async () => h.close());

const base = () => ({
  InstanceId: h.config.instance.id,
  ContactFlowId: h.config.defaultFlowId,
  ParticipantDetails: { DisplayName: 'Grace' },
});

/** Expects StartWebRTCContact with `body` refused with this error, creating no contact and no meeting. */
const refused = (body: unknown, name: string, status: number, message: RegExp) =>
  expectStartRefused(h, body, name, status, message);

describe('StartWebRTCContact: bad input', () => {
  it('unknown instance or flow: ResourceNotFoundException 404', async () => {
    await refused(
      { ...base(), InstanceId: '00000000-0000-0000-0000-000000000000' },
      'ResourceNotFoundException',
      404,
      /Instance 00000000/,
    );
    await refused(
      { ...base(), ContactFlowId: 'no-such-flow' },
      'ResourceNotFoundException',
      404,
      /Contact flow no-such-flow/,
    );
  });

  it('missing required members: InvalidParameterException naming the member', async () => {
    await refused(
      { ...base(), ParticipantDetails: undefined },
      'InvalidParameterException',
      400,
      /ParticipantDetails is required/,
    );
    await refused(
      { ...base(), ParticipantDetails: {} },
      'InvalidParameterException',
      400,
      /DisplayName is required/,
    );
    await refused(
      { ...base(), ContactFlowId: undefined },
      'InvalidParameterException',
      400,
      /ContactFlowId is required/,
    );
    await refused(
      { ...base(), InstanceId: undefined },
      'InvalidParameterException',
      400,
      /InstanceId is required/,
    );
    await refused(
      { ...base(), InstanceId: 'i'.repeat(101) },
      'InvalidParameterException',
      400,
      /InstanceId/,
    );
  });

  it('AllowedCapabilities: only SEND and only Customer/Agent × Video/ScreenShare', async () => {
    await refused(
      { ...base(), AllowedCapabilities: { Customer: { Video: 'RECEIVE' } } },
      'InvalidParameterException',
      400,
      /AllowedCapabilities.Customer.Video/,
    );
    // The SDK drops unknown members before sending, so unknown parties and media go over raw HTTP.
    for (const caps of [{ Supervisor: { Video: 'SEND' } }, { Agent: { Audio: 'SEND' } }]) {
      const res = await fetch(`${h.url}/aws/contact/webrtc`, {
        method: 'PUT',
        body: JSON.stringify({ ...base(), AllowedCapabilities: caps }),
      });
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({
        __type: 'InvalidParameterException',
        Message: expect.stringMatching(/AllowedCapabilities/),
      });
    }
  });

  it('RelatedContactId must exist in the instance', async () => {
    await refused(
      { ...base(), RelatedContactId: 'not-a-contact' },
      'ResourceNotFoundException',
      404,
      /RelatedContactId.*not-a-contact/,
    );
  });

  it('References: ATTACHMENT refused at creation; DATE epoch, URL, EMAIL, NUMBER well-formed', async () => {
    await refused(
      { ...base(), References: { f: { Type: 'ATTACHMENT', Value: 'x' } } },
      'InvalidRequestException',
      400,
      /ATTACHMENT cannot be set/,
    );
    await refused(
      { ...base(), References: { f: { Type: 'CONTACT_ANALYSIS', Value: 'x' } } },
      'InvalidRequestException',
      400,
      /CONTACT_ANALYSIS/,
    );
    await refused(
      { ...base(), References: { f: { Type: 'BOGUS', Value: 'x' } } },
      'InvalidParameterException',
      400,
      /References.f.Type/,
    );
    await refused(
      { ...base(), References: { d: { Type: 'DATE', Value: '2024-01-01' } } },
      'InvalidParameterException',
      400,
      /References.d: Value must be an epoch timestamp/,
    );
    await refused(
      { ...base(), References: { u: { Type: 'URL', Value: 'not a url' } } },
      'InvalidParameterException',
      400,
      /well-formed URL/,
    );
    await refused(
      { ...base(), References: { u: { Type: 'URL', Value: 'javascript:alert(1)' } } },
      'InvalidParameterException',
      400,
      /well-formed URL/,
    );
    await refused(
      { ...base(), References: { e: { Type: 'EMAIL', Value: 'ada@' } } },
      'InvalidParameterException',
      400,
      /well-formed EMAIL/,
    );
    await refused(
      { ...base(), References: { n: { Type: 'NUMBER', Value: '12abc' } } },
      'InvalidParameterException',
      400,
      /well-formed NUMBER/,
    );
  });

  it('SegmentAttributes: bad shapes and a non-WebRTC subtype are refused', async () => {
    await refused(
      { ...base(), SegmentAttributes: { 'connect:Subtype': { ValueString: 'connect:Chat' } } },
      'InvalidParameterException',
      400,
      /connect:WebRTC/,
    );
    await refused(
      { ...base(), SegmentAttributes: { k: { ValueString: 's'.repeat(1025) } } },
      'InvalidParameterException',
      400,
      /SegmentAttributes/,
    );
    await refused(
      { ...base(), SegmentAttributes: { ['k'.repeat(129)]: { ValueString: 'x' } } },
      'InvalidParameterException',
      400,
      /SegmentAttributes/,
    );
  });

  it('raw HTTP: bad JSON, non-object bodies and unknown routes answer AWS-shaped JSON', async () => {
    const put = (body: string) =>
      fetch(`${h.url}/aws/contact/webrtc`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body,
      });
    for (const body of ['{bad', '[1,2]', '"text"']) {
      const res = await put(body);
      expect(res.status).toBe(400);
      expect(res.headers.get('x-amzn-errortype')).toBe('InvalidRequestException');
      expect(res.headers.get('x-amzn-requestid')).toMatch(/^[0-9a-f-]{36}$/);
      expect(await res.json()).toMatchObject({
        __type: 'InvalidRequestException',
        Message: expect.stringMatching(/JSON/),
      });
    }
    const unknown = await fetch(`${h.url}/aws/no/such/operation`);
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ __type: 'UnknownOperationException' });
    const big = await put(JSON.stringify({ ...base(), Description: 'x'.repeat(1_100_000) }));
    expect(big.status).toBe(400);
    expect(big.headers.get('x-amzn-errortype')).toBe('InvalidRequestException');
    expect(await big.json()).toMatchObject({
      Message: expect.stringMatching(/larger than 1048576 bytes/),
    });
    expect(h.aws.contacts.listActive()).toHaveLength(0);
  });
});
