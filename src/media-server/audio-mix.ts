/**
 * Mix-minus arithmetic: each listener hears the sum of every other talker (and the server's own
 * prompt audio), clipped to 16 bits. Pure functions, tested directly.
 */
import { FRAME_SAMPLES } from './opus-codec';

/** Sums frames with saturation; returns undefined when there is nothing to hear. */
export function mixFrames(frames: ReadonlyArray<Int16Array | undefined>): Int16Array | undefined {
  const present = frames.filter((f): f is Int16Array => f !== undefined);
  if (present.length === 0) return undefined;
  if (present.length === 1) return present[0];
  const out = new Int16Array(FRAME_SAMPLES);
  for (let i = 0; i < FRAME_SAMPLES; i++) {
    let sum = 0;
    for (const frame of present) sum += frame[i] ?? 0;
    out[i] = sum > 32767 ? 32767 : sum < -32768 ? -32768 : sum;
  }
  return out;
}

/**
 * For every listener id, the mix of all talkers except the listener itself, plus the shared extra.
 */
export function mixMinus(
  listeners: readonly number[],
  talkers: ReadonlyMap<number, Int16Array>,
  shared: Int16Array | undefined,
): Map<number, Int16Array | undefined> {
  const result = new Map<number, Int16Array | undefined>();
  for (const listener of listeners) {
    const others = [...talkers].filter(([id]) => id !== listener).map(([, pcm]) => pcm);
    result.set(listener, mixFrames([...others, shared]));
  }
  return result;
}

/** Splits mono PCM into 20 ms frames, zero-padding the last one. */
export function toFrames(pcm: Int16Array): Int16Array[] {
  const frames: Int16Array[] = [];
  for (let at = 0; at < pcm.length; at += FRAME_SAMPLES) {
    const frame = new Int16Array(FRAME_SAMPLES);
    frame.set(pcm.subarray(at, Math.min(at + FRAME_SAMPLES, pcm.length)));
    frames.push(frame);
  }
  return frames;
}
