/**
 * Opus at 48 kHz mono, 20 ms frames, through opusscript (libopus compiled to WebAssembly, so no
 * native build). Browsers send Opus with `stereo=0`; a mono decoder reads either channel layout.
 */
import OpusScript from 'opusscript';

export const SAMPLE_RATE = 48_000;
/** Samples per 20 ms frame at 48 kHz (also the RTP timestamp step of one frame). */
export const FRAME_SAMPLES = 960;
export const FRAME_MS = 20;

/** A decoder for one upstream stream (decoders are stateful, one per talker). */
export class OpusDecoder {
  private readonly codec = new OpusScript(SAMPLE_RATE, 1, OpusScript.Application.VOIP);

  /** Decodes one Opus packet into 16-bit PCM; a corrupt packet yields undefined instead of throwing. */
  decode(payload: Buffer): Int16Array | undefined {
    try {
      const pcm = this.codec.decode(payload);
      return new Int16Array(pcm.buffer, pcm.byteOffset, pcm.byteLength / 2).slice();
    } catch {
      return undefined;
    }
  }

  delete(): void {
    this.codec.delete();
  }
}

/** An encoder for one downstream (mixed) stream. */
export class OpusEncoder {
  private readonly codec = new OpusScript(SAMPLE_RATE, 1, OpusScript.Application.VOIP);

  constructor(bitrate = 32_000) {
    this.codec.setBitrate(bitrate);
  }

  /** Encodes exactly one 20 ms frame of PCM. */
  encode(pcm: Int16Array): Buffer {
    if (pcm.length !== FRAME_SAMPLES)
      throw new Error(`expected ${FRAME_SAMPLES} samples, got ${pcm.length}`);
    return Buffer.from(
      this.codec.encode(Buffer.from(pcm.buffer, pcm.byteOffset, pcm.byteLength), FRAME_SAMPLES),
    );
  }

  delete(): void {
    this.codec.delete();
  }
}

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
