/**
 * Maps whatever a call attempt threw (an /api error, a device or join error, anything else) to the
 * error the screens show and the `error` event the host page receives.
 */
import { ApiClientError } from '../api/api-fetch';
import { CallEngineError } from '../call-engine/device-errors';
import type { HostEvent, SessionError } from './call-session-types';

/** The error screen's view of a failure. */
export function sessionErrorOf(error: unknown): SessionError {
  if (error instanceof ApiClientError) {
    return {
      kind: 'backend',
      name: error.errorName,
      message: error.message,
      retryable: error.retryable,
      unreachable: error.status === 0,
    };
  }
  if (error instanceof CallEngineError) {
    return {
      kind: error.code === 'join-failed' ? 'join' : 'device',
      code: error.code,
      message: error.message,
    };
  }
  return { kind: 'join', code: 'join-failed', message: String(error) };
}

/** The host page's `error` event for a failure (Connect error name where there is one). */
export function hostErrorOf(error: unknown): Extract<HostEvent, { type: 'error' }> {
  const name =
    error instanceof ApiClientError
      ? error.errorName
      : error instanceof Error
        ? error.name
        : 'Error';
  return { type: 'error', name, message: error instanceof Error ? error.message : String(error) };
}
