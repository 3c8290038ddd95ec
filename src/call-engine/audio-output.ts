/**
 * The meeting's remote audio: one `<audio>` element the session plays into, and the autoplay check
 * behind the "Start audio" button (browsers may refuse to play without a user gesture).
 */
import type { SnapshotStore } from './snapshot-store';

export interface AudioOutput {
  element: HTMLAudioElement | null;
  /** Tries to play; sets `audioBlocked` when the browser refuses. */
  play(): Promise<void>;
  pause(): void;
}

export function createAudioOutput(
  store: SnapshotStore,
  element: HTMLAudioElement | null,
): AudioOutput {
  return {
    element,
    async play() {
      if (!element) return;
      try {
        await element.play();
        store.update({ audioBlocked: false });
      } catch (error) {
        if (error instanceof Error && error.name === 'NotAllowedError')
          store.update({ audioBlocked: true });
      }
    },
    pause: () => element?.pause(),
  };
}
