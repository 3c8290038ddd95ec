/**
 * Person segmentation with MediaPipe's selfie-segmentation solution (the legacy npm package, which
 * ships the model and its wasm): its loader script is bundled into this lazy chunk, and every file
 * it fetches (wasm loader, wasm, graph, model) is located on the widget's origin
 * (effect-assets.ts), so nothing comes from a CDN. The mask is read back small (about 160 pixels
 * wide) as 0..1 per pixel.
 */
import type { Results, SelfieSegmentation } from '@mediapipe/selfie_segmentation';
import { mediaUrl } from './effect-assets';

/** The person mask of one frame. */
export interface Segmenter {
  /** Segments `image` (width × height); resolves with the mask (0..1) at `maskW` × `maskH`. */
  segment(
    image: HTMLCanvasElement | HTMLVideoElement,
    maskW: number,
    maskH: number,
  ): Promise<Float32Array>;
  close(): Promise<void>;
}

/**
 * Loads the runtime and the model (several MB, once per segmenter); rejects when WebGL or wasm
 * fail.
 */
export async function loadSegmenter(): Promise<Segmenter> {
  // The solution's script assigns its class to the global object (a Closure-compiled bundle).
  await import('@mediapipe/selfie_segmentation');
  const Ctor = (globalThis as unknown as { SelfieSegmentation: typeof SelfieSegmentation })
    .SelfieSegmentation;
  const solution = new Ctor({ locateFile: (file) => mediaUrl(file) });
  solution.setOptions({ modelSelection: 0, selfieMode: false });
  const readback = document.createElement('canvas');
  const ctx = readback.getContext('2d', { willReadFrequently: true })!;
  let pending: ((mask: Float32Array) => void) | null = null;
  let size = { w: 0, h: 0 };
  // The mask is a GPU texture valid only inside this callback: read it back here.
  solution.onResults((results: Results) => {
    const { w, h } = size;
    if (readback.width !== w || readback.height !== h) {
      readback.width = w;
      readback.height = h;
    }
    ctx.clearRect(0, 0, w, h);
    ctx.drawImage(results.segmentationMask, 0, 0, w, h);
    const data = ctx.getImageData(0, 0, w, h).data;
    const mask = new Float32Array(w * h);
    // The confidence is in the mask's alpha (and red) channel.
    for (let i = 0; i < mask.length; i++) mask[i] = Math.max(data[i * 4]!, data[i * 4 + 3]!) / 255;
    pending?.(mask);
    pending = null;
  });
  await solution.initialize();
  return {
    async segment(image, maskW, maskH) {
      size = { w: maskW, h: maskH };
      const result = new Promise<Float32Array>((resolve) => (pending = resolve));
      await solution.send({ image });
      return result;
    },
    close: () => solution.close(),
  };
}
