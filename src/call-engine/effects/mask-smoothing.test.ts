import { describe, expect, it } from 'vitest';
import { emaMask, featherMask, maskToAlpha, narrowRamp } from './mask-smoothing';

describe('mask smoothing', () => {
  it('starts from the first mask and then moves towards each new one by alpha', () => {
    let acc = emaMask(null, [0, 1], 0.5);
    expect([...acc]).toEqual([0, 1]);
    acc = emaMask(acc, [1, 0], 0.5);
    expect([...acc]).toEqual([0.5, 0.5]);
    acc = emaMask(acc, [1, 0], 0.5);
    expect([...acc]).toEqual([0.75, 0.25]);
  });

  it('damps a pixel that flickers between frames', () => {
    let acc: Float32Array | null = null;
    const seen: number[] = [];
    for (let f = 0; f < 20; f++) {
      acc = emaMask(acc, [f % 2], 0.4);
      if (f >= 10) seen.push(acc[0]!);
    }
    const swing = Math.max(...seen) - Math.min(...seen);
    expect(swing).toBeLessThan(0.5); // the raw input swings by 1
  });

  it('narrows the ramp: sure pixels become 0 or 1, the middle stays in between', () => {
    const out = narrowRamp(
      Float32Array.from([0.1, 0.3, 0.5, 0.7, 0.9]),
      0.3,
      0.7,
      new Float32Array(5),
    );
    expect(out[0]).toBe(0);
    expect(out[1]).toBeCloseTo(0, 5);
    expect(out[2]).toBeCloseTo(0.5);
    expect(out[3]).toBeCloseTo(1, 5);
    expect(out[4]).toBe(1);
  });

  it('feathers a hard edge into a ramp a few pixels wide, keeping the far sides', () => {
    const w = 9;
    const mask = Float32Array.from({ length: w }, (_, x) => (x < 4 ? 0 : 1));
    featherMask(mask, w, 1, 1, new Float32Array(w));
    expect(mask[0]).toBe(0);
    expect(mask[8]).toBe(1);
    expect(mask[3]).toBeCloseTo(1 / 3);
    expect(mask[4]).toBeCloseTo(2 / 3);
  });

  it('writes the mask as alpha', () => {
    const rgba = new Uint8ClampedArray(8);
    maskToAlpha(Float32Array.from([0, 1]), rgba);
    expect([...rgba]).toEqual([0, 0, 0, 0, 0, 0, 0, 255]);
  });
});
