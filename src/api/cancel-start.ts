/**
 * POST /api/calls/cancel — the customer left while the start request was still in flight: the same
 * body (same clientToken) names that contact, which the backend disconnects. `keepalive` lets it
 * complete while the page is being closed.
 */
import { CancelStartResponse, type StartCallRequest } from '../shared/call-api';
import { apiFetch } from './api-fetch';

/** Cancels the start `body` began (idempotently: the contact is found by its clientToken). */
export function cancelStart(baseUrl: string, body: StartCallRequest) {
  return apiFetch({
    baseUrl,
    path: '/calls/cancel',
    method: 'POST',
    body,
    schema: CancelStartResponse,
    keepalive: true,
  });
}
