/**
 * POST /api/calls — starts the contact. Never retried automatically: the UI offers "Try again", and
 * a retry of the same attempt reuses the same clientToken, so Connect never creates a second
 * contact.
 */
import { StartCallResponse, type StartCallRequest } from '../shared/call-api';
import { apiFetch } from './api-fetch';

/** A fresh idempotency token for one call attempt (kept across retries of that attempt). */
export function newClientToken(): string {
  return `cvc-${crypto.randomUUID()}`;
}

/** Starts a call; throws ApiClientError. */
export function startCall(baseUrl: string, body: StartCallRequest): Promise<StartCallResponse> {
  return apiFetch({ baseUrl, path: '/calls', method: 'POST', body, schema: StartCallResponse });
}
