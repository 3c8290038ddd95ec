/**
 * The client side of the Chime SDK signaling protocol, as amazon-chime-sdk-js 3.32 speaks it
 * (see shared notes, chime-signaling.md): a WebSocket with the `_aws_wt_session` sub-protocol and
 * the join token, JOIN → JOIN_ACK + INDEX, SUBSCRIBE → SUBSCRIBE_ACK, LEAVE. Frames are the SDK's
 * own generated protobuf module, through the media server's codec, so both ends encode identically.
 */
import WebSocket from 'ws';
import {
  decodeFrame,
  encodeFrame,
  FrameType,
  proto,
  type SignalFrame,
  type SignalFrameInit,
} from '../../signaling-frames';

/** A remote video source from an INDEX frame. */
export interface IndexedSource {
  streamId: number;
  attendeeId: string;
}

const QUERY =
  '?X-Chime-Control-Protocol-Version=3&X-Amzn-Chime-Send-Close-On-Error=1&X-Amzn-Version=3.32.0&X-Amzn-User-Agent=load-generator';

/** One attendee's signaling connection: join, subscribe to streams, follow the INDEX, leave. */
export class ChimeSignalingClient {
  private readonly waiters: Array<{ type: number; resolve: (f: SignalFrame) => void }> = [];
  private indexListener: (sources: IndexedSource[]) => void = () => undefined;

  private constructor(private readonly ws: WebSocket) {
    ws.on('message', (data: Buffer) => this.onFrame(data));
    // a closed socket ends the attendee; the bench reports it as loss
    ws.on('error', () => undefined);
  }

  /** Opens the signaling socket of `signalingUrl` with `joinToken`. */
  static async connect(signalingUrl: string, joinToken: string): Promise<ChimeSignalingClient> {
    const ws = new WebSocket(signalingUrl + QUERY, ['_aws_wt_session', joinToken]);
    ws.binaryType = 'nodebuffer';
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('error', reject);
      ws.once('close', (code) => reject(new Error(`signaling closed with ${code} before open`)));
    });
    return new ChimeSignalingClient(ws);
  }

  /** Sends JOIN and resolves with the first INDEX's video sources. */
  async join(): Promise<IndexedSource[]> {
    const ack = this.next(FrameType.JOIN_ACK);
    const index = this.next(FrameType.INDEX);
    this.send({
      type: FrameType.JOIN,
      join: {
        protocolVersion: 2,
        flags: proto.SdkJoinFlags.HAS_STREAM_UPDATE,
        audioSessionId: Math.floor(Math.random() * 2 ** 32),
        wantsCompressedSdp: false,
        clientDetails: {
          appName: 'connect-video-call load generator',
          clientSource: 'bench',
          // As the SDK describes its browser and system (DescribeContact's DeviceInfo).
          platformName: 'werift',
          platformVersion: '0.24.4',
          osName: 'Linux',
        },
      },
    });
    await ack;
    return sourcesOf(await index);
  }

  /** Sends a SUBSCRIBE with a complete offer; resolves with the server's SDP answer. */
  async subscribe(sdpOffer: string, receiveStreamIds: number[]): Promise<string> {
    const ack = this.next(FrameType.SUBSCRIBE_ACK);
    this.send({
      type: FrameType.SUBSCRIBE,
      sub: {
        duplex: proto.SdkStreamServiceType.DUPLEX,
        sdpOffer,
        audioHost: 'load',
        receiveStreamIds,
      },
    });
    const frame = await ack;
    if (!frame.suback?.sdpAnswer) throw new Error('SUBSCRIBE_ACK without an SDP answer');
    return frame.suback.sdpAnswer;
  }

  /** Called with the video sources of every INDEX after the first. */
  onIndex(listener: (sources: IndexedSource[]) => void): void {
    this.indexListener = listener;
  }

  leave(): void {
    this.send({ type: FrameType.LEAVE, leave: {} });
    this.ws.close(1000);
  }

  private send(frame: SignalFrameInit): void {
    if (this.ws.readyState === WebSocket.OPEN) this.ws.send(encodeFrame(frame));
  }

  private next(type: number): Promise<SignalFrame> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`no frame of type ${type} within 15 s`)),
        15_000,
      );
      this.waiters.push({
        type,
        resolve: (f) => {
          clearTimeout(timer);
          resolve(f);
        },
      });
    });
  }

  private onFrame(data: Buffer): void {
    let frame: SignalFrame;
    try {
      frame = decodeFrame(data);
    } catch {
      return;
    }
    const waiter = this.waiters.findIndex((w) => w.type === frame.type);
    if (waiter >= 0) this.waiters.splice(waiter, 1)[0]!.resolve(frame);
    else if (frame.type === FrameType.INDEX) this.indexListener(sourcesOf(frame));
  }
}

function sourcesOf(frame: SignalFrame): IndexedSource[] {
  return (frame.index?.sources ?? []).map((s) => ({
    streamId: Number(s.streamId ?? 0),
    attendeeId: s.attendeeId ?? '',
  }));
}
