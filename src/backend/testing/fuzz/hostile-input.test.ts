/**
 * The fuzz suite of issue 9, against the real server in a child process (loopback only, bounded in
 * count): malformed frames to every WebSocket endpoint with and without valid tokens, and malformed
 * requests to every route. After each case the server must still start a call, a call already in
 * progress must still answer on its signaling and participant sockets, and a meeting in progress
 * must still carry audio and video both ways (synthetic attendees, media-in-progress.ts). Prints
 * the cases tried and survived and the peak memory during the oversized-frame cases.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StartCallResponse } from '../../../shared/call-api';
import { rawRequest } from '../raw-http';
import { openRawWebSocket } from '../raw-websocket';
import { pathOf, startTestCall } from '../start-test-call';
import { callInProgress } from './call-in-progress';
import { mediaInProgress } from './media-in-progress';
import { FRAME_CASES } from './hostile-frames';
import { requestCases } from './hostile-requests';
import { startServerProcess, type ServerProcess } from './server-process';

let server: ServerProcess;
let ongoing: Awaited<ReturnType<typeof callInProgress>>;
let media: Awaited<ReturnType<typeof mediaInProgress>>;
let fresh: StartCallResponse;
const tally = { tried: 0, survived: 0, peakMiB: 0, baselineMiB: 0 };

beforeAll(async () => {
  server = await startServerProcess();
  ongoing = await callInProgress(server.baseUrl);
  media = await mediaInProgress(server.baseUrl);
  fresh = await startTestCall(server.baseUrl);
  tally.baselineMiB = server.memory().rssMiB;
}, 90_000);
afterAll(async () => {
  ongoing?.close();
  await media?.close();
  await server?.stop();
  console.log(
    `hostile cases: ${tally.tried} tried, ${tally.survived} survived; RSS ${tally.baselineMiB} MiB before, peak ${tally.peakMiB} MiB during the oversized-frame cases`,
  );
});

/**
 * After a case: the process lives, a new call starts (its tokens feed the next case), the call in
 * progress answers.
 */
async function survived(name: string) {
  tally.tried++;
  expect(server.alive(), `server exited after: ${name}`).toBe(true);
  fresh = await startTestCall(server.baseUrl);
  await ongoing.stillUp();
  await media.stillFlowing();
  tally.survived++;
}

/**
 * The WebSocket endpoints, each without and with a valid token (a fresh call's, so single-use
 * tokens work).
 */
const ENDPOINTS: Array<{ name: string; path: () => string; protocols?: () => string }> = [
  {
    name: 'signaling, no token',
    path: () => `/control/${fresh.connectionData.Meeting.MeetingId}`,
    protocols: () => '_aws_wt_session',
  },
  {
    name: 'signaling, wrong token',
    path: () => `/control/${fresh.connectionData.Meeting.MeetingId}`,
    protocols: () => '_aws_wt_session, wrong-token',
  },
  {
    name: 'signaling, valid token',
    path: () => `/control/${fresh.connectionData.Meeting.MeetingId}`,
    protocols: () => `_aws_wt_session, ${fresh.connectionData.Attendee.JoinToken}`,
  },
  { name: 'participant, no token', path: () => '/aws/participant/websocket' },
  { name: 'participant, valid token', path: () => pathOf(fresh.eventsUrl!) },
];

describe('hostile input', () => {
  it('survives malformed frames on every WebSocket endpoint', async () => {
    for (const endpoint of ENDPOINTS) {
      for (const c of FRAME_CASES) {
        const name = `${endpoint.name}: ${c.name}`;
        const ws = await openRawWebSocket(
          server.port,
          endpoint.path(),
          endpoint.protocols ? { 'sec-websocket-protocol': endpoint.protocols() } : {},
        );
        if (c.oversized) server.resetPeak();
        await c.send(ws.socket);
        ws.socket.end();
        await ws.closed;
        if (c.oversized) tally.peakMiB = Math.max(tally.peakMiB, server.memory().peakMiB);
        await survived(name);
      }
    }
  }, 600_000);

  it('survives malformed requests to every route', async () => {
    for (const c of requestCases()) {
      await rawRequest(server.port, c.bytes(`localhost:${server.port}`), true);
      await survived(c.name);
    }
  }, 600_000);
});
