/**
 * One synthetic Chime attendee: a werift peer connection driven through the Chime signaling
 * protocol like amazon-chime-sdk-js drives a browser's. It sends Opus audio (50 packets/s) and a
 * 640×360,
 * 15 fps VP8 camera from the recorded fixtures, subscribes to the other attendee's camera as soon
 * as an INDEX lists it, and reports every packet it sends and receives to the delivery tracker.
 * Only loopback addresses are offered and paired, so no packet leaves the machine.
 */
import { RTCPeerConnection, RtpHeader, RtpPacket, type RTCRtpTransceiver } from 'werift';
import { iceGathered } from '../../ice-gathering';
import { installSrtpRolloverEstimate } from '../../srtp-rollover';
import type { MediaAttendee, MediaMeeting } from '../../media-service';
import { ChimeSignalingClient, type IndexedSource } from './chime-signaling-client';
import type { DeliveryTracker } from './delivery-tracker';
import { packetizeVp8 } from './vp8-packetizer';
import type { VideoFrame } from './media-fixtures';

const LOOPBACK = '127.0.0.1';

/** Keeps only loopback candidates in an SDP, so neither side ever tries another address. */
function loopbackOnly(sdp: string): string {
  return sdp
    .split('\r\n')
    .filter((l) => !l.startsWith('a=candidate:') || l.split(' ')[4] === LOOPBACK)
    .join('\r\n');
}

/**
 * A synthetic attendee in one meeting; the load bench and the fuzz kit run calls of two of them.
 */
export class SyntheticAttendee {
  private readonly pc = new RTCPeerConnection({
    iceServers: [],
    iceUseIpv6: false,
    iceAdditionalHostAddresses: [LOOPBACK],
    iceFilterCandidatePair: (pair) =>
      pair.remoteCandidate.host === LOOPBACK && pair.protocol.localCandidate?.host === LOOPBACK,
  });
  private readonly audio: RTCRtpTransceiver;
  private readonly camera: RTCRtpTransceiver;
  private remoteVideo: RTCRtpTransceiver | undefined;
  /** Set when the other attendee's camera was first seen in an INDEX (the subscription follows). */
  private subscribing = false;
  private signaling!: ChimeSignalingClient;
  // Random starts, as RFC 3550 asks and browsers do: a soak of any length crosses sequence wraps.
  private audioSeq = Math.floor(Math.random() * 0x10000);
  private videoSeq = Math.floor(Math.random() * 0x10000);
  private audioTs = Math.floor(Math.random() * 2 ** 31);
  private videoTs = Math.floor(Math.random() * 2 ** 31);
  private negotiating: Promise<void> = Promise.resolve();
  private readonly received = { audio: 0, video: 0 };
  /** Stream ids subscribed in a group call, in subscription order. */
  private readonly subscribed: number[] = [];
  private readonly videoTracks = new Set<object>();

  constructor(
    private readonly meeting: MediaMeeting,
    private readonly attendee: MediaAttendee,
    private readonly call: number,
    private readonly peerId: string,
    private readonly tracker: DeliveryTracker,
    /** Subscribe to every other attendee's camera (a group call), not only the first one's. */
    private readonly subscribeAll = false,
  ) {
    // As a browser's libsrtp does: a stream survives a loss burst across its sequence wrap.
    installSrtpRolloverEstimate();
    this.audio = this.pc.addTransceiver('audio', { direction: 'sendrecv' });
    this.camera = this.pc.addTransceiver('video', { direction: 'sendrecv' });
    // werift raises onTrack again for the same track on every renegotiation: count each track once.
    const seen = new WeakSet<object>();
    this.pc.onTrack.subscribe((track) => {
      if (seen.has(track)) return;
      seen.add(track);
      track.onReceiveRtp.subscribe((rtp) => {
        if (track.kind === 'audio' || track.kind === 'video') this.received[track.kind]++;
        if (track.kind === 'video') this.videoTracks.add(track);
        this.tracker.received(this.peerId, rtp.payload);
      });
    });
  }

  /** Joins and publishes audio and camera; resolves once the first SUBSCRIBE_ACK is applied. */
  async start(): Promise<void> {
    this.signaling = await ChimeSignalingClient.connect(
      this.meeting.MediaPlacement.SignalingUrl,
      this.attendee.JoinToken,
    );
    const sources = await this.signaling.join();
    // Every renegotiation runs after the previous one: an INDEX may arrive while the first is in
    // flight.
    this.negotiating = this.renegotiate([0]);
    this.signaling.onIndex((s) => this.onIndex(s));
    this.onIndex(sources);
    await this.negotiating;
  }

  /** True once both audio and the other attendee's camera are arriving. */
  get receiving(): boolean {
    return this.received.audio > 0 && this.received.video > 0;
  }

