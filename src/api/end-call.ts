/** POST /api/calls/:contactId/end — DisconnectParticipant for the customer. */
import { EndCallResponse } from '../shared/call-api';
import { apiFetch } from './api-fetch';

/**
 * Ends the customer's participation. Called before leaving the meeting; the widget leaves even if
 * this fails (the contact then ends when Connect notices the customer is gone). `keepalive` lets it
 * complete while the page is being closed.
 */
export function endCall(baseUrl: string, contactId: string, callToken: string) {
  return apiFetch({
    baseUrl,
    path: `/calls/${encodeURIComponent(contactId)}/end`,
    method: 'POST',
    callToken,
    schema: EndCallResponse,
    keepalive: true,
  });
}
