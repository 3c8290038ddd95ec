/**
 * The Chime-backed call engine: {@link createMediaCallEngine} over real Chime meeting sessions.
 * This module and its imports are the lazily loaded chunk that carries amazon-chime-sdk-js.
 */
import type { CallEngine } from './call-engine-api';
import { createChimeBackend } from './chime-backend';
import { createMediaCallEngine } from './media-call-engine';

/** Creates an idle engine; `join` starts a call. One engine is one call. */
export function createCallEngine(): CallEngine {
  return createMediaCallEngine(createChimeBackend());
}
