/**
 * The server side of one Chime SDK signaling WebSocket (one attendee, or one `#content` session):
 * JOIN → JOIN_ACK + INDEX, SUBSCRIBE → SDP answer + SUBSCRIBE_ACK (+ presence the first time),
 * PING/PONG, LEAVE/LEAVE_ACK, mute, data messages, pause/resume. It is a member of its meeting
 * room, which owns membership and fan-out; media goes through ConnectionMedia and PeerSession.
 */
import {
  AudioLinkWatch,
  clientDeviceOf,
  type AttendeeReport,
  type ClientDevice,
} from './attendee-report';
import type { WebSocket } from 'ws';
import type { FastifyBaseLogger } from 'fastify';
import {
  CloseCode,
  decodeFrame,
  encodeFrame,
  FrameType,
  proto,
  type SignalFrame,
  type SignalFrameInit,
} from './signaling-frames';
import { PeerSession } from './peer-session';
import type { MeetingRoom } from './meeting-room';
import type { RoomMember } from './room-member';
import { ConnectionMedia } from './connection-media';
import { summarizeSdp } from './sdp-sections';
import { turnCredentials, type TurnService } from './turn-credentials';

const TOPIC = /^[a-zA-Z0-9_-]{1,36}$/;

/** Settings every connection of a media server shares. */
export interface ConnectionSettings {
  /** Extra host address announced in ICE candidates. */
  iceAddress: string | undefined;
  /** The TURN service JOIN_ACK points at, if any. */
  turn: TurnService | undefined;
  logger: FastifyBaseLogger;
}

/** The server side of one Chime SDK signaling WebSocket, a member of its meeting room. */
export class SignalingConnection implements RoomMember {
  private joined = false;
  private closed = false;
  private readonly media: ConnectionMedia;
  private queue: Promise<void> = Promise.resolve();
  private device: ClientDevice | undefined;
  private readonly audioLink: AudioLinkWatch;

  constructor(
    private readonly ws: WebSocket,
    private readonly room: MeetingRoom,
    readonly attendeeId: string,
    readonly externalUserId: string,
    private readonly settings: ConnectionSettings,
  ) {
    this.media = new ConnectionMedia(
      this,
      room.media,
      (handlers) =>
        new PeerSession(settings.iceAddress, handlers, (source, work) =>
          room.guardMember(this, source, work),
        ),
    );
    this.audioLink = new AudioLinkWatch(
      () => this.media.audioCounters(),
      (err) =>
        settings.logger.warn(
          { err: (err as Error).message, meeting: room.id },
          'audio statistics could not be read',
        ),
    );
    ws.on('message', (data: Buffer) => {
      // Frames are handled strictly in order: a SUBSCRIBE must finish before the next frame.
      // A frame that fails (a malformed offer, mostly) is the client's problem: logged, not a
      // fault.
      this.queue = this.queue
        .then(() => this.handle(data))
        .catch((err: Error) =>
          settings.logger.warn({ err: err.message, meeting: room.id }, 'signaling frame failed'),
        );
    });
    // leave() is async: its rejection would be an unhandled one, so it goes to the boundary.
    ws.on('close', () =>
      this.leave(true).catch((err: unknown) => this.room.memberFault(this, 'signaling-event', err)),
    );
    ws.on('error', () => undefined);
  }

  send(frame: SignalFrameInit): void {
    if (this.ws.readyState === this.ws.OPEN) this.ws.send(encodeFrame(frame));
  }

  terminate(): void {
    this.ws.terminate();
  }

  replaced(reconnect: boolean): void {
    this.leave(reconnect).catch((err: unknown) =>
      this.room.memberFault(this, 'signaling-event', err),
    );
    if (reconnect) this.terminate();
  }

  /** Leaves the room (idempotent); `dropped` = connection lost rather than a LEAVE. */
  private async leave(dropped: boolean): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.room.remove(this, dropped);
    await this.media.close();
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
          this.send({
            type: FrameType.PING_PONG,
            pingPong: { type: proto.SdkPingPongType.PONG, pingId: frame.pingPong.pingId },
          });
        }
        return;
      case FrameType.LEAVE:
        this.send({ type: FrameType.LEAVE_ACK, leaveAck: {} });
        return this.leave(false);
      case FrameType.AUDIO_CONTROL:
        return this.room.setMuted(this, !!frame.audioControl?.muted);
      case FrameType.DATA_MESSAGE:
        return this.onData(frame);
      case FrameType.PAUSE:
      case FrameType.RESUME:
        return this.media.setPaused(frame.pause?.streamIds ?? [], frame.type === FrameType.PAUSE);
      default:
        return; // CLIENT_METRIC, MEETING_SESSION_TIMING, …: nothing to do locally
    }
  }

  report(): AttendeeReport {
    const audio = this.joined && !this.closed ? this.audioLink.current() : undefined;
    return { ...(this.device ? { device: this.device } : {}), ...(audio ? { audio } : {}) };
  }

  private onJoin(frame: SignalFrame): void {
    if (this.room.ended) return this.ws.close(CloseCode.meetingEnded, 'meeting ended');
    if (this.joined) return;
    this.joined = true;
    this.device = clientDeviceOf(frame.join?.clientDetails as Record<string, unknown> | undefined);
    const turn = turnCredentials(this.settings.turn, this.attendeeId);
    this.send({
      type: FrameType.JOIN_ACK,
      joinack: { turnCredentials: turn, wantsCompressedSdp: false, videoSubscriptionLimit: 25 },
    });
    this.room.admit(this, frame.join?.audioSessionId ? Number(frame.join.audioSessionId) : 0);
  }

  private async onSubscribe(frame: SignalFrame): Promise<void> {
    const sub = frame.sub;
    if (!this.joined || !sub?.sdpOffer) return;
    const receiveStreamIds = sub.receiveStreamIds ?? [];
    const who = { meeting: this.room.id, attendeeId: this.attendeeId };
    // Sections, mids, directions and SSRCs only: the SDP's ICE credentials and fingerprints stay
    // out of logs.
    this.settings.logger.debug(
      { ...who, duplex: sub.duplex, receiveStreamIds, sections: summarizeSdp(sub.sdpOffer) },
      'SUBSCRIBE offer',
    );
    const ack = await this.media.negotiate(sub.sdpOffer, receiveStreamIds);
    if (this.closed) return;
    const { sdpAnswer, tracks, allocations } = ack.suback;
    this.settings.logger.debug(
      { ...who, sections: summarizeSdp(sdpAnswer ?? ''), tracks, allocations },
      'SUBSCRIBE answer',
    );
    this.send({ type: FrameType.SUBSCRIBE_ACK, suback: { duplex: sub.duplex, ...ack.suback } });
    this.room.announce(this); // presence, the first time only
    ack.afterAck();
  }

  private onData(frame: SignalFrame): void {
    const messages = (frame.dataMessage?.messages ?? [])
      .filter(
        (m) =>
          TOPIC.test(m.topic ?? '') &&
          (m.data?.length ?? 0) <= 2048 &&
          Number(m.lifetimeMs ?? 0) >= 0,
      )
      .map((m) => ({
        topic: m.topic!,
        data: m.data ?? new Uint8Array(),
        lifetimeMs: Number(m.lifetimeMs ?? 0),
        senderAttendeeId: this.attendeeId,
        senderExternalUserId: this.externalUserId,
      }));
    if (messages.length > 0) this.room.sendData(messages, this.attendeeId);
  }
}
