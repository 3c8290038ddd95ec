/**
 * Draws one camera frame with its background blurred or replaced, without the Chime SDK (the
 * pre-call preview uses it directly, the call through background-processor.ts). Per frame: the
 * person mask from the segmenter, smoothed over time and feathered (mask-smoothing.ts) at about 160
 * pixels wide; the background (the frame shrunk and blurred, then scaled back: cheap and smooth; or
 * the image, cropped to fill); the person (the frame through the mask, scaled up with smoothing) on
 * top.
 */
import type { BackgroundEffect } from '../call-types';
import { drawBuiltInBackground } from './built-in-backgrounds';
import { emaMask, featherMask, maskToAlpha, narrowRamp } from './mask-smoothing';
import type { Segmenter } from './selfie-segmenter';

/** Weight of the newest mask in the moving average: responsive, yet no flicker at 15 fps. */
const EMA_ALPHA = 0.55;
const MASK_W = 160;
/** Shrink factor and extra blur radius (px at the shrunk size) of each strength. */
const BLUR = { light: { shrink: 4, radius: 1.5 }, strong: { shrink: 10, radius: 2.5 } } as const;

type Frame = HTMLCanvasElement | HTMLVideoElement;
type Picture = HTMLCanvasElement | HTMLImageElement;

/** Draws a camera frame with its background blurred or replaced, from the segmentation mask. */
export interface Compositor {
  effect(): BackgroundEffect;
  /** Changes the effect from the next frame on (the mask history is kept). */
  setEffect(effect: BackgroundEffect): void;
  /**
   * Draws `frame` (width × height) with the effect; returns the output canvas (the same one each
   * time).
   */
  render(frame: Frame, width: number, height: number): Promise<HTMLCanvasElement>;
  /** Milliseconds the last frame's segmentation took, and the whole frame (for the bench). */
  timings(): { segmentMs: number; frameMs: number };
  close(): Promise<void>;
}

const canvas = (doc: Document) => doc.createElement('canvas');
const ctx2d = (c: HTMLCanvasElement) => c.getContext('2d')!;
const sized = (c: HTMLCanvasElement, w: number, h: number) => {
  if (c.width !== w) c.width = w;
  if (c.height !== h) c.height = h;
};
/** Canvas `filter` exists (Chromium, Firefox; not older Safari, where the shrink alone blurs). */
const hasFilter = (ctx: CanvasRenderingContext2D) => 'filter' in ctx;

/**
 * Loads a site image (CORS, so the canvas stays exportable); null until it loaded, or if it fails.
 */
function sitePicture(src: string, doc: Document): { get(): Picture | null } {
  let ready: Picture | null = null;
  const img = doc.createElement('img');
  img.crossOrigin = 'anonymous';
  img.decoding = 'async';
  img.onload = () => (ready = img);
  img.src = src;
  return { get: () => ready };
}

/** A compositor over `segmenter`, starting with `initial`. */
export function createCompositor(
  segmenter: Segmenter,
  initial: BackgroundEffect,
  doc: Document = document,
): Compositor {
  let effect = initial;
  let picture: { get(): Picture | null } | null = null;
  let pictureSrc = '';
  const out = canvas(doc);
  const person = canvas(doc);
  const small = canvas(doc);
  const maskCanvas = canvas(doc);
  let acc: Float32Array | null = null;
  let shaped = new Float32Array(0);
  let scratch = new Float32Array(0);
  let times = { segmentMs: 0, frameMs: 0 };

  const pictureFor = (e: BackgroundEffect): Picture | null => {
    if (e.kind !== 'image') return null;
    if (pictureSrc !== e.src) {
      pictureSrc = e.src;
      const name = e.src.startsWith('builtin:') ? e.src.slice('builtin:'.length) : null;
      const drawn = name ? drawBuiltInBackground(name, doc) : null;
      picture = drawn ? { get: () => drawn } : sitePicture(e.src, doc);
    }
    return picture?.get() ?? null;
  };

  const drawBlur = (
    ctx: CanvasRenderingContext2D,
    frame: Frame,
    w: number,
    h: number,
    s: 'light' | 'strong',
  ) => {
    const { shrink, radius } = BLUR[s];
    const sw = Math.max(2, Math.round(w / shrink));
    const sh = Math.max(2, Math.round(h / shrink));
    sized(small, sw, sh);
    const sctx = ctx2d(small);
    if (hasFilter(sctx)) sctx.filter = `blur(${radius}px)`;
    sctx.drawImage(frame, 0, 0, sw, sh);
    if (hasFilter(sctx)) sctx.filter = 'none';
    ctx.imageSmoothingEnabled = true;
    ctx.imageSmoothingQuality = 'high';
    ctx.drawImage(small, 0, 0, w, h);
  };

  const drawCover = (ctx: CanvasRenderingContext2D, p: Picture, w: number, h: number) => {
    const pw = p.width;
    const ph = p.height;
    const scale = Math.max(w / pw, h / ph);
    const cw = w / scale;
    const ch = h / scale;
    ctx.drawImage(p, (pw - cw) / 2, (ph - ch) / 2, cw, ch, 0, 0, w, h);
  };

  return {
    effect: () => effect,
    setEffect(next) {
      effect = next;
    },
    async render(frame, w, h) {
      const start = performance.now();
      const mw = MASK_W;
      const mh = Math.max(1, Math.round((MASK_W * h) / w));
      const raw = await segmenter.segment(frame, mw, mh);
      const segmented = performance.now();
      acc = emaMask(acc, raw, EMA_ALPHA);
      if (shaped.length !== acc.length) {
        shaped = new Float32Array(acc.length);
        scratch = new Float32Array(acc.length);
      }
      narrowRamp(acc, 0.5, 0.9, shaped);
      featherMask(shaped, mw, mh, 1, scratch);
      sized(maskCanvas, mw, mh);
      const mctx = ctx2d(maskCanvas);
      const image = mctx.createImageData(mw, mh);
      maskToAlpha(shaped, image.data);
      mctx.putImageData(image, 0, 0);

      sized(person, w, h);
      const pctx = ctx2d(person);
      pctx.globalCompositeOperation = 'copy';
      pctx.imageSmoothingEnabled = true;
      pctx.imageSmoothingQuality = 'high';
      pctx.drawImage(maskCanvas, 0, 0, w, h);
      pctx.globalCompositeOperation = 'source-in';
      pctx.drawImage(frame, 0, 0, w, h);
      pctx.globalCompositeOperation = 'source-over';

      sized(out, w, h);
      const octx = ctx2d(out);
      const p = pictureFor(effect);
      if (effect.kind === 'image' && p) drawCover(octx, p, w, h);
      else drawBlur(octx, frame, w, h, effect.kind === 'blur' ? effect.strength : 'strong');
      octx.drawImage(person, 0, 0);
      times = { segmentMs: segmented - start, frameMs: performance.now() - start };
      // The latest frame's figures as User Timing (one entry each, replaced): what `npm run bench`
      // reads.
      performance.clearMeasures('cvc-segmentation');
      performance.clearMeasures('cvc-background-frame');
      performance.measure('cvc-segmentation', { start, end: segmented });
      performance.measure('cvc-background-frame', { start, end: start + times.frameMs });
      return out;
    },
    timings: () => times,
    close: () => segmenter.close(),
  };
}
