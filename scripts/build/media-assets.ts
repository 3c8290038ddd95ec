/**
 * Vite plugin: copies the media-effect runtimes from their npm packages into `<outDir>/media/`,
 * next to the widget's chunks, so the noise-suppression worklet, its wasm and the segmentation
 * model load from the widget's own origin (never a CDN). They are plain copies under fixed names,
 * not bundled: the worklet is an ES module a browser loads with `audioWorklet.addModule`, and
 * MediaPipe's loader fetches its files by name (`locateFile`). The runtime side is
 * src/call-engine/effects/effect-assets.ts.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Plugin } from 'vite';

const require = createRequire(import.meta.url);
/** The folder of a file a package exports (its package.json is not exported by every package). */
const dirOf = (specifier: string) => dirname(require.resolve(specifier));

/** Every copied file: its name under media/ and where it comes from. */
export function mediaAssetSources(): Array<{ name: string; from: string }> {
  const rnnoise = dirOf('@sapphi-red/web-noise-suppressor/rnnoise.wasm');
  const selfie = dirOf('@mediapipe/selfie_segmentation/package.json');
  return [
    { name: 'rnnoise-worklet.js', from: join(rnnoise, 'rnnoise/workletProcessor.js') },
    { name: 'rnnoise.wasm', from: join(rnnoise, 'rnnoise.wasm') },
    { name: 'rnnoise_simd.wasm', from: join(rnnoise, 'rnnoise_simd.wasm') },
    ...[
      'selfie_segmentation.binarypb',
      'selfie_segmentation.tflite',
      'selfie_segmentation_solution_simd_wasm_bin.js',
      'selfie_segmentation_solution_simd_wasm_bin.wasm',
      'selfie_segmentation_solution_wasm_bin.js',
      'selfie_segmentation_solution_wasm_bin.wasm',
    ].map((name) => ({ name, from: join(selfie, name) })),
  ];
}

/** The plugin (build only): emits each file as `media/<name>`. */
export function mediaAssets(): Plugin {
  return {
    name: 'connect-video-call:media-assets',
    apply: 'build',
    generateBundle() {
      for (const { name, from } of mediaAssetSources())
        this.emitFile({ type: 'asset', fileName: `media/${name}`, source: readFileSync(from) });
    },
  };
}
