/**
 * Whether the background effects can run here: WebAssembly and WebGL (MediaPipe's segmentation runs
 * its model through WebGL), a 2D canvas and `captureStream` (the processed picture becomes a
 * track). SDK-free, so the pre-call screen can ask without loading the call engine.
 */
export function backgroundEffectsSupported(
  doc: Document | undefined = globalThis.document,
): boolean {
  if (!doc || typeof WebAssembly !== 'object') return false;
  try {
    const c = doc.createElement('canvas');
    return (
      typeof c.captureStream === 'function' && !!(c.getContext('webgl2') ?? c.getContext('webgl'))
    );
  } catch {
    return false;
  }
}
