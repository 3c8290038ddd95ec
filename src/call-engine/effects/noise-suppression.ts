/**
 * Noise suppression of the customer's microphone: RNNoise (wasm, SIMD build where the browser has
 * SIMD) in an AudioWorklet, as the Chime SDK's {@link AudioTransformDevice}. The worklet and wasm
 * come from the widget's origin (effect-assets.ts) and are fetched the first time suppression is
 * used. Kept out of the engine chunk: the package's node class extends `AudioWorkletNode`, which
 * does not exist in every browser, so it is imported only when used.
 */
import type { AudioTransformDevice, AudioNodeSubgraph, Device } from 'amazon-chime-sdk-js';
import { mediaUrl } from './effect-assets';

/** AudioWorklet and WebAssembly exist (and the page is a secure context, where worklets run). */
export function noiseSuppressionSupported(g: typeof globalThis = globalThis): boolean {
  return (
    typeof g.AudioWorkletNode === 'function' &&
    typeof g.WebAssembly === 'object' &&
    g.isSecureContext !== false
  );
}

type Suppressor = typeof import('@sapphi-red/web-noise-suppressor');

let library: Promise<{ lib: Suppressor; wasm: ArrayBuffer }> | null = null;
const workletLoaded = new WeakMap<BaseAudioContext, Promise<void>>();

/** Downloads the suppressor's code and wasm once per page (a failure is retried next time). */
export function loadNoiseSuppression(): Promise<{ lib: Suppressor; wasm: ArrayBuffer }> {
  library ??= (async () => {
    const lib = await import('@sapphi-red/web-noise-suppressor');
    const wasm = await lib.loadRnnoise({
      url: mediaUrl('rnnoise.wasm'),
      simdUrl: mediaUrl('rnnoise_simd.wasm'),
    });
    return { lib, wasm };
  })();
  library.catch(() => (library = null));
  return library;
}

/** The worklet module in `context`, added once per context. */
function addWorklet(context: BaseAudioContext): Promise<void> {
  let loaded = workletLoaded.get(context);
  if (!loaded) {
    loaded = context.audioWorklet.addModule(mediaUrl('rnnoise-worklet.js'));
    workletLoaded.set(context, loaded);
    loaded.catch(() => workletLoaded.delete(context));
  }
  return loaded;
}

/** The microphone `deviceId` through RNNoise; `stop()` frees the worklet's wasm state. */
export function createNoiseSuppressor(deviceId: string): AudioTransformDevice {
  let node: AudioWorkletNode & { destroy(): void } = null!;
  let created = false;
  return {
    intrinsicDevice: async (): Promise<Device> => deviceId,
    async createAudioNode(context: AudioContext): Promise<AudioNodeSubgraph> {
      const { lib, wasm } = await loadNoiseSuppression();
      await addWorklet(context);
      if (created) node.destroy();
      // The wasm is copied into the worklet: the cached buffer stays usable for the next device.
      node = new lib.RnnoiseWorkletNode(context, { maxChannels: 1, wasmBinary: wasm.slice(0) });
      created = true;
      return { start: node, end: node };
    },
    // Muted audio is not sent anyway; the worklet keeps running so unmuting is instant.
    mute: async () => undefined,
    async stop() {
      if (!created) return;
      node.disconnect();
      node.destroy();
      created = false;
    },
  };
}
