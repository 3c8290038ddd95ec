/**
 * The person mask between the segmentation model and the picture, kept clean: smoothed over time
 * (an exponential moving average, so a pixel the model is unsure of does not flicker from frame to
 * frame), its soft ramp narrowed to the model's boundary, then feathered (a small box blur, so the
 * edge fades over a few pixels instead of a jagged cut-out). Plain arrays: no canvas, testable
 * anywhere.
 */

/**
 * acc = alpha·next + (1 − alpha)·acc, in place (a fresh copy of `next` when there is no `acc` yet).
 */
export function emaMask(
  acc: Float32Array | null,
  next: ArrayLike<number>,
  alpha: number,
): Float32Array {
  if (!acc || acc.length !== next.length) return Float32Array.from(next);
  for (let i = 0; i < acc.length; i++) acc[i] = alpha * next[i]! + (1 - alpha) * acc[i]!;
  return acc;
}

/** Hermite smoothstep of each value between `lo` and `hi` (values in 0..1), into `out`. */
export function narrowRamp(mask: Float32Array, lo: number, hi: number, out: Float32Array) {
  for (let i = 0; i < mask.length; i++) {
    const t = Math.min(1, Math.max(0, (mask[i]! - lo) / (hi - lo)));
    out[i] = t * t * (3 - 2 * t);
  }
  return out;
}

/**
 * A separable box blur of radius `r` (a 2r+1 square), edges clamped; `tmp` is scratch of the same
 * size.
 */
export function featherMask(
  mask: Float32Array,
  w: number,
  h: number,
  r: number,
  tmp: Float32Array,
): Float32Array {
  if (r <= 0) return mask;
  const n = 2 * r + 1;
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      let sum = 0;
      for (let k = -r; k <= r; k++) sum += mask[y * w + Math.min(w - 1, Math.max(0, x + k))]!;
      tmp[y * w + x] = sum / n;
    }
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      let sum = 0;
      for (let k = -r; k <= r; k++) sum += tmp[Math.min(h - 1, Math.max(0, y + k)) * w + x]!;
      mask[y * w + x] = sum / n;
    }
  return mask;
}

/** Writes the mask (0..1) as the alpha of black RGBA pixels (an ImageData's data). */
export function maskToAlpha(mask: Float32Array, rgba: Uint8ClampedArray): void {
  for (let i = 0; i < mask.length; i++) {
    rgba[i * 4 + 3] = Math.round(mask[i]! * 255);
  }
}
