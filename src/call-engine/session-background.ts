/**
 * The background effect of one session's camera. The camera starts through the effect's transform
 * device when an effect is chosen, plainly otherwise; changing between effects only changes the
 * processor, and only plain ↔ effect restarts the camera input (a track replacement, no
 * renegotiation). When the model cannot load, the camera goes on plainly and the state says
 * `failed`.
 */
import type { VideoInputDevice } from 'amazon-chime-sdk-js';
import type { BackgroundEffect, EffectState } from './call-types';
import type { BackgroundCamera } from './effects/background-processor';
import type { MediaEffects } from './media-session';
import type { SnapshotStore } from './snapshot-store';

/** The background of one session, starting with `initial`. */
export function createBackground(
  store: SnapshotStore,
  effects: MediaEffects | undefined,
  initial: BackgroundEffect,
) {
  let effect = initial;
  let camera: BackgroundCamera | null = null;
  const show = (backgroundState: EffectState) =>
    store.update((st) => ({ effects: { ...st.effects, background: effect, backgroundState } }));
  show(initial.kind !== 'none' && !effects?.backgroundCamera ? 'unavailable' : 'off');
  return {
    /**
     * The device to start for camera `deviceId`: through the effect when one is chosen and loads.
     */
    async input(deviceId: string): Promise<VideoInputDevice> {
      if (effect.kind === 'none') return deviceId;
      if (!effects?.backgroundCamera) return (show('unavailable'), deviceId);
      camera ??= effects.backgroundCamera(effect);
      show('loading');
      try {
        await camera.ready();
      } catch (error) {
        console.warn('<connect-video-call>: the background effect did not start', error);
        show('failed');
        return deviceId;
      }
      show('on');
      return camera.device(deviceId);
    },
    /** Changes the effect; true when the camera input must restart (plain ↔ effect). */
    set(next: BackgroundEffect): boolean {
      const wasPlain = effect.kind === 'none' || store.get().effects.backgroundState !== 'on';
      effect = next;
      camera?.setEffect(next);
      const plain = next.kind === 'none';
      if (plain) show('off');
      else if (!wasPlain) show('on');
      else store.update((st) => ({ effects: { ...st.effects, background: next } }));
      return wasPlain !== plain;
    },
    /** The camera now runs plainly: stop the transform device (the model stays loaded). */
    detach: () => void camera?.detach().catch(() => undefined),
    /** Frees the effect (after the session released the camera). */
    release(): void {
      void camera?.stop().catch(() => undefined);
      camera = null;
    },
  };
}
