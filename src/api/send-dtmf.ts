/**
 * POST /api/calls/:contactId/dtmf — DTMF digits, sent by the backend as SendMessage `audio/dtmf`.
 */
import { SendDtmfResponse } from '../shared/call-api';
import { apiFetch } from './api-fetch';

/**
 * Sends digits; retries of one key press pass the same `clientToken`, so Connect takes them once.
 */
export function sendDtmf(
  baseUrl: string,
  contactId: string,
  callToken: string,
  digits: string,
  clientToken: string,
) {
  return apiFetch({
    baseUrl,
    path: `/calls/${encodeURIComponent(contactId)}/dtmf`,
    method: 'POST',
    body: { digits, clientToken },
    callToken,
    schema: SendDtmfResponse,
  });
}
