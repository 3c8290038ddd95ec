/**
 * One contract for every provider: whatever backend the server runs on, the gateway behaves the
 * same. The local provider is tested as the server wires it; the AWS provider is the production
 * code with only its endpoint pointed at the local emulator (as AWS_ENDPOINT_URL_CONNECT would).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { useLocalStack } from '../testing/use-local-stack';
import { createAwsProvider } from './aws-provider';
import type { ContactCenterProvider } from './provider';

const local = useLocalStack();
let aws: ContactCenterProvider;
beforeAll(() => {
  aws = createAwsProvider({
    region: 'eu-west-2',
    endpoint: local.stack.emulatorUrl,
    credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' },
  });
});
afterAll(() => aws?.close());

describe.each(['local', 'aws'] as const)('%s provider', (which) => {
  const provider = () => (which === 'local' ? local.stack.provider : aws);
  const ids = () => {
    const ep = local.stack.provider.defaultEntryPoints[0]!;
    return { InstanceId: ep.instanceId, ContactFlowId: ep.contactFlowId };
  };
  const start = (over: Record<string, unknown> = {}) =>
    provider().gateway.startWebRTCContact({
      ...ids(),
      ParticipantDetails: { DisplayName: 'Contract Customer' },
      AllowedCapabilities: { Customer: { Video: 'SEND' }, Agent: { Video: 'SEND' } },
      ClientToken: randomUUID(),
      ...over,
    });

  it('starts a WebRTC contact with a joinable meeting', async () => {
    const out = await start();
    expect(out.ContactId).toBeTruthy();
    expect(out.ParticipantToken).toBeTruthy();
    expect(out.ConnectionData?.Attendee?.JoinToken).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(out.ConnectionData?.Meeting?.MediaPlacement?.SignalingUrl).toMatch(
      /^wss?:\/\/.+\/control\//,
    );
    const contact = await provider().gateway.describeContact(ids().InstanceId, out.ContactId!);
    expect(contact).toMatchObject({
      Id: out.ContactId,
      Channel: 'VOICE',
      InitiationMethod: 'WEBRTC_API',
      Name: 'Contract Customer',
    });
    expect(contact.InitiationTimestamp).toBeInstanceOf(Date);
  });

  it('returns the same contact for the same ClientToken', async () => {
    const token = randomUUID();
    const [a, b] = await Promise.all([
      start({ ClientToken: token }),
      start({ ClientToken: token }),
    ]);
    expect(b.ContactId).toBe(a.ContactId);
    expect(b.ParticipantToken).toBe(a.ParticipantToken);
  });

  it('sends DTMF and disconnects through the Participant Service', async () => {
    const out = await start();
    const conn = await provider().gateway.createConnection(out.ParticipantToken!);
    expect(conn.connectionToken).toBeTruthy();
    expect(conn.websocketUrl).toMatch(/^wss?:\/\//);
    // "2" is Support, open around the clock in the sample flow ("1", Sales, closes in the evening
    // and the flow would hang up before this test disconnects).
    const sent = await provider().gateway.sendDtmf(conn.connectionToken, '2#');
    expect(sent.id).toBeTruthy();
    await expect(provider().gateway.sendDtmf(conn.connectionToken, '1a')).rejects.toMatchObject({
      name: 'ValidationException',
    });
    await provider().gateway.disconnect(conn.connectionToken);
    const contact = await provider().gateway.describeContact(ids().InstanceId, out.ContactId!);
    expect(contact.DisconnectTimestamp).toBeInstanceOf(Date);
  });

  it('reports Connect errors by name with a message', async () => {
    await expect(start({ ContactFlowId: 'no-such-flow' })).rejects.toMatchObject({
      name: 'ResourceNotFoundException',
      message: expect.stringContaining('no-such-flow'),
    });
    await expect(start({ ParticipantDetails: { DisplayName: '' } })).rejects.toMatchObject({
      name: 'InvalidParameterException',
      message: expect.stringMatching(/DisplayName/),
    });
    await expect(provider().gateway.createConnection('not-a-token')).rejects.toMatchObject({
      name: 'AccessDeniedException',
    });
  });
});
