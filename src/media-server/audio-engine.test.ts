import { afterEach, describe, expect, it } from 'vitest';
import { AudioEngine, type AudioListener } from './audio-engine';
import { mixFrames, mixMinus, toFrames } from './audio-mix';
import { FRAME_SAMPLES, OpusDecoder, OpusEncoder } from './opus-codec';
import type { RtpPosition } from './rtp-sequencer';

const tone = (amplitude: number) =>
  Int16Array.from({ length: FRAME_SAMPLES }, (_, i) =>
    Math.round(amplitude * Math.sin((2 * Math.PI * 440 * i) / 48_000)),
  );
const rms = (pcm: Int16Array) => Math.sqrt(pcm.reduce((s, v) => s + v * v, 0) / pcm.length);

function recorder(id: number) {
  const sent: Array<{ payload: Buffer; position: RtpPosition }> = [];
  const listener: AudioListener = {
    id,
    send: (payload, position) => sent.push({ payload, position }),
  };
  return { listener, sent };
}

describe('mixing arithmetic', () => {
  it('sums with saturation and leaves each listener out of its own mix', () => {
    expect(
      mixFrames(
        [Int16Array.of(30000, -30000, 5), Int16Array.of(10000, -10000, 5)].map((f) => {
          const x = new Int16Array(FRAME_SAMPLES);
          x.set(f);
          return x;
        }),
      )!.slice(0, 3),
    ).toEqual(Int16Array.of(32767, -32768, 10));
    const talkers = new Map([
      [1, tone(1000)],
      [2, tone(2000)],
    ]);
    const mixes = mixMinus([1, 2, 3], talkers, undefined);
    expect(mixes.get(1)).toBe(talkers.get(2));
    expect(mixes.get(2)).toBe(talkers.get(1));
    expect(rms(mixes.get(3)!)).toBeGreaterThan(rms(tone(2000)));
    expect(toFrames(new Int16Array(1500)).map((f) => f.length)).toEqual([960, 960]);
  });
});

describe('AudioEngine', () => {
  let engine: AudioEngine | undefined;
  afterEach(() => engine?.close());

  it('forwards packets between two people with rewritten numbers, and sends silence to a quiet listener', () => {
    let now = 0;
    engine = new AudioEngine({ now: () => now });
    const a = recorder(1);
    const b = recorder(2);
    engine.add(a.listener);
    engine.add(b.listener);
    engine.tick(); // nobody talked yet: both get a silence frame
    expect([a.sent.length, b.sent.length]).toEqual([1, 1]);
    now = 20;
    engine.upstream(1, 0xabc, { sequenceNumber: 500, timestamp: 90_000 }, Buffer.from([1, 2, 3]));
    expect(b.sent.at(-1)!.payload).toEqual(Buffer.from([1, 2, 3]));
    expect(b.sent.at(-1)!.position.sequenceNumber).toBe(
      (b.sent[0]!.position.sequenceNumber + 1) % 65536,
    );
    expect(a.sent).toHaveLength(1); // no echo to the talker
  });

  it('mixes per listener with three people: each hears the others, not itself', () => {
    engine = new AudioEngine({ now: () => 0 });
    const people = [recorder(1), recorder(2), recorder(3)];
    for (const p of people) engine.add(p.listener);
    expect(engine.mixing).toBe(true);
    const encoder = new OpusEncoder();
    engine.upstream(1, 11, { sequenceNumber: 1, timestamp: 0 }, encoder.encode(tone(8000)));
    engine.tick();
    encoder.delete();
    const heard = people.map((p) => {
      const d = new OpusDecoder();
      const pcm = d.decode(p.sent.at(-1)!.payload)!;
      d.delete();
      return rms(pcm);
    });
    expect(heard[0]).toBeLessThan(100); // the talker hears silence
    expect(heard[1]).toBeGreaterThan(1000);
    expect(heard[2]).toBeGreaterThan(1000);
  });

  it('plays prompt PCM to everybody and resolves when the last frame is sent', async () => {
    engine = new AudioEngine({ now: () => 0 });
    const a = recorder(1);
    engine.add(a.listener);
    const done = engine.play(new Int16Array(FRAME_SAMPLES * 3).fill(4000));
    for (let i = 0; i < 3; i++) engine.tick();
    await done;
    expect(a.sent.length).toBeGreaterThanOrEqual(3);
  });
});
