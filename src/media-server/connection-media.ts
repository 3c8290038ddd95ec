/**
 * The media half of one member: its peer session, the video it publishes, the videos it subscribes
 * to (mid → stream, each with its own sequence/timestamp rewriting), its place in the audio mix,
 * and keyframe requests in both directions. It talks to the room only through RoomMedia.
 */
import type { AudioCounters } from './call-quality';
import type { RtpPacket } from 'werift';
import type { PeerHandlers, PeerSession } from './peer-session';
import { RtpSequencer, type RtpPosition } from './rtp-sequencer';
import { videoTrackLabel } from './sdp-answer-fixes';
import type { MediaEndpoint, RoomMedia } from './room-media';
import type { RoomMember } from './room-member';
import type { VideoSource } from './video-sources';
import type { SubscribeAck } from './signaling-frames';

interface Subscription {
  streamId: number;
  /** The section's sequencer: it outlives the subscription (see `sequencers`). */
  sequencer: RtpSequencer;
}

/**
 * What the section's sequencer re-bases on: a new stream, or a new SSRC within one (a reconnected
 * publisher). Exact below 2^21 streams in a meeting, which stream ids never reach.
 */
function inputKey(streamId: number, ssrc: number): number {
  return streamId * 2 ** 32 + ssrc;
}

/** Retries cover a new subscriber whose DTLS is not up yet when the first request goes out. */
const KEYFRAME_RETRIES_MS = [0, 400, 1200];
const KEYFRAME_MIN_INTERVAL_MS = 200;

/** The media half of one member: published video, subscriptions, audio and keyframe requests. */
export class ConnectionMedia implements MediaEndpoint {
  private peer: PeerSession | undefined;
  private subscriptions = new Map<string, Subscription>();
  /**
   * One sequencer per outgoing section (mid), kept when the section switches to another stream: the
   * browser keeps receiving on the section's SSRC, so the new stream must continue its numbering.
   * A fresh numbering there can run backwards, and Chrome then drops every frame, keyframes too, as
   * older than the last one it decoded (seen when a customer's camera restarted on the section their
   * screen share had used).
   */
  private readonly sequencers = new Map<string, RtpSequencer>();
  private readonly paused = new Set<number>();
  private published: VideoSource | undefined;
  private inAudio = false;
  private lastKeyframeRequest = 0;

  constructor(
    readonly member: RoomMember,
    private readonly room: RoomMedia,
    private readonly makePeer: (handlers: PeerHandlers) => PeerSession,
  ) {}

  /**
   * Answers one SUBSCRIBE and updates publishing, subscriptions and audio; `afterAck` runs once the
   * ACK is sent.
   */
  async negotiate(
    offer: string,
    receiveStreamIds: number[],
  ): Promise<{ suback: SubscribeAck; afterAck: () => void }> {
    if (!this.peer) {
      this.peer = this.makePeer(this.handlers());
      this.room.attach(this);
    }
    const result = await this.peer.negotiate(offer, (i) => {
      const id = receiveStreamIds[i] ?? 0;
      return this.room.hasVideo(id) ? id : 0;
    });
    let indexChanged = false;
    if (result.cameraActive && !this.published) {
      this.published = this.room.publish(this);
      indexChanged = true;
    } else if (!result.cameraActive && this.published) {
      this.room.unpublish(this.published.streamId);
      this.published = undefined;
      indexChanged = true;
    }
    const added: number[] = [];
    const next = new Map<string, Subscription>();
    for (const s of result.sends) {
      const prev = this.subscriptions.get(s.mid);
      if (prev?.streamId === s.streamId) next.set(s.mid, prev);
      else {
        next.set(s.mid, { streamId: s.streamId, sequencer: this.sequencerOf(s.mid) });
        added.push(s.streamId);
      }
    }
    this.subscriptions = next;
    this.updateAudio(result.audioActive);
    const suback: SubscribeAck = {
      sdpAnswer: result.answer,
      tracks: result.sends.map((s) => ({
        trackLabel: videoTrackLabel(s.mid),
        streamId: s.streamId,
        ssrc: s.ssrc,
      })),
      allocations: this.published
        ? [
            {
              trackLabel: 'AmazonChimeExpressVideo',
              streamId: this.published.streamId,
              groupId: this.published.groupId,
            },
          ]
        : [],
    };
    const afterAck = () => {
      if (indexChanged) this.room.broadcastIndex();
      for (const streamId of added) {
        for (const delay of KEYFRAME_RETRIES_MS)
          setTimeout(() => this.room.requestKeyframe(streamId, true), delay).unref();
      }
    };
    return { suback, afterAck };
  }

