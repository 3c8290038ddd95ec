/**
 * Phones stop the camera while the page is in the background (iOS always; Android browsers often),
 * and the track does not come back by itself. So on a touch device the widget stops its camera when
 * the page is hidden during a call and starts it again when the page is shown, and tells the agent
 * both times (CAMERA_PAUSE_TOPIC). On desktops switching tabs keeps the camera running, as in any
 * call app there.
 */
import type { CallEngine } from '../call-engine/call-engine-api';
import { CAMERA_PAUSE_TOPIC, type CameraPauseMessage } from '../shared/camera-pause-message';

/** What the watcher reads of the page: its visibility, and where to listen for changes. */
export interface PageVisibility {
  readonly visibilityState: DocumentVisibilityState;
  addEventListener(type: 'visibilitychange', listener: () => void): void;
  removeEventListener(type: 'visibilitychange', listener: () => void): void;
}

/**
 * Pauses and resumes the camera with the page's visibility during a call; returns the stop
 * function.
 */
export function watchBackgroundCamera(engine: CallEngine, page: PageVisibility): () => void {
  let pausedByUs = false;
  const tell = (camera: CameraPauseMessage['camera']) =>
    engine.sendDataMessage(CAMERA_PAUSE_TOPIC, JSON.stringify({ camera }));
  const onChange = () => {
    const snap = engine.getSnapshot();
    if (snap.status.kind !== 'joined') return;
    if (page.visibilityState === 'hidden' && snap.cameraOn && !pausedByUs) {
      pausedByUs = true;
      tell('paused-in-background');
      void engine.setCameraOn(false).catch(() => undefined);
    } else if (page.visibilityState === 'visible' && pausedByUs) {
      pausedByUs = false;
      void engine.setCameraOn(true).then(
        () => tell('resumed'),
        () => undefined, // the camera is gone for good: the engine reports the lost device
      );
    }
  };
  page.addEventListener('visibilitychange', onChange);
  return () => page.removeEventListener('visibilitychange', onChange);
}

/** A phone or tablet (coarse pointer): where browsers stop capture in the background. */
export function isTouchDevice(
  w: { matchMedia?: (q: string) => { matches: boolean } } = globalThis,
) {
  return w.matchMedia?.('(pointer: coarse)').matches ?? false;
}
