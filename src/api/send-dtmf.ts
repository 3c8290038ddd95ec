/** POST /api/calls/:contactId/dtmf — DTMF digits, sent by the backend as SendMessage `audio/dtmf`. */
import { useMutation } from '@tanstack/react-query';
import { SendDtmfResponse } from '../shared/call-api';
import { apiFetch } from './api-fetch';

export function sendDtmf(baseUrl: string, contactId: string, callToken: string, digits: string) {
  return apiFetch({ baseUrl, path: `/calls/${encodeURIComponent(contactId)}/dtmf`, method: 'POST', body: { digits }, callToken, schema: SendDtmfResponse });
}

/** The DTMF mutation for React (one key press = one call). */
export function useSendDtmf(baseUrl: string, contactId: string, callToken: string) {
  return useMutation({ mutationFn: (digits: string) => sendDtmf(baseUrl, contactId, callToken, digits), retry: 1 });
}
