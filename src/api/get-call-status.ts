/**
 * GET /api/calls/:contactId — where the contact is (in flow, queued, connected, ended), read from
 * Connect. Polled as the fallback to the contact-events WebSocket.
 */
import { queryOptions } from '@tanstack/react-query';
import { CallStatus } from '../shared/call-api';
import { apiFetch } from './api-fetch';

/** How often the status is polled while the call is not ended. */
const STATUS_POLL_MS = 3000;

/** Query options for the status of one contact; polling stops once it has ended. */
export function callStatusQuery(baseUrl: string, contactId: string, callToken: string) {
  return queryOptions({
    queryKey: ['call-status', baseUrl, contactId],
    queryFn: ({ signal }) =>
      apiFetch({
        baseUrl,
        path: `/calls/${encodeURIComponent(contactId)}`,
        callToken,
        schema: CallStatus,
        signal,
      }),
    refetchInterval: (q) => (q.state.data?.state === 'ended' ? false : STATUS_POLL_MS),
    refetchIntervalInBackground: true,
    retry: 2,
  });
}
