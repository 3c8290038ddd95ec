/**
 * One browser connection's WebRTC side: a werift peer connection that answers every SUBSCRIBE
 * offer. It reports upstream audio and camera packets, sends the downstream audio stream and the
 * forwarded videos (one sendonly m-section per subscription, keyed by mid).
 */
import { readAudioCounters } from './audio-stats';
import type { AudioCounters } from './call-quality';
import {
  RtpHeader,
  RtpPacket,
  RTCPeerConnection,
  RTP_EXTENSION_URI,
  type MediaStreamTrack,
  type RTCRtpTransceiver,
} from 'werift';
import { fixAnswer } from './sdp-answer-fixes';
import { parseSdp } from './sdp-sections';
import { peerConfig } from './peer-config';
import { startRembLoop } from './bandwidth-feedback';
import { bindTransceivers } from './transceiver-binding';
import { iceGathered } from './ice-gathering';
import type { RtpPosition } from './rtp-sequencer';
import type { MemberGuard } from './media-faults';

/** For a session without a room (tests): a throw propagates as it would without a boundary. */
const unguarded: MemberGuard = (_source, work) => work();

/** What the server decided for one negotiation. */
export interface Negotiation {
  answer: string;
  /** Video sections the server sends on: mid, the stream it carries, and the sender's SSRC. */
  sends: Array<{ mid: string; streamId: number; ssrc: number }>;
  audioActive: boolean;
  cameraActive: boolean;
}

/**
 * What a peer session reports: upstream audio and camera packets, keyframe requests for a forwarded
 * video.
 */
export interface PeerHandlers {
  onAudio(packet: RtpPacket, level: number | undefined): void;
  onCamera(packet: RtpPacket): void;
  /** A subscriber's browser asked for a keyframe on the video it receives at `mid`. */
  onKeyframeRequest(mid: string): void;
}

/** One browser connection's werift peer connection, answering each SUBSCRIBE offer. */
export class PeerSession {
  private readonly pc: RTCPeerConnection;
  private readonly hooked = new WeakSet<MediaStreamTrack>();
  private readonly pliHooked = new WeakSet<RTCRtpTransceiver>();
  /** The transceiver of each live section of the last offer (see transceiver-binding.ts). */
  private bound = new Map<string, RTCRtpTransceiver>();
  private camera: RTCRtpTransceiver | undefined;
  private audio: RTCRtpTransceiver | undefined;
  private cameraSsrc: number | undefined;
  private stopRemb: (() => void) | undefined;

  constructor(
    iceAddress: string | undefined,
    private readonly handlers: PeerHandlers,
    /**
     * werift calls our packet callbacks from its socket handlers: a throw there would be uncaught.
     */
    private readonly guard: MemberGuard = unguarded,
  ) {
    this.pc = new RTCPeerConnection(peerConfig(iceAddress));
  }

  /**
   * Answers an offer; `streamFor(index)` is the stream wanted on the index-th video section (0 =
   * none).
   */
  async negotiate(offer: string, streamFor: (videoIndex: number) => number): Promise<Negotiation> {
    const sections = parseSdp(offer).sections;
    // werift only registers a receiver if the transceiver can receive *while* the offer is applied,
    // so a camera section that was idle (inactive) must be made receivable before, not after.
    for (const section of sections) {
      const t = section.mid === undefined ? undefined : this.bound.get(section.mid);
      if (t && (section.direction === 'sendrecv' || section.direction === 'sendonly'))
        t.setDirection(section.kind === 'audio' ? 'sendrecv' : 'recvonly');
    }
    await this.pc.setRemoteDescription({ type: 'offer', sdp: offer });
    this.bound = bindTransceivers(this.pc.getTransceivers(), sections);
    this.camera = undefined;
    const sends: Negotiation['sends'] = [];
    let audioActive = false;
    let cameraActive = false;
    let videoIndex = 0;
    for (const section of sections) {
      const index = section.kind === 'video' ? videoIndex++ : -1;
      const t = section.mid === undefined ? undefined : this.bound.get(section.mid);
      if (!t) continue;
      if (section.kind === 'audio') {
        t.setDirection('sendrecv');
        this.audio = t;
        audioActive = section.direction !== 'inactive';
        this.hookUpstream(t, 'audio');
      } else if (section.direction === 'sendrecv' || section.direction === 'sendonly') {
        t.setDirection('recvonly');
        cameraActive = true;
        this.camera = t;
        this.hookUpstream(t, 'video');
      } else {
        const streamId = section.direction === 'recvonly' ? streamFor(index) : 0;
        t.setDirection(streamId > 0 ? 'sendonly' : 'inactive');
        if (streamId > 0) sends.push({ mid: t.mid!, streamId, ssrc: t.sender.ssrc });
        this.hookKeyframeRequests(t);
      }
    }
    const answer = await this.pc.createAnswer();
    // DTLS server role: the browser starts the handshake once it has our answer. As DTLS client,
    // werift's ClientHello went out before the browser was ready and was never answered.
    await this.pc.setLocalDescription({
      type: 'answer',
      sdp: answer.sdp.replaceAll('a=setup:active', 'a=setup:passive'),
    });
    await iceGathered(this.pc);
    return {
      answer: fixAnswer(offer, this.pc.localDescription!.sdp),
      sends,
      audioActive,
      cameraActive,
    };
  }