  /** Packets received so far from the other attendee (and the server), by kind. */
  receivedCounts(): { audio: number; video: number } {
    return { ...this.received };
  }

  /** For a level that never got ready: where this attendee is stuck. */
  describe(): string {
    return `${this.attendee.ExternalUserId}: connection ${this.pc.connectionState}, received ${this.received.audio} audio / ${this.received.video} video packets, ${this.remoteVideo ? 'subscribed' : 'not subscribed'}`;
  }

  sendAudio(payload: Buffer): void {
    const header = new RtpHeader({
      sequenceNumber: (this.audioSeq = (this.audioSeq + 1) & 0xffff),
      timestamp: (this.audioTs = (this.audioTs + 960) >>> 0),
      payloadType: 111,
    });
    this.tracker.sent(this.call, this.attendee.AttendeeId, payload);
    void this.audio.sender.sendRtp(new RtpPacket(header, payload)).catch(() => undefined);
  }

  sendVideo(frame: VideoFrame): void {
    this.videoTs = (this.videoTs + 6000) >>> 0;
    const payloads = packetizeVp8(frame.data);
    payloads.forEach((payload, i) => {
      const header = new RtpHeader({
        sequenceNumber: (this.videoSeq = (this.videoSeq + 1) & 0xffff),
        timestamp: this.videoTs,
        payloadType: 96,
        marker: i === payloads.length - 1,
      });
      this.tracker.sent(this.call, this.attendee.AttendeeId, payload);
      void this.camera.sender.sendRtp(new RtpPacket(header, payload)).catch(() => undefined);
    });
  }

  async stop(): Promise<void> {
    this.signaling?.leave();
    // werift's close can stay pending while its own sends are in flight; give it 2 s, not forever.
    await Promise.race([
      this.pc.close().catch(() => undefined),
      new Promise((r) => setTimeout(r, 2_000).unref()),
    ]);
  }

  /**
   * Turns off werift's client-side consent freshness (RFC 7675) for this loopback test client.
   * werift waits 500 ms for each consent answer, once, and drops a later one; after 30 s without an
   * answer in time it fails the connection and stops sending for good. A browser retransmits its
   * checks and takes a late answer. On a machine loaded past its cores (event-loop delays of 0.5 to
   * 1.6 s on both sides) every synthetic call failed together after a few minutes: the soak's
   * "100 % loss" was the test client giving up, not the server (which is ICE-lite and runs no
   * consent checks of its own). The server still answers every binding request it gets.
   */
  private keepConsent(): void {
    for (const transport of this.pc.iceTransports) {
      const connection = transport.connection as unknown as {
        queryConsent: () => void;
        consentFresh: boolean;
      };
      connection.queryConsent = () => {
        connection.consentFresh = true;
      };
    }
  }

  /** Remote cameras with at least one packet received (a group call counts each source). */
  get camerasReceived(): number {
    return this.videoTracks.size;
  }

  private onIndex(sources: IndexedSource[]): void {
    if (this.subscribeAll) return this.subscribeToAll(sources);
    const remote = sources.find((s) => s.attendeeId !== this.attendee.AttendeeId);
    if (!remote || this.subscribing) return;
    this.subscribing = true;
    // The transceiver is added only once the negotiation in flight is done, as the Chime SDK does:
    // werift added to mid-offer could leave ICE gathering unfinished, and that join stalled for
    // good. A failed renegotiation leaves the attendee without the remote camera: the level reports
    // it as not ready.
    this.negotiating = this.negotiating
      .then(() => {
        this.remoteVideo = this.pc.addTransceiver('video', { direction: 'recvonly' });
        return this.renegotiate([0, remote.streamId]);
      })
      .catch(() => undefined);
  }

  /**
   * Group call: one more receive transceiver per new remote camera, then one renegotiation for all.
   */
  private subscribeToAll(sources: IndexedSource[]): void {
    const fresh = sources.filter(
      (s) => s.attendeeId !== this.attendee.AttendeeId && !this.subscribed.includes(s.streamId),
    );
    if (fresh.length === 0) return;
    this.subscribed.push(...fresh.map((s) => s.streamId));
    this.negotiating = this.negotiating
      .then(() => {
        for (const _ of fresh) this.pc.addTransceiver('video', { direction: 'recvonly' });
        return this.renegotiate([0, ...this.subscribed]);
      })
      .catch(() => undefined);
  }

  private async renegotiate(receiveStreamIds: number[]): Promise<void> {
    const offer = await this.pc.createOffer();
    await this.pc.setLocalDescription(offer);
    this.keepConsent();
    await iceGathered(this.pc);
    const answer = await this.signaling.subscribe(
      loopbackOnly(this.pc.localDescription!.sdp),
      receiveStreamIds,
    );
    await this.pc.setRemoteDescription({ type: 'answer', sdp: loopbackOnly(answer) });
  }
}
