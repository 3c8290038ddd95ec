/**
 * Loads the background compositor and the segmenter in their own lazy chunk (MediaPipe and the
 * model are fetched here, not before). One segmenter per page, shared by the pre-call preview and
 * the call, so the model initialises once; it lives as long as the page.
 */
import type { BackgroundEffect } from '../call-types';
import type { Compositor } from './background-compositor';
import type { Segmenter } from './selfie-segmenter';

let segmenter: Promise<Segmenter> | null = null;

/** A compositor starting with `effect`, over the page's segmenter (loaded on first use). */
export async function loadCompositor(effect: BackgroundEffect): Promise<Compositor> {
  const [{ createCompositor }, { loadSegmenter }] = await Promise.all([
    import('./background-compositor'),
    import('./selfie-segmenter'),
  ]);
  segmenter ??= loadSegmenter();
  segmenter.catch(() => (segmenter = null));
  const shared = await segmenter;
  // Closing a compositor must not close the shared segmenter.
  return createCompositor({ segment: shared.segment, close: async () => undefined }, effect);
}
