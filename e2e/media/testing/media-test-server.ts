/**
 * A test-only server for the media specs: the real media server (createMediaServer) behind a
 * fastify instance that also serves the harness page (built by e2e/testing/harness-build.ts), on a
 * free loopback port. Meetings and attendees come straight from the MediaService the local Connect
 * emulator uses. The server records each signaling socket by join token, so a spec can kill one
 * like a network drop.
 */
import Fastify from 'fastify';
import fastifyStatic from '@fastify/static';
import pino from 'pino';
import type { Duplex } from 'node:stream';
import { createMediaServer } from '../../../src/media-server/create-media-server';
import type { MediaAttendee, MediaService } from '../../../src/media-server/media-service';
import type { Browser, Page } from '@playwright/test';
import { joinPage, started } from './harness-page';
import { tokenFromProtocols } from '../../../src/media-server/join-token';
import { HARNESS_DIR, HARNESS_PATH } from '../../testing/harness-build';

/**
 * The running media test server: URLs, the MediaService to make meetings with, and a way to cut
 * sockets.
 */
export interface MediaTestServer {
  baseUrl: string;
  harnessUrl: string;
  media: MediaService;
  /** Destroys the TCP sockets of every signaling connection opened with this join token. */
  killSockets(joinToken: string): number;
  close(): Promise<void>;
}

/** Starts the real media server and the harness page on a free loopback port for one spec file. */
export async function startMediaTestServer(): Promise<MediaTestServer> {
  const app = Fastify({ logger: false });
  await app.register(fastifyStatic, { root: HARNESS_DIR, prefix: '/' });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as { port: number };
  const baseUrl = `http://127.0.0.1:${port}`;
  const media = createMediaServer({
    publicUrl: baseUrl,
    logger: pino({ level: process.env.LOG_LEVEL ?? 'warn' }),
  });
  const sockets = new Map<string, Set<Duplex>>();
  app.server.on('upgrade', (req, socket, head) => {
    const token = (tokenFromProtocols(req.headers['sec-websocket-protocol']) ?? '').replace(
      /#content$/,
      '',
    );
    if (!sockets.has(token)) sockets.set(token, new Set());
    sockets.get(token)!.add(socket);
    socket.once('close', () => sockets.get(token)?.delete(socket));
    if (!media.handleUpgrade(req, socket, head)) socket.destroy();
  });
  return {
    baseUrl,
    harnessUrl: `${baseUrl}${HARNESS_PATH}index.html`,
    media,
    killSockets(joinToken) {
      const set = sockets.get(joinToken) ?? new Set();
      for (const s of set) s.destroy();
      return set.size;
    },
    async close() {
      await media.close();
      for (const set of sockets.values()) for (const s of set) s.destroy();
      await app.close();
    },
  };
}

/**
 * A new meeting with two attendees joined on two harness pages, both started (specs and the bench).
 */
export async function joinTwo(
  browser: Browser,
  server: MediaTestServer,
  names: [string, string] = ['alice', 'bob'],
) {
  const meeting = server.media.createMeeting();
  const attendees = names.map((n) => server.media.createAttendee(meeting.MeetingId, n)) as [
    MediaAttendee,
    MediaAttendee,
  ];
  const pages: [Page, Page] = [
    await joinPage(browser, server.harnessUrl, meeting, attendees[0]),
    await joinPage(browser, server.harnessUrl, meeting, attendees[1]),
  ];
  await Promise.all(pages.map(started));
  return { meeting, attendees, pages };
}
