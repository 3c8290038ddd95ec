/**
 * Test kit (tests and benchmarks): the emulated AWS (emulator plugin and participant WebSocket)
 * over the fake MediaService in a bare Fastify server on a loopback port, driven by the official
 * SDK clients (Connect, Participant, Chime SDK Meetings) with dummy credentials. `restart()` closes
 * the emulated AWS and builds a new one on the same data dir, as a process restart would.
 */
import Fastify, { type FastifyInstance } from 'fastify';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { ConnectClient } from '@aws-sdk/client-connect';
import { ConnectParticipantClient } from '@aws-sdk/client-connectparticipant';
import { ChimeSDKMeetingsClient } from '@aws-sdk/client-chime-sdk-meetings';
import { loadLocalConfig } from '../../config/load-local-config';
import type { LocalConfig } from '../../config/local-config-schema';
import { createEmulatedAws, EMULATOR_PREFIX, type EmulatedAws } from '../../emulated-aws';
import { systemClock, type Clock } from '../../clock';
import { FakeMediaService } from '../../../media-server/testing/fake-media-service';

/**
 * The running harness: its URL, the emulated AWS and fake media behind it, and SDK clients pointed
 * at it.
 */
export interface EmulatorHarness {
  url: string;
  config: LocalConfig;
  media: FakeMediaService;
  aws: EmulatedAws;
  connect: ConnectClient;
  participant: ConnectParticipantClient;
  meetings: ChimeSDKMeetingsClient;
  dataDir: string;
  restart(): Promise<void>;
  close(): Promise<void>;
}

const CONFIG_DIR = join(import.meta.dirname, '../../../../config/local');

/**
 * Starts the harness on a loopback port; reuse `dataDir` to test what survives a restart, `now` to
 * control time.
 */
export async function startEmulatorHarness(
  options: { dataDir?: string; now?: Clock; region?: string } = {},
): Promise<EmulatorHarness> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'cvc-emulator-'));
  const config = loadLocalConfig(CONFIG_DIR);
  const logger = pino({ level: 'silent' });
  let media = new FakeMediaService();
  let aws: EmulatedAws;
  let app: FastifyInstance;

  const boot = async (): Promise<string> => {
    aws = createEmulatedAws({
      config,
      dataDir,
      media,
      logger,
      now: options.now ?? systemClock,
    });
    app = Fastify({ logger: false });
    await app.register(aws.emulator, { prefix: EMULATOR_PREFIX });
    const handlers = aws.upgradeHandlers;
    app.server.on('upgrade', (req, socket, head) => {
      if (!handlers.some((h) => h(req, socket, head))) socket.end('HTTP/1.1 404 Not Found\r\n\r\n');
    });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    return `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  };

  let url = await boot();
  const clientConfig = () => ({
    region: options.region ?? 'eu-west-2',
    endpoint: `${url}${EMULATOR_PREFIX}`,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    maxAttempts: 1,
  });
  const harness: EmulatorHarness = {
    url,
    config,
    media,
    dataDir,
    aws: aws!,
    connect: new ConnectClient(clientConfig()),
    participant: new ConnectParticipantClient(clientConfig()),
    meetings: new ChimeSDKMeetingsClient(clientConfig()),
    async restart() {
      await app.close();
      aws.close();
      media = new FakeMediaService();
      url = await boot();
      const clients = {
        connect: new ConnectClient(clientConfig()),
        participant: new ConnectParticipantClient(clientConfig()),
        meetings: new ChimeSDKMeetingsClient(clientConfig()),
      };
      Object.assign(harness, { url, media, aws, ...clients });
    },
    async close() {
      harness.connect.destroy();
      harness.participant.destroy();
      harness.meetings.destroy();
      await app.close();
      aws.close();
    },
  };
  return harness;
}
