/**
 * The CLI against the real local stack, started in this process through buildServer (useLocalStack)
 * on a free port: it discovers the local instance and flow, starts a contact
 * that DescribeContact then shows, replays by client token, and reports the emulator's errors.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import {
  ConnectClient,
  DescribeContactCommand,
  ListInstancesCommand,
} from '@aws-sdk/client-connect';
import { useLocalStack } from '../backend/testing/use-local-stack';
import { decodeJoinPayload } from '../join/join-payload';
import { run } from './testing/cli-test-kit';

const local = useLocalStack();
let connect: ConnectClient;
beforeAll(() => {
  connect = new ConnectClient({
    region: 'us-east-1',
    endpoint: local.stack.emulatorUrl,
    credentials: { accessKeyId: 'x', secretAccessKey: 'x' },
  });
});
afterAll(() => connect?.destroy());

describe('start-web-rtc-contact on the local stack', () => {
  it('starts a contact with the local defaults, which DescribeContact then shows', async () => {
    const result = await run(
      [
        'start-web-rtc-contact',
        '--participant-details',
        'DisplayName=Terminal Jane',
        '--attributes',
        'orderId=1234',
        '--allowed-capabilities',
        'Customer={Video=SEND,ScreenShare=SEND},Agent={Video=SEND}',
        '--references',
        'order=Value=https://shop.test/o/1234,Type=URL',
        '--description',
        'Placed from the CLI test',
        '--join-url',
      ],
      { CONNECT_VIDEO_CALL_URL: local.stack.baseUrl },
    );
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const out = JSON.parse(result.stdout) as {
      ContactId: string;
      JoinUrl: string;
      ConnectionData: { Meeting: { MeetingId: string } };
    };

    const instanceId = (await connect.send(new ListInstancesCommand({}))).InstanceSummaryList?.[0]
      ?.Id;
    const { Contact } = await connect.send(
      new DescribeContactCommand({ InstanceId: instanceId, ContactId: out.ContactId }),
    );
    expect(Contact?.Id).toBe(out.ContactId);
    expect(Contact?.InitiationMethod).toBe('WEBRTC_API');
    expect(Contact?.Name).toBe('Terminal Jane');
    expect(Contact?.Description).toBe('Placed from the CLI test');
    expect(Contact?.Attributes).toMatchObject({ orderId: '1234' });
    expect(Contact?.Customer?.Capabilities).toEqual({ Video: 'SEND', ScreenShare: 'SEND' });

    expect(out.JoinUrl.startsWith(`${local.stack.baseUrl}/join/#`)).toBe(true);
    expect(decodeJoinPayload(new URL(out.JoinUrl).hash).connectionData.Meeting.MeetingId).toBe(
      out.ConnectionData.Meeting.MeetingId,
    );
  });

  it('returns the same contact for the same --client-token', async () => {
    const argv = [
      'start-web-rtc-contact',
      '--endpoint-url',
      local.stack.emulatorUrl,
      '--participant-details',
      'DisplayName=Again',
      '--client-token',
      'cli-test-token-000001',
      '--query',
      'ContactId',
      '--output',
      'text',
    ];
    const first = await run(argv);
    const second = await run(argv);
    expect(first.code).toBe(0);
    expect(second.stdout).toBe(first.stdout);
  });

  it("prints the emulator's error for an unknown flow and exits 254", async () => {
    const result = await run([
      'start-web-rtc-contact',
      '--endpoint-url',
      local.stack.emulatorUrl,
      '--participant-details',
      'DisplayName=J',
      '--contact-flow-id',
      'no-such-flow',
    ]);
    expect(result.code).toBe(254);
    expect(result.stderr).toMatch(
      /^\nAn error occurred \(ResourceNotFoundException\) when calling the StartWebRTCContact operation: .+\n$/,
    );
  });

  it('works as the installed command (bin/connect-video-call.mjs) in its own process', async () => {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [
        'bin/connect-video-call.mjs',
        'start-web-rtc-contact',
        '--endpoint-url',
        local.stack.emulatorUrl,
        '--participant-details',
        'DisplayName=Bin',
        '--output',
        'text',
        '--query',
        'ContactId',
      ],
      { timeout: 30_000 },
    );
    expect(stdout).toMatch(/^\S+\n$/);
    const instanceId = (await connect.send(new ListInstancesCommand({}))).InstanceSummaryList?.[0]
      ?.Id;
    const { Contact } = await connect.send(
      new DescribeContactCommand({ InstanceId: instanceId, ContactId: stdout.trim() }),
    );
    expect(Contact?.Name).toBe('Bin');
  });
});
