/**
 * React binding of the call engine: the current snapshot via useSyncExternalStore, plus a helper
 * that binds a `<video>` element to a tile by id. Imports no SDK code (the engine is passed in).
 */
import { useCallback, useSyncExternalStore } from 'react';
import type { CallEngine } from './call-engine-api';
import type { CallSnapshot } from './call-types';
import { initialSnapshot } from './snapshot-store';

const idle = initialSnapshot();
const noop = () => () => undefined;

/** The engine's snapshot, re-rendering on change; an idle snapshot while no engine exists yet. */
export function useCallEngine(engine: CallEngine | null): CallSnapshot {
  return useSyncExternalStore(engine ? engine.subscribe : noop, engine ? engine.getSnapshot : () => idle, () => idle);
}

/**
 * A ref callback for `<video ref={...}>` that binds the element to `tileId` and unbinds it on
 * unmount, so presentational components never touch the engine's internals.
 */
export function useTileRef(engine: CallEngine | null, tileId: number | null): (el: HTMLVideoElement | null) => void {
  return useCallback(
    (el: HTMLVideoElement | null) => {
      if (!engine || tileId === null) return;
      engine.bindTile(tileId, el);
      return () => engine.bindTile(tileId, null);
    },
    [engine, tileId],
  );
}
