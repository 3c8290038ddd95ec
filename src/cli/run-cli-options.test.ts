/**
 * Every StartWebRTCContact option, in shorthand and JSON, reaches the wire as the official SDK
 * client sends it (checked on a loopback stand-in endpoint), with --cli-input-json merging.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run, startFakeEndpoint, type FakeEndpoint } from './testing/cli-test-kit';

let endpoint: FakeEndpoint;
beforeAll(async () => {
  endpoint = await startFakeEndpoint();
});
afterAll(() => endpoint.close());
beforeEach(() => endpoint.requests.splice(0));

const base = () => [
  'start-web-rtc-contact',
  '--endpoint-url',
  endpoint.url,
  '--instance-id',
  'inst-1',
  '--contact-flow-id',
  'flow-1',
];
const sent = () => endpoint.requests.find((r) => r.path.endsWith('/contact/webrtc'));

describe('options in shorthand syntax', () => {
  it('sends every option', async () => {
    const result = await run([
      ...base(),
      '--participant-details',
      'DisplayName=Jane Doe',
      '--attributes',
      'orderId=1234,session_key=a-b',
      '--client-token',
      'token-0123456789abcdef',
      '--allowed-capabilities',
      'Customer={Video=SEND,ScreenShare=SEND},Agent={Video=SEND}',
      '--related-contact-id',
      'rel-1',
      '--references',
      'order=Value=https://x.test/o?id=1,Type=URL,total={Value=12,Type=NUMBER}',
      '--description',
      'Video call about order 1234',
    ]);
    expect(result.stderr).not.toContain('error');
    expect(result.code).toBe(0);
    const req = sent();
    expect(req?.method).toBe('PUT');
    expect(req?.path).toBe('/aws/contact/webrtc');
    expect(req?.body).toEqual({
      InstanceId: 'inst-1',
      ContactFlowId: 'flow-1',
      ParticipantDetails: { DisplayName: 'Jane Doe' },
      Attributes: { orderId: '1234', session_key: 'a-b' },
      ClientToken: 'token-0123456789abcdef',
      AllowedCapabilities: {
        Customer: { Video: 'SEND', ScreenShare: 'SEND' },
        Agent: { Video: 'SEND' },
      },
      RelatedContactId: 'rel-1',
      References: {
        order: { Value: 'https://x.test/o?id=1', Type: 'URL' },
        total: { Value: '12', Type: 'NUMBER' },
      },
      Description: 'Video call about order 1234',
    });
  });

  it('lets the SDK fill ClientToken when none is given', async () => {
    await run([...base(), '--participant-details', 'DisplayName=Jane']);
    expect(sent()?.body?.ClientToken).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('options in JSON syntax', () => {
  it('sends every structure and map option given as JSON, and --opt=value', async () => {
    const result = await run([
      ...base(),
      '--participant-details',
      '{"DisplayName": "Jane"}',
      '--attributes={"orderId": "1234"}',
      '--allowed-capabilities',
      ' {"Customer": {"Video": "SEND"}}',
      '--references',
      '{"order": {"Value": "https://x", "Type": "URL"}}',
    ]);
    expect(result.code).toBe(0);
    expect(sent()?.body).toMatchObject({
      ParticipantDetails: { DisplayName: 'Jane' },
      Attributes: { orderId: '1234' },
      AllowedCapabilities: { Customer: { Video: 'SEND' } },
      References: { order: { Value: 'https://x', Type: 'URL' } },
    });
  });

  it('reads file:// values and --cli-input-json, with command-line values winning', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cvc-cli-'));
    const input = join(dir, 'input.json');
    writeFileSync(
      input,
      JSON.stringify({
        InstanceId: 'from-json',
        ContactFlowId: 'flow-json',
        ParticipantDetails: { DisplayName: 'Json' },
        Description: 'from json',
      }),
    );
    writeFileSync(join(dir, 'caps.json'), '{"Agent": {"ScreenShare": "SEND"}}');
    const result = await run([
      'start-web-rtc-contact',
      '--endpoint-url',
      endpoint.url,
      '--cli-input-json',
      `file://${input}`,
      '--description',
      'from the command line',
      '--allowed-capabilities',
      `file://${join(dir, 'caps.json')}`,
    ]);
    expect(result.code).toBe(0);
    expect(sent()?.body).toMatchObject({
      InstanceId: 'from-json',
      ContactFlowId: 'flow-json',
      ParticipantDetails: { DisplayName: 'Json' },
      Description: 'from the command line',
      AllowedCapabilities: { Agent: { ScreenShare: 'SEND' } },
    });
  });
});

describe('local defaults', () => {
  it('discovers the instance and flow with ListInstances and ListContactFlows', async () => {
    const result = await run([
      'start-web-rtc-contact',
      '--endpoint-url',
      endpoint.url,
      '--participant-details',
      'DisplayName=Jane',
    ]);
    expect(result.code).toBe(0);
    expect(endpoint.requests.map((r) => `${r.method} ${r.path.split('?')[0]}`)).toEqual([
      'GET /aws/instance',
      'GET /aws/contact-flows-summary/inst-local',
      'PUT /aws/contact/webrtc',
    ]);
    expect(sent()?.body).toMatchObject({ InstanceId: 'inst-local', ContactFlowId: 'flow-local' });
  });

  it('uses CONNECT_VIDEO_CALL_URL for the local stack when no endpoint is given', async () => {
    const site = endpoint.url.replace(/\/aws$/, '');
    const result = await run(
      [
        'start-web-rtc-contact',
        '--participant-details',
        'DisplayName=Jane',
        '--join-url',
        '--query',
        'JoinUrl',
        '--output',
        'text',
      ],
      { CONNECT_VIDEO_CALL_URL: site },
    );
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(new RegExp(`^${site}/join/#[A-Za-z0-9_-]+\\n$`));
  });
});
