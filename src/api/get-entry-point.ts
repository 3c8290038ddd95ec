/** GET /api/entry-points/:id — the capabilities and attributes an entry point allows. */
import { queryOptions } from '@tanstack/react-query';
import { EntryPointInfo } from '../shared/call-api';
import { apiFetch } from './api-fetch';

/** Query options for one entry point; cached for the page's lifetime (it does not change mid-visit). */
export function entryPointQuery(baseUrl: string, entryPoint: string) {
  return queryOptions({
    queryKey: ['entry-point', baseUrl, entryPoint],
    queryFn: ({ signal }) => apiFetch({ baseUrl, path: `/entry-points/${encodeURIComponent(entryPoint)}`, schema: EntryPointInfo, signal }),
    staleTime: Infinity,
    retry: 1,
  });
}