  /**
   * One packet of a published video: forwarded on every section subscribed to it, unless paused.
   */
  deliver(
    streamId: number,
    ssrc: number,
    input: RtpPosition,
    packet: RtpPacket,
    now: number,
  ): void {
    if (!this.peer || this.paused.has(streamId)) return;
    for (const [mid, sub] of this.subscriptions) {
      if (sub.streamId === streamId)
        this.peer.sendVideo(
          mid,
          packet,
          sub.sequencer.rewrite(inputKey(streamId, ssrc), input, now),
        );
    }
  }

  /** Asks this member's browser for a keyframe of its camera (rate-limited unless forced). */
  requestKeyframe(force: boolean): void {
    const now = performance.now();
    if (!force && now - this.lastKeyframeRequest < KEYFRAME_MIN_INTERVAL_MS) return;
    this.lastKeyframeRequest = now;
    this.peer?.requestKeyframe();
  }

  /** PAUSE/RESUME of received streams; a resumed stream starts from a fresh keyframe. */
  setPaused(streamIds: number[], paused: boolean): void {
    for (const id of streamIds) {
      if (paused) this.paused.add(id);
      else {
        this.paused.delete(id);
        this.room.requestKeyframe(id, true);
      }
    }
  }

  /** The member's audio counters; undefined before it negotiated audio. */
  audioCounters(): Promise<AudioCounters | undefined> {
    return this.peer?.audioCounters() ?? Promise.resolve(undefined);
  }

  /**
   * Stops receiving and closes the peer (the room already dropped this member's videos and audio).
   */
  async close(): Promise<void> {
    this.room.detach(this);
    this.published = undefined;
    this.inAudio = false;
    this.subscriptions.clear();
    this.sequencers.clear();
    await this.peer?.close();
  }

  private sequencerOf(mid: string): RtpSequencer {
    let sequencer = this.sequencers.get(mid);
    if (!sequencer) {
      sequencer = new RtpSequencer(90_000, 1);
      this.sequencers.set(mid, sequencer);
    }
    return sequencer;
  }

  /** Forwards one packet of this member's camera to the room. */
  private forward(packet: RtpPacket): void {
    if (!this.published) return;
    const input = {
      sequenceNumber: packet.header.sequenceNumber,
      timestamp: packet.header.timestamp,
    };
    this.room.forwardVideo(
      this.published.streamId,
      packet.header.ssrc,
      input,
      packet,
      performance.now(),
    );
  }

  private updateAudio(active: boolean): void {
    if (active && !this.inAudio && this.peer) {
      const peer = this.peer;
      this.room.joinAudio(this.member, (payload, position) => peer.sendAudio(payload, position));
    } else if (!active && this.inAudio) this.room.leaveAudio(this.member);
    this.inAudio = active && !!this.peer;
  }

  private handlers(): PeerHandlers {
    return {
      onAudio: (packet, level) =>
        this.room.audioUpstream(
          this.member,
          packet.header.ssrc,
          packet.header,
          packet.payload,
          level,
        ),
      onCamera: (packet) => this.forward(packet),
      onKeyframeRequest: (mid) => {
        const sub = this.subscriptions.get(mid);
        if (sub) this.room.requestKeyframe(sub.streamId, false);
      },
    };
  }
}
