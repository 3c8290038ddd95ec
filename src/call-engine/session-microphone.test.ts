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

function setup(opts: { supported?: boolean; failTransform?: boolean; audioHeld?: boolean } = {}) {
  const started: unknown[] = [];
  const s = {
    startAudioInput: vi.fn(async (d: unknown) => {
      if (opts.failTransform && typeof d !== 'string') throw new Error('worklet failed');
      started.push(d);
      return undefined;
    }),
  } as unknown as MediaSession;
  const devices: ReturnType<typeof suppressor>[] = [];
  // Web Audio as a browser holds it until a gesture: `gesture()` lets it run and tells the waiters.
  let audioRuns = !opts.audioHeld;
  const waiters = new Set<() => void>();
  const directs: Array<{ id: string; ended: boolean }> = [];
  const gesture = () => {
    audioRuns = true;
    for (const w of [...waiters]) w();
    waiters.clear();
  };
  const effects: MediaEffects = {
    noiseSuppression: opts.supported ?? true,
    suppressedMicrophone: vi.fn(() => {
      const d = suppressor();
      devices.push(d);
      return d;
    }),
    webAudioReady: async () => audioRuns,
    // The microphone's own track, sent around held Web Audio: which device, and whether it ended.
    directMicrophone: vi.fn(async (id: string) => {
      const sent = { id, ended: false };
      directs.push(sent);
      return async () => void (sent.ended = true);
    }),
    whenWebAudioRuns: (then) => {
      if (audioRuns) {
        then();
        return () => undefined;
      }
      waiters.add(then);
      return () => void waiters.delete(then);
    },
  };
  const store = createSnapshotStore();
  return { s, store, effects, started, devices, gesture, directs, waiting: () => waiters.size };
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

  it('does not wait for a gesture the browser holds Web Audio for: plain first, suppressed once audio runs', async () => {
    const { s, store, effects, started, devices, gesture } = setup({ audioHeld: true });
    const mic = createMicrophone(s, store, effects, true);
    await mic.start('mic-1');
    expect(started).toEqual(['mic-1']);
    expect(effects.suppressedMicrophone).not.toHaveBeenCalled();
    expect(store.get().effects.noiseSuppression).toBe('loading');
    gesture();
    await vi.waitFor(() => expect(started).toEqual(['mic-1', devices[0]]));
    expect(store.get().effects.noiseSuppression).toBe('on');
  });

  it('sends the microphone’s own track while Web Audio is held (its graph would send silence), until suppression runs', async () => {
    const { s, store, effects, directs, gesture } = setup({ audioHeld: true });
    const mic = createMicrophone(s, store, effects, true);
    await mic.start('mic-1');
    expect(directs).toEqual([{ id: 'mic-1', ended: false }]);
    await mic.start('mic-2'); // a switch while held: the new device's own track
    expect(directs).toEqual([
      { id: 'mic-1', ended: true },
      { id: 'mic-2', ended: false },
    ]);
    gesture();
    await vi.waitFor(() => expect(store.get().effects.noiseSuppression).toBe('on'));
    expect(directs[1]!.ended).toBe(true); // the graph carries the suppressed microphone now

    const released = setup({ audioHeld: true });
    const mic2 = createMicrophone(released.s, released.store, released.effects, false);
    await mic2.start('mic-1'); // suppression off, Web Audio held: the own track too
    expect(released.directs).toEqual([{ id: 'mic-1', ended: false }]);
    mic2.release();
    await vi.waitFor(() => expect(released.directs[0]!.ended).toBe(true));
  });

  it('sends no own track where Web Audio runs', async () => {
    const { s, store, effects } = setup();
    const mic = createMicrophone(s, store, effects, false);
    await mic.start('mic-1');
    await mic.setSuppression(true);
    expect(effects.directMicrophone).not.toHaveBeenCalled();
  });

  it('stops waiting for Web Audio when released, or when suppression is turned off meanwhile', async () => {
    const held = setup({ audioHeld: true });
    const mic = createMicrophone(held.s, held.store, held.effects, true);
    await mic.start('mic-1');
    expect(held.waiting()).toBe(1);
    mic.release();
    expect(held.waiting()).toBe(0);

    const off = setup({ audioHeld: true });
    const mic2 = createMicrophone(off.s, off.store, off.effects, true);
    await mic2.start('mic-1');
    await mic2.setSuppression(false);
    off.gesture();
    expect(off.effects.suppressedMicrophone).not.toHaveBeenCalled();
    expect(off.started).toEqual(['mic-1', 'mic-1']);
    expect(off.store.get().effects.noiseSuppression).toBe('off');
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
