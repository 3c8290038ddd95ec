/**
 * The server side of one Chime SDK signaling WebSocket (one attendee, or one `#content` session):
 * JOIN → JOIN_ACK + INDEX, SUBSCRIBE → SDP answer + SUBSCRIBE_ACK (+ presence the first time),
 * PING/PONG, LEAVE/LEAVE_ACK, mute, data messages, pause/resume. Media goes through PeerSession.
 */
import type { WebSocket } from 'ws';
import type { FastifyBaseLogger } from 'fastify';
import { CloseCode, decodeFrame, encodeFrame, FrameType, proto, type SignalFrame, type SignalFrameInit } from './signaling-frames';
import { PeerSession } from './peer-session';
import type { MeetingRoom } from './meeting-room';
import { ConnectionMedia } from './connection-media';
import { announceJoin, announceMute, fanOutData, indexFrame } from './meeting-broadcasts';
import { attach, detach } from './connection-lifecycle';
import { summarizeSdp } from './sdp-sections';

const TOPIC = /^[a-zA-Z0-9_-]{1,36}$/;

export class SignalingConnection {
  joined = false;
  announced = false;
  muted = false;
  audioStreamId = 0;
  audioSessionId = 0;
  closed = false;
  readonly media: ConnectionMedia;
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly ws: WebSocket,
    readonly room: MeetingRoom,
    readonly attendeeId: string,
    readonly externalUserId: string,
    iceAddress: string | undefined,
    private readonly logger: FastifyBaseLogger,
  ) {
    this.media = new ConnectionMedia(this, (handlers) => new PeerSession(iceAddress, handlers));
    ws.on('message', (data: Buffer) => {
      // Frames are handled strictly in order: a SUBSCRIBE must finish before the next frame.
      this.queue = this.queue.then(() => this.handle(data)).catch((err: Error) => this.logger.warn({ err: err.message, meeting: room.id }, 'signaling frame failed'));
    });
    ws.on('close', () => void detach(this, true));
    ws.on('error', () => undefined);
  }

  send(frame: SignalFrameInit): void {
    if (this.ws.readyState === this.ws.OPEN) this.ws.send(encodeFrame(frame));
  }

  /** Closes the socket with a code the SDK interprets (e.g. 4410 MeetingEnded). */
  close(code: number, reason: string): void {
    this.ws.close(code, reason);
  }

  terminate(): void {
    this.ws.terminate();
  }

  private async handle(data: Buffer): Promise<void> {
    if (this.closed) return;
    let frame: SignalFrame;
    try {
      frame = decodeFrame(data);
    } catch {
      return; // the SDK drops undecodable frames too
    }
    switch (frame.type) {
      case FrameType.JOIN:
        return this.onJoin(frame);
      case FrameType.SUBSCRIBE:
        return this.onSubscribe(frame);
      case FrameType.PING_PONG:
        if (frame.pingPong?.type === proto.SdkPingPongType.PING) {
          this.send({ type: FrameType.PING_PONG, pingPong: { type: proto.SdkPingPongType.PONG, pingId: frame.pingPong.pingId } });
        }
        return;
      case FrameType.LEAVE:
        this.send({ type: FrameType.LEAVE_ACK, leaveAck: {} });
        return detach(this, false);
      case FrameType.AUDIO_CONTROL:
        this.muted = !!frame.audioControl?.muted;
        if (this.announced) announceMute(this.room, this);
        return;
      case FrameType.DATA_MESSAGE:
        return this.onData(frame);
      case FrameType.PAUSE:
      case FrameType.RESUME:
        return this.media.setPaused(frame.pause?.streamIds ?? [], frame.type === FrameType.PAUSE);
      default:
        return; // CLIENT_METRIC, MEETING_SESSION_TIMING, …: nothing to do locally
    }
  }

  private onJoin(frame: SignalFrame): void {
    if (this.room.ended) return this.close(CloseCode.meetingEnded, 'meeting ended');
    this.audioSessionId = frame.join?.audioSessionId ? Number(frame.join.audioSessionId) : 0;
    attach(this);
    this.send({ type: FrameType.JOIN_ACK, joinack: { wantsCompressedSdp: false, videoSubscriptionLimit: 25 } });
    this.send(indexFrame(this.room));
    const retained = this.room.liveRetained(Date.now());
    if (retained.length > 0) {
      this.send({ type: FrameType.DATA_MESSAGE, dataMessage: { messages: retained.map(({ expiresAtMs: _, ...m }) => m) } });
    }
  }

  private async onSubscribe(frame: SignalFrame): Promise<void> {
    const sub = frame.sub;
    if (!this.joined || !sub?.sdpOffer) return;
    const receiveStreamIds = sub.receiveStreamIds ?? [];
    const who = { meeting: this.room.id, attendeeId: this.attendeeId };
    // Sections, mids, directions and SSRCs only: the SDP's ICE credentials and fingerprints stay out of logs.
    this.logger.debug({ ...who, duplex: sub.duplex, receiveStreamIds, sections: summarizeSdp(sub.sdpOffer) }, 'SUBSCRIBE offer');
    const ack = await this.media.negotiate(sub.sdpOffer, receiveStreamIds);
    if (this.closed) return;
    this.logger.debug({ ...who, sections: summarizeSdp(ack.suback.sdpAnswer ?? ''), tracks: ack.suback.tracks, allocations: ack.suback.allocations }, 'SUBSCRIBE answer');
    this.send({ type: FrameType.SUBSCRIBE_ACK, suback: { duplex: sub.duplex, ...ack.suback } });
    if (!this.announced) {
      this.announced = true;
      announceJoin(this.room, this);
    }
    ack.afterAck();
  }

  private onData(frame: SignalFrame): void {
    const messages = (frame.dataMessage?.messages ?? [])
      .filter((m) => TOPIC.test(m.topic ?? '') && (m.data?.length ?? 0) <= 2048 && Number(m.lifetimeMs ?? 0) >= 0)
      .map((m) => ({
        topic: m.topic!, data: m.data ?? new Uint8Array(), lifetimeMs: Number(m.lifetimeMs ?? 0),
        senderAttendeeId: this.attendeeId, senderExternalUserId: this.externalUserId,
      }));
    if (messages.length > 0) fanOutData(this.room, messages, (c) => c === this);
  }
}
