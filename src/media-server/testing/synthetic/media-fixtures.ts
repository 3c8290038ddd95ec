/**
 * The recorded media every synthetic attendee sends: VP8 frames of a 640×360, 15 fps test pattern
 * (camera-640x360-15fps.ivf beside this file, encoded once with libvpx, a keyframe every 2 s), and
 * 20 ms Opus frames of noise, encoded once at start-up. Each packet's payload is distinct within
 * its loop, which lets the delivery tracker recognise a forwarded packet by its payload alone (the
 * server rewrites sequence numbers, timestamps and SSRCs, but forwards payloads untouched in 1:1).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { OpusEncoder, FRAME_SAMPLES } from '../../opus-codec';

/** One encoded video frame from the IVF file. */
export interface VideoFrame {
  data: Buffer;
  keyframe: boolean;
}

/** The frame rate of the recorded camera fixture; the media clock sends video at this rate. */
export const VIDEO_FPS = 15;
/**
 * The duration of one Opus frame; the media clock sends audio every this many ms (50 packets/s).
 */
export const AUDIO_FRAME_MS = 20;
const FIXTURE = resolve(import.meta.dirname, 'camera-640x360-15fps.ivf');

/** Reads every frame of an IVF file (32-byte header, then 12-byte frame headers). */
export function readIvf(path = FIXTURE): VideoFrame[] {
  const file = readFileSync(path);
  if (file.toString('ascii', 0, 4) !== 'DKIF') throw new Error(`${path} is not an IVF file`);
  const frames: VideoFrame[] = [];
  let offset = file.readUInt16LE(6);
  while (offset + 12 <= file.length) {
    const size = file.readUInt32LE(offset);
    const data = file.subarray(offset + 12, offset + 12 + size);
    // VP8 frame tag: bit 0 of the first byte is 0 for a keyframe.
    frames.push({ data, keyframe: (data[0]! & 0x01) === 0 });
    offset += 12 + size;
  }
  if (!frames[0]?.keyframe) throw new Error(`${path} must start with a keyframe`);
  return frames;
}

/** `count` Opus frames of pseudo-random noise at a talking level (deterministic seed). */
export function opusNoiseFrames(count = 250): Buffer[] {
  const encoder = new OpusEncoder(32_000);
  let seed = 0x2545f491;
  const frames: Buffer[] = [];
  for (let f = 0; f < count; f++) {
    const pcm = new Int16Array(FRAME_SAMPLES);
    for (let i = 0; i < pcm.length; i++) {
      seed = (seed * 1103515245 + 12345) >>> 0;
      pcm[i] = ((seed >>> 16) & 0x1fff) - 0x1000;
    }
    frames.push(encoder.encode(pcm));
  }
  encoder.delete();
  return frames;
}
