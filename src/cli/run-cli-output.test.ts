/**
 * Output of the CLI in json, text and table formats, --query, both skeletons, --join-url,
 * --no-sign-request and --debug, against a loopback stand-in endpoint.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { decodeJoinPayload } from '../join/join-payload';
import {
  run,
  SAMPLE_RESPONSE,
  startContactArgs,
  startFakeEndpoint,
  type FakeEndpoint,
} from './testing/cli-test-kit';

let endpoint: FakeEndpoint;
beforeAll(async () => {
  endpoint = await startFakeEndpoint();
});
afterAll(() => endpoint.close());
beforeEach(() => endpoint.requests.splice(0));

const call = (...extra: string[]) => run(startContactArgs(endpoint.url, ...extra));

describe('output formats', () => {
  it('prints JSON indented by four spaces, without $metadata', async () => {
    const { code, stdout } = await call();
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual(SAMPLE_RESPONSE);
    expect(stdout).toContain('\n    "ContactId": "c-123"');
  });

  it('prints text as the AWS CLI does: sorted scalars per line, nested objects under their key', async () => {
    const { code, stdout } = await call('--output', 'text');
    expect(code).toBe(0);
    expect(stdout.split('\n')).toEqual([
      'c-123\tp-456\tparticipant-secret-token',
      'ATTENDEE\tatt-1\tjoin-secret-token',
      'MEETING\tus-east-1\tmeet-1',
      'MEDIAPLACEMENT\twss://h/fb\twss://h/audio\thttps://h/events\twss://h/control/meet-1\thttps://h/turn',
      'AUDIO\tAVAILABLE',
      '',
    ]);
  });

  it('prints a titled table, vertical when it would not fit 80 columns', async () => {
    const { code, stdout } = await call('--output', 'table', '--color', 'off');
    expect(code).toBe(0);
    const lines = stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^-+$/);
    expect(lines[1]).toMatch(/^\|\s+StartWebRTCContact\s+\|$/);
    expect(stdout).toMatch(/\|\s+ContactId\s+\|\s+c-123\s+\|/);
    expect(stdout).toMatch(/\|\|\|\s+Attendee\s+\|\|\|/);
    expect(stdout).toMatch(/\|\|\|\|\s+SignalingUrl\s+\|\s+wss:\/\/h\/control\/meet-1\s+\|\|\|\|/);
    expect(new Set(lines.map((l) => l.length)).size).toBe(1);
    expect(stdout).not.toContain('\x1b[');
  });

  it('keeps a narrow table horizontal and colours it with --color on', async () => {
    const { stdout } = await call(
      '--output',
      'table',
      '--query',
      '{Contact: ContactId, Participant: ParticipantId}',
      '--color',
      'on',
    );
    expect(stdout).toContain('\x1b[1m\x1b[34mc-123\x1b[0m');
    const plain = stdout.replace(new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g'), '');
    expect(plain.split('\n')).toEqual([
      '----------------------------',
      '|    StartWebRTCContact    |',
      '+----------+---------------+',
      '|  Contact |  Participant  |',
      '+----------+---------------+',
      '|  c-123   |  p-456        |',
      '+----------+---------------+',
      '',
    ]);
  });
});

describe('--query', () => {
  it('filters with JMESPath in every format', async () => {
    expect((await call('--query', 'ConnectionData.Meeting.MeetingId')).stdout).toBe('"meet-1"\n');
    expect(
      (await call('--query', 'ConnectionData.Meeting.MeetingId', '--output', 'text')).stdout,
    ).toBe('meet-1\n');
    expect((await call('--query', '[ContactId, ParticipantId]', '--output', 'text')).stdout).toBe(
      'c-123\tp-456\n',
    );
    expect((await call('--query', 'Nothing')).stdout).toBe('null\n');
  });

  it('refuses a bad expression with exit code 252 before calling the service', async () => {
    const { code, stderr } = await call('--query', 'ContactId[');
    expect(code).toBe(252);
    expect(stderr).toContain('Bad value for --query ContactId[');
  });
});

describe('--generate-cli-skeleton', () => {
  it('prints the input skeleton without sending anything', async () => {
    const { code, stdout } = await run([
      'start-web-rtc-contact',
      '--generate-cli-skeleton',
      '--endpoint-url',
      endpoint.url,
    ]);
    expect(code).toBe(0);
    const skeleton = JSON.parse(stdout);
    expect(Object.keys(skeleton)).toEqual([
      'Attributes',
      'ClientToken',
      'ContactFlowId',
      'InstanceId',
      'AllowedCapabilities',
      'ParticipantDetails',
      'RelatedContactId',
      'References',
      'Description',
    ]);
    expect(skeleton.References.KeyName).toEqual({
      Value: '',
      Type: 'URL',
      Status: 'AVAILABLE',
      Arn: '',
      StatusReason: '',
    });
    expect(endpoint.requests).toHaveLength(0);
  });

  it('validates the inputs and prints the output skeleton in the chosen format', async () => {
    const out = await call('--generate-cli-skeleton', 'output');
    expect(out.code).toBe(0);
    expect(JSON.parse(out.stdout)).toMatchObject({
      ContactId: 'ContactId',
      ConnectionData: { Meeting: { MeetingFeatures: { Audio: { EchoReduction: 'AVAILABLE' } } } },
    });
    expect(
      (await call('--generate-cli-skeleton', 'output', '--output', 'text', '--query', 'ContactId'))
        .stdout,
    ).toBe('ContactId\n');
    expect(endpoint.requests).toHaveLength(0);
    const bad = await run([
      'start-web-rtc-contact',
      '--generate-cli-skeleton',
      'output',
      '--endpoint-url',
      endpoint.url,
    ]);
    expect(bad.code).toBe(252);
    expect(bad.stderr).toContain('the following arguments are required: --participant-details');
  });
});

describe('--join-url, signing and debug', () => {
  it('adds a join link carrying the ConnectionData in the fragment', async () => {
    const { stdout } = await call('--join-url');
    const { JoinUrl } = JSON.parse(stdout) as { JoinUrl: string };
    const url = new URL(JoinUrl);
    expect(url.pathname).toBe('/join/');
    expect(url.search).toBe('');
    const payload = decodeJoinPayload(url.hash);
    expect(payload).toMatchObject({
      contactId: 'c-123',
      displayName: 'J',
      connectionData: SAMPLE_RESPONSE.ConnectionData,
    });
  });

  it('signs requests by default and sends no Authorization with --no-sign-request', async () => {
    await call();
    expect(endpoint.requests[0]?.headers.authorization).toMatch(
      /^AWS4-HMAC-SHA256 Credential=local\//,
    );
    endpoint.requests.splice(0);
    expect((await call('--no-sign-request')).code).toBe(0);
    expect(endpoint.requests[0]?.headers.authorization).toBeUndefined();
    expect(endpoint.requests[0]?.headers['x-amz-date']).toBeUndefined();
  });

  it('logs the request to stderr with --debug, never a secret', async () => {
    const { code, stdout, stderr } = await call('--debug');
    expect(code).toBe(0);
    expect(stderr).toContain('Making request for StartWebRTCContactCommand: PUT http://127.0.0.1:');
    expect(stderr).toContain('"authorization":"[REDACTED]"');
    expect(stderr).toContain('Response status 200');
    expect(stderr).not.toMatch(
      /AWS4-HMAC-SHA256|Signature=|join-secret-token|participant-secret-token/,
    );
    expect(stdout).toContain('join-secret-token');
  });
});
