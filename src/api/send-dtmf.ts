/** POST /api/calls/:contactId/dtmf — DTMF digits, sent by the backend as SendMessage `audio/dtmf`. */
import { SendDtmfResponse } from '../shared/call-api';
import { apiFetch } from './api-fetch';

export function sendDtmf(baseUrl: string, contactId: string, callToken: string, digits: string) {
  return apiFetch({
    baseUrl,
    path: `/calls/${encodeURIComponent(contactId)}/dtmf`,
    method: 'POST',
    body: { digits },
    callToken,
    schema: SendDtmfResponse,
  });
}
