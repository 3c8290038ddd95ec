/**
 * Lazy loader of the Chime-backed engine: the SDK is fetched only when a call starts (or when
 * prefetched), never as part of a UI bundle's initial chunk.
 */
import type { CallEngine } from './call-engine-api';

let pending: Promise<typeof import('./chime-call-engine')> | null = null;

/** Starts downloading the engine chunk without creating anything (idempotent). */
export function prefetchCallEngine(): Promise<unknown> {
  pending ??= import('./chime-call-engine');
  return pending;
}

/**
 * Loads the engine chunk and creates a fresh engine for one call (none once `signal` is aborted).
 */
export async function loadCallEngine(signal?: AbortSignal): Promise<CallEngine> {
  pending ??= import('./chime-call-engine');
  const mod = await pending;
  signal?.throwIfAborted();
  return mod.createCallEngine();
}
