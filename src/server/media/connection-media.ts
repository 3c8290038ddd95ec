/**
 * The media half of a signaling connection: its peer session, the video it publishes, the videos it
 * subscribes to (mid → stream, each with its own sequence/timestamp rewriting), its membership in
 * the meeting's audio engine, and keyframe requests in both directions.
 */
import type { RtpPacket } from 'werift';
import type { PeerHandlers, PeerSession } from './peer-session';
import { RtpSequencer } from './rtp-sequencer';
import { videoTrackLabel } from './sdp-answer-fixes';
import { broadcastIndex } from './meeting-broadcasts';
import type { VideoSource } from './meeting-room';
import type { SignalingConnection } from './signaling-connection';
import type { SubscribeAck } from './signaling-frames';

interface Subscription {
  streamId: number;
  sequencer: RtpSequencer;
}

/** Retries cover a new subscriber whose DTLS is not up yet when the first request goes out. */
const KEYFRAME_RETRIES_MS = [0, 400, 1200];
const KEYFRAME_MIN_INTERVAL_MS = 200;

export class ConnectionMedia {
  private peer: PeerSession | undefined;
  private subscriptions = new Map<string, Subscription>();
  private readonly paused = new Set<number>();
  private published: VideoSource | undefined;
  private inAudio = false;
  private lastKeyframeRequest = 0;

  constructor(
    private readonly conn: SignalingConnection,
    private readonly makePeer: (handlers: PeerHandlers) => PeerSession,
  ) {}

  /** Answers one SUBSCRIBE and updates publishing, subscriptions and audio; `afterAck` runs once the ACK is sent. */
  async negotiate(offer: string, receiveStreamIds: number[]): Promise<{ suback: SubscribeAck; afterAck: () => void }> {
    const room = this.conn.room;
    this.peer ??= this.makePeer(this.handlers());
    const result = await this.peer.negotiate(offer, (i) => {
      const id = receiveStreamIds[i] ?? 0;
      return room.sources.has(id) ? id : 0;
    });
    let indexChanged = false;
    if (result.cameraActive && !this.published) {
      this.published = room.publish(this.conn);
      indexChanged = true;
    } else if (!result.cameraActive && this.published) {
      room.unpublish(this.published.streamId);
      this.published = undefined;
      indexChanged = true;
    }
    const added: number[] = [];
    const next = new Map<string, Subscription>();
    for (const s of result.sends) {
      const prev = this.subscriptions.get(s.mid);
      if (prev?.streamId === s.streamId) next.set(s.mid, prev);
      else {
        next.set(s.mid, { streamId: s.streamId, sequencer: new RtpSequencer(90_000, 1) });
        added.push(s.streamId);
      }
    }
    this.subscriptions = next;
    this.updateAudio(result.audioActive);
    const suback: SubscribeAck = {
      sdpAnswer: result.answer,
      tracks: result.sends.map((s) => ({ trackLabel: videoTrackLabel(s.mid), streamId: s.streamId, ssrc: s.ssrc })),
      allocations: this.published ? [{ trackLabel: 'AmazonChimeExpressVideo', streamId: this.published.streamId, groupId: this.published.groupId }] : [],
    };
    const afterAck = () => {
      if (indexChanged) broadcastIndex(room);
      for (const streamId of added) {
        for (const delay of KEYFRAME_RETRIES_MS) setTimeout(() => room.sources.get(streamId)?.connection.media.requestKeyframe(true), delay).unref();
      }
    };
    return { suback, afterAck };
  }

  /** Forwards one packet of this connection's camera to every subscriber of it. */
  private forward(packet: RtpPacket): void {
    const source = this.published;
    if (!source) return;
    const input = { sequenceNumber: packet.header.sequenceNumber, timestamp: packet.header.timestamp };
    const ssrc = packet.header.ssrc;
    const now = performance.now();
    for (const c of this.conn.room.connections) c.media.deliver(source.streamId, ssrc, input, packet, now);
  }

  private deliver(streamId: number, ssrc: number, input: { sequenceNumber: number; timestamp: number }, packet: RtpPacket, now: number): void {
    if (!this.peer || this.paused.has(streamId)) return;
    for (const [mid, sub] of this.subscriptions) {
      if (sub.streamId === streamId) this.peer.sendVideo(mid, packet, sub.sequencer.rewrite(ssrc, input, now));
    }
  }

  /** Asks this connection's browser for a keyframe of its camera (rate-limited unless forced). */
  requestKeyframe(force = false): void {
    const now = performance.now();
    if (!force && now - this.lastKeyframeRequest < KEYFRAME_MIN_INTERVAL_MS) return;
    this.lastKeyframeRequest = now;
    this.peer?.requestKeyframe();
  }

  setPaused(streamIds: number[], paused: boolean): void {
    for (const id of streamIds) {
      if (paused) this.paused.add(id);
      else {
        this.paused.delete(id);
        this.conn.room.sources.get(id)?.connection.media.requestKeyframe(true);
      }
    }
  }

  /** Stops publishing and receiving; returns true if the meeting's video index changed. */
  async close(): Promise<boolean> {
    const hadVideo = !!this.published && this.conn.room.unpublish(this.published.streamId);
    this.published = undefined;
    this.updateAudio(false);
    this.subscriptions.clear();
    await this.peer?.close();
    return hadVideo;
  }

  private updateAudio(active: boolean): void {
    const audio = this.conn.room.audio;
    if (active && !this.inAudio && this.peer) {
      const peer = this.peer;
      audio.add({ id: this.conn.audioStreamId, send: (payload, position) => peer.sendAudio(payload, position) });
    } else if (!active && this.inAudio) audio.remove(this.conn.audioStreamId);
    this.inAudio = active && !!this.peer;
  }

  private handlers(): PeerHandlers {
    return {
      onAudio: (packet, level) => this.conn.room.audio.upstream(this.conn.audioStreamId, packet.header.ssrc, packet.header, packet.payload, level),
      onCamera: (packet) => this.forward(packet),
      onKeyframeRequest: (mid) => {
        const sub = this.subscriptions.get(mid);
        if (sub) this.conn.room.sources.get(sub.streamId)?.connection.media.requestKeyframe();
      },
    };
  }
}
