/**
 * libopus as opusscript compiles it to WebAssembly, driven directly rather than through
 * opusscript's JavaScript wrapper. That wrapper is unsafe to use with more than a few codecs alive:
 * it views each byte pointer `p` it gets from `malloc` through `HEAPU16.subarray(p, …)`, i.e. at
 * byte `2p`, so every encode and decode writes 4 KB outside its own allocation, into whatever
 * another codec keeps there. Once a meeting has had a few members come and go, one codec's PCM
 * lands in another's encoder state and libopus answers `Encode error: Bad argument` (or aborts on a
 * NaN assertion). Here every buffer is allocated at the size the native code really touches, and
 * addressed at the pointer `malloc` returned. Heap views are read on every call: the heap may grow
 * and replace them.
 */
import { createRequire } from 'node:module';

/** The native handler opusscript's C++ exports (one encoder and one decoder per handler). */
interface NativeHandler {
  /**
   * Reads `count` 16-bit cells holding one PCM byte each, packs them in place, encodes `frameSize`
   * samples.
   */
  _encode(input: number, count: number, output: number, frameSize: number): number;
  /**
   * Decodes `bytes` of Opus into `output` as two 16-bit cells per sample (low byte, high byte);
   * returns samples.
   */
  _decode(input: number, bytes: number, output: number): number;
  _encoder_ctl(ctl: number, arg: number): number;
}

interface NativeModule {
  OpusScriptHandler: {
    new (sampleRate: number, channels: number, application: number): NativeHandler;
    destroy_handler(handler: NativeHandler): void;
  };
  _malloc(bytes: number): number;
  _free(pointer: number): void;
  readonly HEAPU8: Uint8Array;
  readonly HEAPU16: Uint16Array;
}

const VOIP = 2048;
const SET_BITRATE = 4002;
/** Largest Opus packet libopus writes (opusscript's MAX_PACKET_SIZE). */
export const MAX_PACKET_BYTES = 1276 * 3;
/** Largest frame a packet decodes to (120 ms at 48 kHz; opusscript's MAX_FRAME_SIZE). */
const MAX_DECODED_SAMPLES = 960 * 6;

const OPUS_ERRORS: Record<number, string> = {
  [-1]: 'Bad argument',
  [-2]: 'Buffer too small',
  [-3]: 'Internal error',
  [-4]: 'Invalid packet',
  [-5]: 'Unimplemented',
  [-6]: 'Invalid state',
  [-7]: 'Memory allocation fail',
};

let native: NativeModule | undefined;
function loadNative(): NativeModule {
  // The Emscripten factory instantiates synchronously (opusscript itself relies on that).
  native ??= (
    createRequire(import.meta.url)(
      'opusscript/build/opusscript_native_wasm.js',
    ) as () => NativeModule
  )();
  return native;
}

function opusFailure(what: string, code: number): Error {
  return new Error(`${what} error: ${OPUS_ERRORS[code] ?? `code ${code}`}`);
}

/**
 * One mono libopus encoder/decoder pair with its own native buffers. Not reusable after `delete()`:
 * any later call throws instead of touching freed memory.
 */
export class NativeOpus {
  private readonly wasm = loadNative();
  private handler: NativeHandler | undefined;
  /** One 16-bit cell per input PCM byte, as `_encode` reads it. */
  private readonly pcmIn: number;
  private readonly packetOut: number;
  private readonly packetIn: number;
  /** Two 16-bit cells per decoded sample, as `_decode` writes it. */
  private readonly pcmOut: number;

  constructor(
    sampleRate: number,
    private readonly frameSamples: number,
  ) {
    this.handler = new this.wasm.OpusScriptHandler(sampleRate, 1, VOIP);
    this.pcmIn = this.wasm._malloc(frameSamples * 2 * 2);
    this.packetOut = this.wasm._malloc(MAX_PACKET_BYTES);
    this.packetIn = this.wasm._malloc(MAX_PACKET_BYTES);
    this.pcmOut = this.wasm._malloc(MAX_DECODED_SAMPLES * 2 * 2);
  }

  get deleted(): boolean {
    return this.handler === undefined;
  }

  setBitrate(bitrate: number): void {
    const result = this.live()._encoder_ctl(SET_BITRATE, bitrate);
    if (result < 0) throw opusFailure('Encoder CTL', result);
  }

  /** Encodes exactly one frame of mono PCM. */
  encode(pcm: Int16Array): Buffer {
    const handler = this.live();
    if (pcm.length !== this.frameSamples)
      throw new Error(`expected ${this.frameSamples} samples, got ${pcm.length}`);
    const bytes = new Uint8Array(pcm.buffer, pcm.byteOffset, pcm.byteLength);
    this.wasm.HEAPU16.set(bytes, this.pcmIn / 2);
    const length = handler._encode(this.pcmIn, bytes.length, this.packetOut, this.frameSamples);
    if (length < 0) throw opusFailure('Encode', length);
    return Buffer.from(this.wasm.HEAPU8.subarray(this.packetOut, this.packetOut + length));
  }

  /** Decodes one packet into mono PCM (any frame length libopus accepts). */
  decode(packet: Uint8Array): Int16Array {
    const handler = this.live();
    if (packet.length === 0 || packet.length > MAX_PACKET_BYTES)
      throw new Error(`Opus packet of ${packet.length} bytes`);
    this.wasm.HEAPU8.set(packet, this.packetIn);
    const samples = handler._decode(this.packetIn, packet.length, this.pcmOut);
    if (samples < 0) throw opusFailure('Decode', samples);
    const cells = this.wasm.HEAPU16.subarray(this.pcmOut / 2, this.pcmOut / 2 + samples * 2);
    const pcm = new Int16Array(samples);
    for (let i = 0; i < samples; i++) pcm[i] = (cells[2 * i]! & 0xff) | (cells[2 * i + 1]! << 8);
    return pcm;
  }

  /** Frees the native state; idempotent. */
  delete(): void {
    const handler = this.handler;
    if (!handler) return;
    this.handler = undefined;
    this.wasm.OpusScriptHandler.destroy_handler(handler);
    for (const pointer of [this.pcmIn, this.packetOut, this.packetIn, this.pcmOut])
      this.wasm._free(pointer);
  }

  private live(): NativeHandler {
    if (!this.handler) throw new Error('Opus codec used after delete()');
    return this.handler;
  }
}
