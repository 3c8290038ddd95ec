import { describe, expect, it, vi } from 'vitest';
import type { AudioTransformDevice } from 'amazon-chime-sdk-js';
import { createMicrophone } from './session-microphone';
import type { MediaEffects, MediaSession } from './media-session';
import { createSnapshotStore } from './snapshot-store';
import { mediaBase, mediaUrl } from './effects/effect-assets';
import { noiseSuppressionSupported } from './effects/noise-suppression';

const suppressor = () => {
  const device = {
    stop: vi.fn(async () => undefined),
    mute: vi.fn(async () => undefined),
    intrinsicDevice: vi.fn(async () => 'mic'),
  } satisfies AudioTransformDevice;
  return device;
};

function setup(opts: { supported?: boolean; failTransform?: boolean } = {}) {
  const started: unknown[] = [];
  const s = {
    startAudioInput: vi.fn(async (d: unknown) => {
      if (opts.failTransform && typeof d !== 'string') throw new Error('worklet failed');
      started.push(d);
      return undefined;
    }),
  } as unknown as MediaSession;
  const devices: ReturnType<typeof suppressor>[] = [];
  const effects: MediaEffects = {
    noiseSuppression: opts.supported ?? true,
    suppressedMicrophone: vi.fn(() => {
      const d = suppressor();
      devices.push(d);
      return d;
    }),
  };
  const store = createSnapshotStore();
  return { s, store, effects, started, devices };
}

describe('the session microphone', () => {
  it('starts through noise suppression when wanted and supported, and says so', async () => {
    const { s, store, effects, started, devices } = setup();
    const mic = createMicrophone(s, store, effects, true);
    await mic.start('mic-1');
    expect(started).toEqual([devices[0]]);
    expect(effects.suppressedMicrophone).toHaveBeenCalledWith('mic-1');
    expect(store.get().effects.noiseSuppression).toBe('on');
  });

  it('turns suppression off with the plain device and frees the suppressor', async () => {
    const { s, store, effects, started, devices } = setup();
    const mic = createMicrophone(s, store, effects, true);
    await mic.start('mic-1');
    await mic.setSuppression(false);
    expect(started.at(-1)).toBe('mic-1');
    expect(devices[0]!.stop).toHaveBeenCalled();
    expect(store.get().effects.noiseSuppression).toBe('off');
  });

  it('falls back to the plain microphone when the suppressor cannot start', async () => {
    const { s, store, effects, started, devices } = setup({ failTransform: true });
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const mic = createMicrophone(s, store, effects, true);
    await mic.start('mic-1');
    expect(started).toEqual(['mic-1']);
    expect(devices[0]!.stop).toHaveBeenCalled();
    expect(store.get().effects.noiseSuppression).toBe('failed');
  });

  it('uses the plain microphone where suppression cannot run, and says it is unavailable', async () => {
    const { s, store, effects, started } = setup({ supported: false });
    const mic = createMicrophone(s, store, effects, true);
    await mic.start('mic-1');
    await mic.setSuppression(true);
    expect(started).toEqual(['mic-1', 'mic-1']);
    expect(effects.suppressedMicrophone).not.toHaveBeenCalled();
    expect(store.get().effects.noiseSuppression).toBe('unavailable');
  });

  it('keeps the suppressor of a device switch and stops the previous one on release', async () => {
    const { s, store, effects, devices } = setup();
    const mic = createMicrophone(s, store, effects, true);
    await mic.start('mic-1');
    await mic.start('mic-2');
    expect(devices[0]!.stop).toHaveBeenCalled();
    expect(devices[1]!.stop).not.toHaveBeenCalled();
    mic.release();
    expect(devices[1]!.stop).toHaveBeenCalled();
  });
});

describe('effect files and support', () => {
  it('resolves the effect files next to the chunks folder, on the script’s origin', () => {
    const chunk = 'https://widget.example/cvc/chunks/chime-call-engine-abc.js';
    expect(mediaBase(chunk)).toBe('https://widget.example/cvc/media/');
    expect(mediaUrl('rnnoise.wasm', chunk)).toBe('https://widget.example/cvc/media/rnnoise.wasm');
  });

  it('needs AudioWorklet, WebAssembly and a secure context', () => {
    const g = { AudioWorkletNode: class {}, WebAssembly: {}, isSecureContext: true };
    expect(noiseSuppressionSupported(g as unknown as typeof globalThis)).toBe(true);
    expect(
      noiseSuppressionSupported({
        ...g,
        AudioWorkletNode: undefined,
      } as unknown as typeof globalThis),
    ).toBe(false);
    expect(
      noiseSuppressionSupported({ ...g, isSecureContext: false } as unknown as typeof globalThis),
    ).toBe(false);
  });
});
