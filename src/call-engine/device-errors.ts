/**
 * Classifies getUserMedia / Chime device errors into the engine's error codes, so every screen can
 * show the right guidance ("allow the camera in this browser", "close the other app", ...).
 */
import type { EngineErrorCode } from './call-types';

/** Error thrown by engine commands; `code` is stable, `message` is for logs, never for the UI. */
export class CallEngineError extends Error {
  constructor(
    readonly code: EngineErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'CallEngineError';
  }
}

/**
 * Maps a DOMException-like error (or Chime's PermissionDeniedError etc.) to an engine error code.
 */
export function deviceErrorCode(error: unknown): EngineErrorCode {
  const name = error instanceof Error ? error.name : '';
  if (/NotAllowed|PermissionDenied|Security/.test(name)) return 'permission-denied';
  if (/NotFound|Overconstrained|NotFoundError/.test(name)) return 'device-not-found';
  if (/NotReadable|TrackStart|Abort/.test(name)) return 'device-in-use';
  return 'join-failed';
}

/** Wraps any device failure into a {@link CallEngineError}. */
export function toDeviceError(error: unknown, what: string): CallEngineError {
  if (error instanceof CallEngineError) return error;
  const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return new CallEngineError(deviceErrorCode(error), `${what} failed (${detail})`);
}