  /** Sends one downstream Opus frame. */
  sendAudio(payload: Buffer, position: RtpPosition): void {
    const t = this.audio;
    if (!t) return;
    const header = new RtpHeader({
      sequenceNumber: position.sequenceNumber,
      timestamp: position.timestamp,
      payloadType: 111,
      marker: false,
    });
    void t.sender.sendRtp(new RtpPacket(header, payload).serialize()).catch(() => undefined);
  }

  /**
   * Sends one forwarded video packet on the section `mid`, with the upstream extensions stripped.
   */
  sendVideo(mid: string, packet: RtpPacket, position: RtpPosition): void {
    const t = this.bound.get(mid);
    if (!t || t.direction !== 'sendonly') return;
    packet.header.sequenceNumber = position.sequenceNumber;
    packet.header.timestamp = position.timestamp;
    packet.header.extensions = [];
    packet.header.extension = false;
    // A serialised copy: sendRtp mutates the header it is given, and the packet is shared by
    // subscribers.
    void t.sender.sendRtp(packet.serialize()).catch(() => undefined);
  }

  /** Asks the browser for a keyframe of the camera it sends. */
  requestKeyframe(): void {
    if (this.camera && this.cameraSsrc !== undefined)
      void this.camera.receiver.sendRtcpPLI(this.cameraSsrc).catch(() => undefined);
  }

  /** The attendee's audio counters; undefined before its audio section exists. */
  audioCounters(): Promise<AudioCounters | undefined> {
    return this.audio ? readAudioCounters(this.audio) : Promise.resolve(undefined);
  }

  async close(): Promise<void> {
    this.stopRemb?.();
    await this.pc.close().catch(() => undefined);
  }

  private hookUpstream(t: RTCRtpTransceiver, kind: 'audio' | 'video'): void {
    for (const track of t.receiver.tracks) {
      if (this.hooked.has(track)) continue;
      this.hooked.add(track);
      track.onReceiveRtp.subscribe((packet, extensions) => {
        if (kind === 'video') {
          this.guard('rtp-video', () => {
            this.cameraSsrc = packet.header.ssrc;
            this.stopRemb ??= startRembLoop(t.receiver, () => this.cameraSsrc, this.guard);
            this.handlers.onCamera(packet);
          });
          return;
        }
        this.guard('rtp-audio', () => {
          const level = extensions?.[RTP_EXTENSION_URI.audioLevelIndication] as
            { level: number } | undefined;
          this.handlers.onAudio(packet, level?.level);
        });
      });
    }
  }

  private hookKeyframeRequests(t: RTCRtpTransceiver): void {
    if (this.pliHooked.has(t)) return;
    this.pliHooked.add(t);
    t.sender.onPictureLossIndication.subscribe(() =>
      this.guard('keyframe', () => this.handlers.onKeyframeRequest(t.mid!)),
    );
  }
}
