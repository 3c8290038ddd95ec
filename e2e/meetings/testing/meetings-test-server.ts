/**
 * A test-only server for the Meetings API specs: the local contact center's /aws plugin (the same
 * Connect + Chime SDK Meetings emulator main.ts mounts) over the real media server, plus the
 * harness page, on one free loopback port. Meetings and attendees are made with the official
 * `@aws-sdk/client-chime-sdk-meetings` client against it, as any Chime SDK app's backend would.
 */
import Fastify from 'fastify';
import fastifyStatic from '@fastify/static';
import pino from 'pino';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ChimeSDKMeetingsClient } from '@aws-sdk/client-chime-sdk-meetings';
import { freePort } from '../../../src/backend/testing/free-port';
import { createMediaServer } from '../../../src/media-server/create-media-server';
import { loadLocalConfig } from '../../../src/contact-center/config/load-local-config';
import { createEmulatedAws, EMULATOR_PREFIX } from '../../../src/contact-center/emulated-aws';
import { systemClock } from '../../../src/contact-center/clock';
import { HARNESS_DIR, HARNESS_PATH } from '../../testing/harness-build';

const root = resolve(import.meta.dirname, '../../..');

/** The running Meetings API test server and an official SDK client already pointed at it. */
export interface MeetingsTestServer {
  baseUrl: string;
  harnessUrl: string;
  /** The official Chime SDK Meetings client pointed at this server's /aws (dummy credentials). */
  chime: ChimeSDKMeetingsClient;
  close(): Promise<void>;
}

/**
 * Starts the Meetings emulator, media server and harness page on a free loopback port, with a fresh
 * data folder.
 */
export async function startMeetingsTestServer(): Promise<MeetingsTestServer> {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const logger = pino({ level: process.env.LOG_LEVEL ?? 'warn' });
  const dataDir = mkdtempSync(join(tmpdir(), 'cvc-meetings-'));
  const media = createMediaServer({ publicUrl: baseUrl, logger });
  const aws = createEmulatedAws({
    config: loadLocalConfig(join(root, 'config/local')),
    dataDir,
    media,
    logger,
    now: systemClock,
    publicUrl: baseUrl,
  });
  const app = Fastify({ logger: false });
  await app.register(fastifyStatic, { root: HARNESS_DIR, prefix: '/' });
  await app.register(aws.emulator, { prefix: EMULATOR_PREFIX });
  app.server.on('upgrade', (req, socket, head) => {
    if (
      !media.handleUpgrade(req, socket, head) &&
      !aws.upgradeHandlers.some((h) => h(req, socket, head))
    )
      socket.destroy();
  });
  await app.listen({ port, host: '127.0.0.1' });
  const chime = new ChimeSDKMeetingsClient({
    endpoint: `${baseUrl}${EMULATOR_PREFIX}`,
    region: 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  return {
    baseUrl,
    harnessUrl: `${baseUrl}${HARNESS_PATH}index.html`,
    chime,
    async close() {
      chime.destroy();
      await app.close();
      await media.close();
      aws.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
