/**
 * The customer's name and device choices, remembered on this device (localStorage) so the next
 * call, or Call again, starts where they left off. Storage may be unavailable (private mode, a
 * sandboxed frame): then nothing is remembered and nothing breaks.
 */

export interface RememberedChoices {
  displayName?: string;
  camera?: string;
  microphone?: string;
  speaker?: string;
  video?: boolean;
  noiseSuppression?: boolean;
}

const KEY = 'connect-video-call:choices';

function storage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

/** What was remembered (only well-typed fields). */
export function loadChoices(): RememberedChoices {
  try {
    const raw: unknown = JSON.parse(storage()?.getItem(KEY) ?? '{}');
    if (!raw || typeof raw !== 'object') return {};
    const r = raw as Record<string, unknown>;
    const str = (k: string) => (typeof r[k] === 'string' && r[k] ? { [k]: r[k] } : {});
    return {
      ...str('displayName'),
      ...str('camera'),
      ...str('microphone'),
      ...str('speaker'),
      ...(typeof r.video === 'boolean' ? { video: r.video } : {}),
      ...(typeof r.noiseSuppression === 'boolean' ? { noiseSuppression: r.noiseSuppression } : {}),
    };
  } catch {
    return {};
  }
}

/** Merges `choices` into what is remembered. */
export function saveChoices(choices: RememberedChoices): void {
  try {
    storage()?.setItem(KEY, JSON.stringify({ ...loadChoices(), ...choices }));
  } catch {
    // storage full or blocked: remembering is a convenience only
  }
}
