/** POST /api/calls/:contactId/rating — how the call went, stored on the contact by the backend. */
import { RateCallResponse, type RateCallRequest } from '../shared/call-api';
import { apiFetch } from './api-fetch';

/** Sends the customer's rating of an ended call; throws ApiClientError. */
export function rateCall(
  baseUrl: string,
  contactId: string,
  callToken: string,
  rating: RateCallRequest,
) {
  return apiFetch({
    baseUrl,
    path: `/calls/${encodeURIComponent(contactId)}/rating`,
    method: 'POST',
    body: rating,
    callToken,
    schema: RateCallResponse,
  });
}
