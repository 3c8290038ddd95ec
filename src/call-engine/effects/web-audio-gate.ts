/**
 * Whether Web Audio may run yet. Firefox and Safari keep an AudioContext suspended until the page
 * has had a user gesture, and `resume()` then waits for one: the SDK awaits exactly that before it
 * applies an audio transform device, so noise suppression chosen on a page with no gesture yet (a
 * call rejoined by itself after a reload, or any start not driven by a click) would hold the whole
 * call start forever. The microphone asks here first, goes plain while audio is held, and comes
 * back through suppression once the context runs (the page's next gesture resumes it).
 */
import { DefaultDeviceController } from 'amazon-chime-sdk-js';

/**
 * Events that carry user activation in every engine (HTML's activation-triggering input events).
 */
const GESTURES = ['pointerdown', 'pointerup', 'keydown', 'touchend'] as const;

/** How long a resume on a page that has had a gesture may take before audio counts as held. */
const RESUME_GRACE_MS = 1000;

/** The SDK may run on an offline context (tests, some embeddings): it needs no resuming. */
const offline = (context: BaseAudioContext) =>
  typeof OfflineAudioContext === 'function' && context instanceof OfflineAudioContext;

/** Whether the page has had a user gesture, where the browser says (`navigator.userActivation`). */
function hadGesture(): boolean {
  const activation = (navigator as Navigator & { userActivation?: { hasBeenActive: boolean } })
    .userActivation;
  return activation?.hasBeenActive ?? true;
}

/**
 * True when the SDK's audio context runs (resuming it when the page has had a gesture); false,
 * without waiting for a gesture, when the browser holds it.
 */
export async function webAudioReady(): Promise<boolean> {
  const context = DefaultDeviceController.getAudioContext();
  if (offline(context) || context.state === 'running') return true;
  if (context.state === 'closed' || !hadGesture()) return false;
  // Safari asks for the gesture itself (transient activation), not only that there was one: a
  // resume that does not come at once means audio is held, and the gesture path below takes over.
  let timer: ReturnType<typeof setTimeout> | undefined;
  await Promise.race([
    context.resume().catch(() => undefined),
    new Promise((resolve) => (timer = setTimeout(resolve, RESUME_GRACE_MS))),
  ]);
  clearTimeout(timer);
  return (context.state as AudioContextState) === 'running';
}

/**
 * Calls `then` once the SDK's audio context runs: the page's next gesture resumes it (a resume
 * inside a gesture handler is allowed everywhere). Returns a function that stops waiting.
 */
export function whenWebAudioRuns(then: () => void): () => void {
  const context = DefaultDeviceController.getAudioContext();
  if (offline(context)) {
    then();
    return () => undefined;
  }
  const resume = () => void context.resume().catch(() => undefined);
  const changed = () => {
    if (context.state === 'closed') stop();
    else if (context.state === 'running') {
      stop();
      then();
    }
  };
  const stop = () => {
    for (const type of GESTURES) document.removeEventListener(type, resume, true);
    context.removeEventListener('statechange', changed);
  };
  for (const type of GESTURES) document.addEventListener(type, resume, true);
  context.addEventListener('statechange', changed);
  changed();
  return stop;
}
