import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Server } from 'node:http';
import { once } from 'node:events';
import pino from 'pino';
import { WebSocket } from 'ws';
import { createMediaServer } from './create-media-server';
import type { MediaService } from './media-service';
import { listenOnLoopback, routeUpgrades } from './testing/loopback-http';
import { decodeFrame, encodeFrame, FrameType, proto, type SignalFrame } from './signaling-frames';

let http: Server;
let media: MediaService;
let base: string;

beforeEach(async () => {
  ({ http, base } = await listenOnLoopback());
  media = createMediaServer({ publicUrl: base, logger: pino({ level: 'silent' }) });
  routeUpgrades(http, media);
});
afterEach(async () => {
  await media.close();
  http.close();
});

/** Opens a signaling socket like the SDK does and collects decoded frames. */
async function open(signalingUrl: string, token: string) {
  const ws = new WebSocket(`${signalingUrl}?X-Chime-Control-Protocol-Version=3`, [
    '_aws_wt_session',
    token,
  ]);
  const frames: SignalFrame[] = [];
  ws.on('message', (data: Buffer) => frames.push(decodeFrame(data)));
  const closed = new Promise<number>((resolve) => ws.on('close', (code) => resolve(code)));
  await once(ws, 'open');
  return { ws, frames, closed };
}
const join = { type: FrameType.JOIN, join: { protocolVersion: 2, audioSessionId: 1 } };

describe('createMediaServer', () => {
  it('hands out meetings whose SignalingUrl is this host, and attendees with unguessable tokens', () => {
    const meeting = media.createMeeting();
    expect(meeting.MediaPlacement.SignalingUrl).toBe(
      `${base.replace('http', 'ws')}/control/${meeting.MeetingId}`,
    );
    expect(meeting.MediaPlacement.AudioHostUrl).not.toBe('');
    expect(meeting.MediaPlacement.EventIngestionUrl).toBeUndefined();
    const a = media.createAttendee(meeting.MeetingId, 'alice');
    expect(a.JoinToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(() => media.createAttendee('nope', 'x')).toThrow(/does not exist/);
  });

  it('echoes the sub-protocol and answers JOIN with JOIN_ACK (no compression, TURN credentials without URIs) then INDEX, and PING with PONG', async () => {
    const meeting = media.createMeeting();
    const a = media.createAttendee(meeting.MeetingId, 'alice');
    const { ws, frames } = await open(meeting.MediaPlacement.SignalingUrl, a.JoinToken);
    expect(ws.protocol).toBe('_aws_wt_session');
    ws.send(encodeFrame(join));
    ws.send(
      encodeFrame({
        type: FrameType.PING_PONG,
        pingPong: { type: proto.SdkPingPongType.PING, pingId: 9 },
      }),
    );
    await expect.poll(() => frames.length).toBe(3);
    expect(frames.map((f) => f.type)).toEqual([
      FrameType.JOIN_ACK,
      FrameType.INDEX,
      FrameType.PING_PONG,
    ]);
    expect(frames[0]!.joinack!.wantsCompressedSdp).toBe(false);
    // Chime always sends TURN credentials; with no TURN service configured they carry no URI.
    expect(frames[0]!.joinack!.turnCredentials).toMatchObject({ uris: [], ttl: 86_400 });
    expect(frames[0]!.joinack!.turnCredentials!.username).not.toBe('');
    expect(frames[2]!.pingPong).toMatchObject({ type: proto.SdkPingPongType.PONG, pingId: 9 });
    ws.close();
  });

  it("points JOIN_ACK at a configured TURN service on the media server's address", async () => {
    const withTurn = createMediaServer({
      publicUrl: base,
      turn: { port: 3478, secret: 'a-shared-turn-secret' },
      logger: pino({ level: 'silent' }),
    });
    routeUpgrades(http, withTurn);
    const meeting = withTurn.createMeeting();
    const a = withTurn.createAttendee(meeting.MeetingId, 'alice');
    const { ws, frames } = await open(meeting.MediaPlacement.SignalingUrl, a.JoinToken);
    ws.send(encodeFrame(join));
    await expect.poll(() => frames.length).toBe(2);
    const turn = frames[0]!.joinack!.turnCredentials!;
    expect(turn.uris).toEqual([
      'turn:127.0.0.1:3478?transport=udp',
      'turn:127.0.0.1:3478?transport=tcp',
    ]);
    expect(turn.username).toMatch(new RegExp(`^\\d+:${a.AttendeeId}$`));
    ws.close();
    await withTurn.close();
  });

  it('refuses a wrong token and a token of another meeting with 4403, and an ended meeting with 4410', async () => {
    const meeting = media.createMeeting();
    const other = media.createMeeting();
    const a = media.createAttendee(meeting.MeetingId, 'alice');
    const stranger = media.createAttendee(other.MeetingId, 'mallory');
    for (const token of [`${a.JoinToken}x`, stranger.JoinToken]) {
      const { ws, closed, frames } = await open(meeting.MediaPlacement.SignalingUrl, token);
      ws.send(encodeFrame(join));
      expect(await closed).toBe(4403);
      expect(frames).toEqual([]);
    }
    media.endMeeting(meeting.MeetingId);
    media.endMeeting(meeting.MeetingId); // idempotent
    expect(media.isMeetingActive(meeting.MeetingId)).toBe(false);
    const { ws, closed } = await open(meeting.MediaPlacement.SignalingUrl, a.JoinToken);
    ws.send(encodeFrame(join));
    expect(await closed).toBe(4410);
  });

  it('sends AUDIO_STATUS 410 to connected clients when the meeting ends', async () => {
    const meeting = media.createMeeting();
    const a = media.createAttendee(meeting.MeetingId, 'alice');
    const { ws, frames } = await open(meeting.MediaPlacement.SignalingUrl, a.JoinToken);
    ws.send(encodeFrame(join));
    await expect.poll(() => frames.length).toBe(2);
    media.endMeeting(meeting.MeetingId);
    await expect.poll(() => frames.at(-1)?.audioStatus?.audioStatus).toBe(410);
    ws.send(encodeFrame({ type: FrameType.LEAVE, leave: {} }));
    await expect.poll(() => frames.at(-1)?.type).toBe(FrameType.LEAVE_ACK);
    ws.close();
  });

  it('ignores other paths so later upgrade handlers get them', () => {
    const req = { url: '/local/desk' } as Parameters<MediaService['handleUpgrade']>[0];
    expect(media.handleUpgrade(req, undefined as never, Buffer.alloc(0))).toBe(false);
  });
});
