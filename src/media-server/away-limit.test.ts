/**
 * Connect's 60-second participant rule on the local media server, over real signaling sockets with
 * an injected clock: an attendee whose connection went may reconnect within 60 s (a reload), but
 * after more than 60 s away its join token is refused (4403) for good and isAttendeeActive says so;
 * an attendee still connected, or never connected, is not affected by time.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Server } from 'node:http';
import { once } from 'node:events';
import pino from 'pino';
import { WebSocket } from 'ws';
import { createMediaServer } from './create-media-server';
import type { MediaService } from './media-service';
import { listenOnLoopback, routeUpgrades } from './testing/loopback-http';
import { decodeFrame, encodeFrame, FrameType, type SignalFrame } from './signaling-frames';

let http: Server;
let media: MediaService;
let now = 1_000_000;

beforeEach(async () => {
  now = 1_000_000;
  const loopback = await listenOnLoopback();
  http = loopback.http;
  media = createMediaServer({
    publicUrl: loopback.base,
    logger: pino({ level: 'silent' }),
    now: () => now,
  });
  routeUpgrades(http, media);
});
afterEach(async () => {
  await media.close();
  http.close();
});

/**
 * Connects like the SDK and sends JOIN; resolves with the first frame's type, or the close code.
 */
async function joinWith(url: string, token: string, audioSessionId: number) {
  const ws = new WebSocket(`${url}?X-Chime-Control-Protocol-Version=3`, ['_aws_wt_session', token]);
  const first = new Promise<{ frame?: SignalFrame; code?: number }>((resolve) => {
    ws.once('message', (d: Buffer) => resolve({ frame: decodeFrame(d) }));
    ws.once('close', (code) => resolve({ code }));
  });
  await once(ws, 'open');
  ws.send(encodeFrame({ type: FrameType.JOIN, join: { protocolVersion: 2, audioSessionId } }));
  return { ws, answer: await first };
}
async function leave(ws: WebSocket) {
  ws.close();
  await once(ws, 'close');
  await new Promise((r) => setTimeout(r, 50)); // the server sees the close
}

describe('the 60-second participant rule', () => {
  it('lets an attendee back within 60 s and refuses it after more than 60 s away', async () => {
    const meeting = media.createMeeting();
    const url = meeting.MediaPlacement.SignalingUrl;
    const a = media.createAttendee(meeting.MeetingId, 'customer');
    const agent = media.createAttendee(meeting.MeetingId, 'agent');

    const first = await joinWith(url, a.JoinToken, 1);
    expect(first.answer.frame?.type).toBe(FrameType.JOIN_ACK);
    const agentSocket = await joinWith(url, agent.JoinToken, 7);
    await leave(first.ws);

    now += 59_000; // a reload: back in time
    const second = await joinWith(url, a.JoinToken, 2);
    expect(second.answer.frame?.type).toBe(FrameType.JOIN_ACK);
    // Connected for a long time: time alone changes nothing.
    now += 10 * 60_000;
    expect(media.isAttendeeActive(meeting.MeetingId, a.AttendeeId)).toBe(true);
    await leave(second.ws);

    now += 60_000; // exactly 60 s away: still allowed to come back
    expect(media.isAttendeeActive(meeting.MeetingId, a.AttendeeId)).toBe(true);
    now += 1;
    expect(media.isAttendeeActive(meeting.MeetingId, a.AttendeeId)).toBe(false);
    const late = await joinWith(url, a.JoinToken, 3);
    expect(late.answer).toEqual({ code: 4403 });
    // Refused for good, even if the clock went back.
    now -= 120_000;
    expect((await joinWith(url, a.JoinToken, 4)).answer).toEqual({ code: 4403 });
    // The agent, connected all along, is not affected.
    expect(media.isAttendeeActive(meeting.MeetingId, agent.AttendeeId)).toBe(true);
    agentSocket.ws.close();
  });

  it('does not count an attendee that never connected as away', async () => {
    const meeting = media.createMeeting();
    const a = media.createAttendee(meeting.MeetingId, 'late-joiner');
    now += 10 * 60_000;
    expect(media.isAttendeeActive(meeting.MeetingId, a.AttendeeId)).toBe(true);
    const { ws, answer } = await joinWith(meeting.MediaPlacement.SignalingUrl, a.JoinToken, 1);
    expect(answer.frame?.type).toBe(FrameType.JOIN_ACK);
    ws.close();
  });
});
