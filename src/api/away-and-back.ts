/**
 * POST /api/calls/:contactId/away (from `pagehide`: the contact ends after the grace period unless
 * the customer comes back) and POST /api/calls/:contactId/back (the page that rejoins).
 */
import { AwayResponse, BackResponse } from '../shared/call-api';
import { apiFetch } from './api-fetch';

/**
 * Tells the backend the customer's page is going; `keepalive` lets it complete while the page
 * unloads.
 */
export function callAway(baseUrl: string, contactId: string, callToken: string) {
  return apiFetch({
    baseUrl,
    path: `/calls/${encodeURIComponent(contactId)}/away`,
    method: 'POST',
    callToken,
    schema: AwayResponse,
    keepalive: true,
  });
}

/** The customer is back: cancels the deferred end; the contact's status and a fresh events URL. */
export function callBack(baseUrl: string, contactId: string, callToken: string) {
  return apiFetch({
    baseUrl,
    path: `/calls/${encodeURIComponent(contactId)}/back`,
    method: 'POST',
    callToken,
    schema: BackResponse,
  });
}
