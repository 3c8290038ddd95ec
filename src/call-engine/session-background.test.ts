import { describe, expect, it, vi } from 'vitest';
import { createBackground } from './session-background';
import type { MediaEffects } from './media-session';
import type { BackgroundCamera } from './effects/background-processor';
import { createSnapshotStore } from './snapshot-store';

function setup(opts: { failLoad?: boolean; supported?: boolean } = {}) {
  const camera = {
    ready: vi.fn(async () => {
      if (opts.failLoad) throw new Error('no WebGL');
    }),
    device: vi.fn((id: string) => ({ transformOf: id }) as never),
    setEffect: vi.fn(),
    detach: vi.fn(async () => undefined),
    stop: vi.fn(async () => undefined),
  } satisfies BackgroundCamera;
  const effects: MediaEffects = {
    noiseSuppression: false,
    suppressedMicrophone: vi.fn(),
    webAudioReady: async () => true,
    whenWebAudioRuns: () => () => undefined,
    ...(opts.supported === false ? {} : { backgroundCamera: vi.fn(() => camera) }),
  };
  return { store: createSnapshotStore(), effects, camera };
}

describe('the session background', () => {
  it('starts the camera plainly without an effect', async () => {
    const { store, effects } = setup();
    const bg = createBackground(store, effects, { kind: 'none' });
    expect(await bg.input('cam')).toBe('cam');
    expect(effects.backgroundCamera).not.toHaveBeenCalled();
  });

  it('starts through the effect once its model loaded, and says on', async () => {
    const { store, effects, camera } = setup();
    const bg = createBackground(store, effects, { kind: 'blur', strength: 'strong' });
    expect(await bg.input('cam')).toEqual({ transformOf: 'cam' });
    expect(camera.ready).toHaveBeenCalled();
    expect(store.get().effects).toMatchObject({
      background: { kind: 'blur', strength: 'strong' },
      backgroundState: 'on',
    });
  });

  it('changes between effects in place and restarts only for plain ↔ effect', async () => {
    const { store, effects, camera } = setup();
    const bg = createBackground(store, effects, { kind: 'none' });
    await bg.input('cam');
    expect(bg.set({ kind: 'blur', strength: 'light' })).toBe(true);
    await bg.input('cam');
    expect(bg.set({ kind: 'image', src: 'builtin:calm' })).toBe(false);
    expect(camera.setEffect).toHaveBeenLastCalledWith({ kind: 'image', src: 'builtin:calm' });
    expect(bg.set({ kind: 'none' })).toBe(true);
    expect(store.get().effects.backgroundState).toBe('off');
  });

  it('goes on with the plain camera when the model cannot load', async () => {
    const { store, effects } = setup({ failLoad: true });
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const bg = createBackground(store, effects, { kind: 'blur', strength: 'light' });
    expect(await bg.input('cam')).toBe('cam');
    expect(store.get().effects.backgroundState).toBe('failed');
  });

  it('says unavailable where the effects cannot run', async () => {
    const { store, effects } = setup({ supported: false });
    const bg = createBackground(store, effects, { kind: 'blur', strength: 'light' });
    expect(await bg.input('cam')).toBe('cam');
    expect(store.get().effects.backgroundState).toBe('unavailable');
  });
});
