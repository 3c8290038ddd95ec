/**
 * The microphone of one session, with or without noise suppression. Suppression is wanted by
 * default where the backend can run it; when its files or worklet fail, the call goes on with the
 * plain microphone and the state says `failed` (the customer hears nothing of it but a calmer
 * switch).
 */
import type { AudioTransformDevice } from 'amazon-chime-sdk-js';
import type { EffectState } from './call-types';
import type { MediaEffects, MediaSession } from './media-session';
import type { SnapshotStore } from './snapshot-store';

/** The microphone of session `s`; `wanted` is whether suppression should be on (if supported). */
export function createMicrophone(
  s: MediaSession,
  store: SnapshotStore,
  effects: MediaEffects | undefined,
  wanted: boolean,
) {
  let suppress = wanted;
  let current: AudioTransformDevice | null = null;
  let deviceId: string | null = null;
  let turn = 0;
  let stopWaiting = () => undefined as void;
  /** Ends the microphone's own track sent while Web Audio is held (see `plain`). */
  let direct: (() => Promise<void>) | null = null;
  const endDirect = async () => {
    const end = direct;
    direct = null;
    await end?.().catch((error: unknown) =>
      console.warn('<connect-video-call>: the microphone could not be switched back', error),
    );
  };
  const setState = (noiseSuppression: EffectState) =>
    store.update((st) => ({ effects: { ...st.effects, noiseSuppression } }));
  const replaced = (next: AudioTransformDevice | null) => {
    const old = current;
    current = next;
    if (old && old !== next) void old.stop().catch(() => undefined);
  };
  setState(effects?.noiseSuppression ? 'off' : 'unavailable');
  /**
   * The plain microphone `id`. Where the session carries it through Web Audio and the browser holds
   * that (`held`), the graph would send silence: the microphone's own track goes out meanwhile.
   */
  const plain = async (id: string, mine: number, held: boolean) => {
    await s.startAudioInput(id);
    replaced(null);
    await endDirect();
    if (!held || !effects?.directMicrophone || mine !== turn) return;
    const end = await effects.directMicrophone(id);
    if (mine === turn) direct = end;
    else await end();
  };
  const mic = {
    /** Starts (or switches to) microphone `id`, suppressed when wanted and possible. */
    async start(id: string): Promise<void> {
      const mine = ++turn;
      deviceId = id;
      stopWaiting();
      if (!suppress || !effects?.noiseSuppression) {
        await plain(id, mine, !!effects?.noiseSuppression && !(await effects.webAudioReady()));
        if (effects?.noiseSuppression) setState('off');
        return;
      }
      setState('loading');
      if (!(await effects.webAudioReady())) {
        // The browser holds Web Audio until the page's first gesture: the call must not wait for
        // it, so the plain microphone runs meanwhile and suppression follows once audio runs.
        await plain(id, mine, true);
        if (mine !== turn) return;
        stopWaiting = effects.whenWebAudioRuns(() => {
          if (mine === turn && suppress && deviceId !== null)
            mic.start(deviceId).catch((error: unknown) => {
              console.warn('<connect-video-call>: noise suppression did not start', error);
              setState('failed');
            });
        });
        return;
      }
      const device = effects.suppressedMicrophone(id);
      try {
        await s.startAudioInput(device);
      } catch (error) {
        void device.stop().catch(() => undefined);
        console.warn('<connect-video-call>: noise suppression did not start', error);
        await plain(id, mine, false);
        if (mine === turn) setState('failed');
        return;
      }
      replaced(device);
      await endDirect();
      if (mine === turn) setState('on');
    },
    /** Turns suppression on or off for the microphone in use (a no-op before it started). */
    async setSuppression(on: boolean): Promise<void> {
      suppress = on;
      if (deviceId !== null) await mic.start(deviceId);
      else if (effects?.noiseSuppression) setState('off');
    },
    /** Frees the suppressor (after the session released the microphone). */
    release(): void {
      turn++;
      stopWaiting();
      replaced(null);
      void endDirect();
    },
  };
  return mic;
}
