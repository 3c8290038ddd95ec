/**
 * React bindings of the call engine: `useCallSnapshot` selects the part of the snapshot a screen
 * shows (re-rendering only when that part changes), and `useTileRef` binds a `<video>` element to a
 * tile by id. Imports no SDK code (the engine is passed in).
 */
import { useCallback, useRef, useSyncExternalStore } from 'react';
import type { CallEngine } from './call-engine-api';
import type { CallSnapshot } from './call-types';
import { initialSnapshot } from './snapshot-store';

const idle = initialSnapshot();
const noop = () => () => undefined;

/**
 * True when both are the same plain data: `Object.is`-equal, or objects (arrays) with the same keys
 * whose values are equal in turn. The `isEqual` for selectors that build a new object or array
 * (a tile, the participants) on every snapshot; selections are small, so comparing them is cheap.
 */
export function equalData<T>(a: T, b: T): boolean {
  if (Object.is(a, b)) return true;
  if (!a || !b || typeof a !== 'object' || typeof b !== 'object') return false;
  const ka = Object.keys(a) as Array<keyof T>;
  return ka.length === Object.keys(b).length && ka.every((k) => equalData(a[k], b[k]));
}

/**
 * The selected part of the engine's snapshot (of an idle snapshot while no engine exists yet). The
 * component re-renders only when `isEqual` (default `Object.is`) says the selection changed.
 */
export function useCallSnapshot<T>(
  engine: CallEngine | null | undefined,
  select: (s: CallSnapshot) => T,
  isEqual: (a: T, b: T) => boolean = Object.is,
): T {
  const last = useRef<{ snap: CallSnapshot; select: typeof select; value: T } | null>(null);
  const read = () => {
    const snap = engine ? engine.getSnapshot() : idle;
    const prev = last.current;
    if (prev && prev.snap === snap && prev.select === select) return prev.value;
    const next = select(snap);
    // Keep the previous selection's identity while it is equal, so React skips the render.
    const value = prev && isEqual(prev.value, next) ? prev.value : next;
    last.current = { snap, select, value };
    return value;
  };
  return useSyncExternalStore(engine ? engine.subscribe : noop, read, read);
}

/**
 * A ref callback for `<video ref={...}>` that binds the element to `tileId` and unbinds it on
 * unmount, so presentational components never touch the engine's internals.
 */
export function useTileRef(
  engine: CallEngine | null,
  tileId: number | null,
): (el: HTMLVideoElement | null) => void {
  return useCallback(
    (el: HTMLVideoElement | null) => {
      if (!engine || tileId === null) return;
      engine.bindTile(tileId, el);
      return () => engine.bindTile(tileId, null);
    },
    [engine, tileId],
  );
}
