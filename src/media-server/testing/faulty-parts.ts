/**
 * Test kit for fault isolation: parts that fail on purpose, each honouring its real interface until
 * it is told to fail: codecs (a working libopus pair unless `failing`), a room member whose socket
 * throws (the log sink that keeps fault records is ../../testing/recording-logger.ts).
 */
import { OpusDecoder, OpusEncoder, type AudioCodecs } from '../opus-codec';
import { RecordingMember } from './recording-member';
import type { SignalFrameInit } from '../signaling-frames';

/** Real Opus codecs whose encoders (or decoders) throw while their `failing` flag is set. */
export class FaultyCodecs implements AudioCodecs {
  failEncode = false;
  failDecode = false;
  encodes = 0;

  decoder() {
    const real = new OpusDecoder();
    return {
      decode: (payload: Buffer) => {
        if (this.failDecode) throw new Error('injected decode failure');
        return real.decode(payload);
      },
      delete: () => real.delete(),
    };
  }

  encoder() {
    const real = new OpusEncoder();
    return {
      encode: (pcm: Int16Array) => {
        if (this.failEncode) throw new Error('Encode error: Bad argument (injected)');
        this.encodes++;
        return real.encode(pcm);
      },
      delete: () => real.delete(),
    };
  }
}

/**
 * A member whose socket throws on send once `broken` is set, as a socket torn down under us would.
 */
export class BrokenSocketMember extends RecordingMember {
  broken = false;

  override send(frame: SignalFrameInit): void {
    if (this.broken) throw new Error('injected socket failure');
    super.send(frame);
  }
}
