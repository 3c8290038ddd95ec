/**
 * Opus at 48 kHz mono, 20 ms frames, through libopus compiled to WebAssembly (opusscript's build,
 * driven by opus-native.ts, so no native build). Browsers send Opus with `stereo=0`; a mono decoder
 * reads either channel layout.
 */
import { NativeOpus } from './opus-native';

/** Opus in WebRTC: 48 kHz. */
export const SAMPLE_RATE = 48_000;
/** Samples per 20 ms frame at 48 kHz (also the RTP timestamp step of one frame). */
export const FRAME_SAMPLES = 960;
/** One audio frame: 20 ms, the SDK's packet time. */
export const FRAME_MS = 20;

/** What the audio engine needs to decode one talker (tests substitute failing ones). */
export interface AudioDecoder {
  /** One Opus packet as 16-bit PCM; a corrupt packet yields undefined instead of throwing. */
  decode(payload: Buffer): Int16Array | undefined;
  delete(): void;
}

/** What the audio engine needs to encode one listener's mix. */
export interface AudioEncoder {
  /** Exactly one 20 ms frame of PCM. */
  encode(pcm: Int16Array): Buffer;
  delete(): void;
}

/** Makes the codecs of one audio engine. */
export interface AudioCodecs {
  decoder(): AudioDecoder;
  encoder(): AudioEncoder;
}

/** A decoder for one upstream stream (decoders are stateful, one per talker). */
export class OpusDecoder implements AudioDecoder {
  private readonly codec = new NativeOpus(SAMPLE_RATE, FRAME_SAMPLES);

  decode(payload: Buffer): Int16Array | undefined {
    if (this.codec.deleted) throw new Error('Opus decoder used after delete()');
    try {
      return this.codec.decode(payload);
    } catch {
      return undefined;
    }
  }

  delete(): void {
    this.codec.delete();
  }
}

/** An encoder for one downstream (mixed) stream. */
export class OpusEncoder implements AudioEncoder {
  private readonly codec = new NativeOpus(SAMPLE_RATE, FRAME_SAMPLES);

  constructor(bitrate = 32_000) {
    this.codec.setBitrate(bitrate);
  }

  encode(pcm: Int16Array): Buffer {
    return this.codec.encode(pcm);
  }

  delete(): void {
    this.codec.delete();
  }
}

/** The real codecs. */
export const opusCodecs: AudioCodecs = {
  decoder: () => new OpusDecoder(),
  encoder: () => new OpusEncoder(),
};

let silence: Buffer | undefined;
/** One encoded 20 ms frame of digital silence, made once and shared (it carries no codec state). */
export function silenceFrame(): Buffer {
  if (!silence) {
    const encoder = new OpusEncoder();
    silence = encoder.encode(new Int16Array(FRAME_SAMPLES));
    encoder.delete();
  }
  return silence;
}
