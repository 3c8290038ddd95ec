/** GET /api/entry-points/:id — the capabilities and attributes an entry point allows. */
import { queryOptions } from '@tanstack/react-query';
import { EntryPointInfo } from '../shared/call-api';
import { ApiClientError, apiFetch, apiUrl } from './api-fetch';

/**
 * A backend that refuses this page's origin answers without CORS headers, so the browser reports a
 * network error. An opaque (no-cors) request that does arrive tells the two apart: reachable, but
 * this origin is not allowed.
 */
async function explainUnreadable(baseUrl: string, error: ApiClientError): Promise<never> {
  const reachable = await fetch(apiUrl(baseUrl, '/health'), { mode: 'no-cors' }).then(
    () => true,
    () => false,
  );
  if (!reachable) throw error;
  throw new ApiClientError(
    'OriginNotAllowed',
    `The backend at ${baseUrl} is reachable but does not allow pages of ${globalThis.location?.origin ?? 'this origin'} (add it to ALLOWED_ORIGINS).`,
    0,
    false,
  );
}

/**
 * Query options for one entry point; cached for the page's lifetime (it does not change mid-visit).
 */
export function entryPointQuery(baseUrl: string, entryPoint: string) {
  return queryOptions({
    queryKey: ['entry-point', baseUrl, entryPoint],
    queryFn: ({ signal }) =>
      apiFetch({
        baseUrl,
        path: `/entry-points/${encodeURIComponent(entryPoint)}`,
        schema: EntryPointInfo,
        signal,
      }).catch((error: unknown) => {
        if (error instanceof ApiClientError && error.status === 0)
          return explainUnreadable(baseUrl, error);
        throw error;
      }),
    staleTime: Infinity,
    // Only an unreachable service is worth a second try; a refusal is final.
    retry: (count, error) =>
      count < 1 && error instanceof ApiClientError && error.errorName === 'NetworkError',
  });
}
