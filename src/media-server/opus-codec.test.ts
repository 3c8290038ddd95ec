import { describe, expect, it } from 'vitest';
import { FRAME_SAMPLES, OpusDecoder, OpusEncoder, silenceFrame } from './opus-codec';

const rms = (pcm: Int16Array) => Math.sqrt(pcm.reduce((s, v) => s + v * v, 0) / pcm.length);
const tone = (frame: number, hz: number) =>
  Int16Array.from({ length: FRAME_SAMPLES }, (_, i) =>
    Math.round(8000 * Math.sin((2 * Math.PI * hz * (frame * FRAME_SAMPLES + i)) / 48_000)),
  );

/** A deterministic pseudo-random sequence, so a failure names the step that broke. */
function lcg(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

describe('Opus codecs', () => {
  it('round-trips a tone', () => {
    const encoder = new OpusEncoder();
    const decoder = new OpusDecoder();
    let last: Int16Array | undefined;
    for (let f = 0; f < 10; f++) last = decoder.decode(encoder.encode(tone(f, 440)));
    encoder.delete();
    decoder.delete();
    expect(last).toHaveLength(FRAME_SAMPLES);
    expect(rms(last!)).toBeGreaterThan(0.7 * rms(tone(9, 440)));
  });

  // Members join and leave a meeting while the mix runs: codecs are made and freed in any order.
  // opusscript's own wrapper wrote every frame 4 KB outside its buffers, into other codecs'
  // state, and this churn ended in `Encode error: Bad argument` or a libopus abort.
  it('keeps every codec intact while others are created, used and freed', () => {
    const failures: string[] = [];
    for (const seed of [1, 2]) {
      const random = lcg(seed);
      const members: Array<{ source: OpusEncoder; decoder: OpusDecoder; mix: OpusEncoder }> = [];
      let frames = 0;
      silenceFrame();
      for (let step = 0; step < 500; step++) {
        const r = random();
        if (r < 0.03 && members.length < 8)
          members.push({
            source: new OpusEncoder(),
            decoder: new OpusDecoder(),
            mix: new OpusEncoder(),
          });
        else if (r < 0.05 && members.length > 0) {
          const [gone] = members.splice(Math.floor(random() * members.length), 1);
          for (const codec of Object.values(gone!)) codec.delete();
        }
        for (const [i, m] of members.entries()) {
          const sent = tone(step, 300 + 100 * i);
          const heard = m.decoder.decode(m.source.encode(sent));
          if (heard?.length !== FRAME_SAMPLES) failures.push(`seed ${seed} step ${step}`);
          else if (m.mix.encode(heard).length === 0)
            failures.push(`seed ${seed} step ${step}: empty`);
          frames++;
        }
      }
      expect(frames).toBeGreaterThan(1000);
      for (const m of members) for (const codec of Object.values(m)) codec.delete();
    }
    expect(failures.slice(0, 5)).toEqual([]);
  });

  it('refuses use after delete() instead of touching freed memory, and deletes once', () => {
    const encoder = new OpusEncoder();
    const decoder = new OpusDecoder();
    const packet = encoder.encode(tone(0, 440));
    encoder.delete();
    encoder.delete();
    decoder.delete();
    expect(() => encoder.encode(tone(1, 440))).toThrow(/after delete/);
    expect(() => decoder.decode(packet)).toThrow(/after delete/);
  });

  it('decodes a corrupt or oversized packet to undefined', () => {
    const decoder = new OpusDecoder();
    expect(decoder.decode(Buffer.alloc(0))).toBeUndefined();
    expect(decoder.decode(Buffer.alloc(5000, 0xff))).toBeUndefined();
    decoder.delete();
  });
});
