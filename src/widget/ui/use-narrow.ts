/**
 * True while the viewport is phone-narrow (the widget then fills the screen and folds controls into
 * More).
 */
import { useSyncExternalStore } from 'react';

const QUERY = '(max-width: 480px)';

function subscribe(cb: () => void) {
  const mq = globalThis.matchMedia?.(QUERY);
  mq?.addEventListener('change', cb);
  return () => mq?.removeEventListener('change', cb);
}

/** Whether the widget is narrow (a phone), where the controls fold into More. */
export function useNarrow(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => globalThis.matchMedia?.(QUERY).matches ?? false,
    () => false,
  );
}
