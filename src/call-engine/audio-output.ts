/**
 * The meeting's remote audio: one `<audio>` element the session plays into, and the autoplay check
 * behind the "Tap to hear the call" button. Safari and phones refuse to play audio without a user
 * gesture; once refused, the next tap or key anywhere on the page (a gesture the browser accepts)
 * starts it again, so the button is a hint, not the only way back.
 */
import type { SnapshotStore } from './snapshot-store';

/** The meeting's remote audio element and its autoplay state. */
export interface AudioOutput {
  element: HTMLAudioElement | null;
  /** Tries to play; sets `audioBlocked` when the browser refuses. */
  play(): Promise<void>;
  pause(): void;
}

const GESTURES = ['pointerdown', 'keydown', 'touchend'] as const;

/** One audio element for the session to play into, with the autoplay check. */
export function createAudioOutput(
  store: SnapshotStore,
  element: HTMLAudioElement | null,
): AudioOutput {
  let disarm: (() => void) | null = null;
  /** Retries play() on the page's next gesture (once). */
  const armGestureRetry = () => {
    const doc = element?.ownerDocument;
    if (!doc || disarm) return;
    const retry = () => {
      disarm?.();
      void output.play();
    };
    for (const type of GESTURES) doc.addEventListener(type, retry, { capture: true });
    disarm = () => {
      for (const type of GESTURES) doc.removeEventListener(type, retry, { capture: true });
      disarm = null;
    };
  };
  const output: AudioOutput = {
    element,
    async play() {
      if (!element) return;
      try {
        await element.play();
        disarm?.();
        store.update({ audioBlocked: false });
      } catch (error) {
        // By name: a DOMException is not an Error instance in every realm.
        if ((error as { name?: unknown } | null)?.name === 'NotAllowedError') {
          store.update({ audioBlocked: true });
          armGestureRetry();
        }
      }
    },
    pause: () => {
      disarm?.();
      element?.pause();
    },
  };
  return output;
}
