/**
 * POST /api/calls — starts the contact. A mutation with `retry: false`: the UI offers "Try again",
 * and a retry of the same attempt reuses the same clientToken, so Connect never creates a second contact.
 */
import { useMutation } from '@tanstack/react-query';
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

/** The start-call mutation for React. */
export function useStartCall(baseUrl: string) {
  return useMutation({ mutationKey: ['start-call', baseUrl], mutationFn: (body: StartCallRequest) => startCall(baseUrl, body), retry: false });
}
