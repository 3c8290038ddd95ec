/**
 * The Chime signaling wire format: one type byte (0x05) followed by a proto2 `SdkSignalFrame`.
 * We load the generated protobuf module that ships inside amazon-chime-sdk-js (pinned at 3.32.0) so
 * the server's encoding is byte-identical to what the browser SDK decodes; only types are imported
 * statically, the CommonJS module is required at runtime.
 */
import { createRequire } from 'node:module';
// The one server-side use of the SDK package: its generated wire schema (types here, code below),
// not its client; the browser-facing rule "only src/call-engine imports amazon-chime-sdk-js" still
// holds.
import type * as Proto from 'amazon-chime-sdk-js/build/signalingprotocol/SignalingProtocol';

const require = createRequire(import.meta.url);
/** The generated protobuf classes and enums of the Chime signaling protocol. */
export const proto =
  require('amazon-chime-sdk-js/build/signalingprotocol/SignalingProtocol.js') as typeof Proto;

/** A decoded signaling frame (the SDK's own protobuf type). */
export type SignalFrame = Proto.SdkSignalFrame;
/** The SUBSCRIBE_ACK frame's body. */
export type SubscribeAck = Proto.ISdkSubscribeAckFrame;
/** The JOIN_ACK frame's body. */
export type JoinAck = Proto.ISdkJoinAckFrame;
/** A frame to send; the timestamp is filled in when it is encoded. */
export type SignalFrameInit = Omit<Proto.ISdkSignalFrame, 'timestampMs'>;
/** The signaling frame types (the SDK's enum). */
export const FrameType = proto.SdkSignalFrame.Type;

const FRAME_TYPE_RTC = 0x05;

/** Encodes a frame, always setting the required `timestamp_ms`. */
export function encodeFrame(frame: SignalFrameInit): Buffer {
  const message = proto.SdkSignalFrame.create({ ...frame, timestampMs: Date.now() });
  const body = proto.SdkSignalFrame.encode(message).finish();
  const out = Buffer.allocUnsafe(body.length + 1);
  out[0] = FRAME_TYPE_RTC;
  out.set(body, 1);
  return out;
}

/**
 * Decodes a client frame (the SDK accepts type bytes 0x05 and 0x02; so do we). Throws on garbage.
 */
export function decodeFrame(data: Buffer): SignalFrame {
  if (data.length < 1) throw new Error('empty signaling frame');
  const type = data[0];
  if (type !== FRAME_TYPE_RTC && type !== 0x02) throw new Error(`unknown frame type byte ${type}`);
  return proto.SdkSignalFrame.decode(data.subarray(1));
}

/** Status codes the SDK maps in `MeetingSessionStatus.fromAudioStatus`. */
export const AudioStatus = {
  ok: 200,
  joinedFromAnotherDevice: 301,
  meetingEnded: 410,
  attendeeRemoved: 411,
} as const;

/** WebSocket close codes the SDK interprets while it waits for JOIN_ACK/INDEX. */
export const CloseCode = {
  forbidden: 4403,
  meetingEnded: 4410,
} as const;
