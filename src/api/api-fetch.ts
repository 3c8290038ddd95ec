/**
 * The one fetch wrapper of the widget's backend client: JSON in/out, every answer validated with the
 * shared zod schemas, every failure turned into an {@link ApiClientError} carrying the Connect error
 * name, the server's message and whether a retry may help.
 */
import type { z } from 'zod/mini';
import { ApiError } from '../shared/call-api';

/** A failed /api call. `status` is 0 when the backend could not be reached at all. */
export class ApiClientError extends Error {
  constructor(
    readonly errorName: string,
    message: string,
    readonly status: number,
    readonly retryable: boolean,
  ) {
    super(message);
    this.name = 'ApiClientError';
  }
}

export interface ApiRequest<T extends z.ZodMiniType> {
  baseUrl: string;
  path: string;
  schema: T;
  method?: 'GET' | 'POST';
  body?: unknown;
  callToken?: string;
  signal?: AbortSignal;
  /** Lets the request outlive the page (ending a call from `pagehide`). */
  keepalive?: boolean;
}

/** Joins the configured backend URL (with or without a trailing slash, with or without `/api`) and a path. */
export function apiUrl(baseUrl: string, path: string): string {
  const base = baseUrl.replace(/\/+$/, '');
  return `${base.endsWith('/api') ? base : `${base}/api`}${path}`;
}

/** Calls the backend and returns the validated answer, or throws an {@link ApiClientError}. */
export async function apiFetch<T extends z.ZodMiniType>(req: ApiRequest<T>): Promise<z.infer<T>> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (req.body !== undefined) headers['content-type'] = 'application/json';
  if (req.callToken) headers.authorization = `Bearer ${req.callToken}`;
  let res: Response;
  try {
    res = await fetch(apiUrl(req.baseUrl, req.path), {
      method: req.method ?? 'GET',
      headers,
      body: req.body === undefined ? undefined : JSON.stringify(req.body),
      signal: req.signal,
      keepalive: req.keepalive,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiClientError('NetworkError', 'The video-call service could not be reached.', 0, true);
  }
  const json: unknown = await res.json().catch(() => undefined);
  if (!res.ok) {
    const parsed = ApiError.safeParse(json);
    const name = parsed.success ? parsed.data.error.name : `Http${res.status}`;
    const message = parsed.success ? parsed.data.error.message : `The video-call service answered HTTP ${res.status}.`;
    throw new ApiClientError(name, message, res.status, parsed.data?.error.retryable ?? res.status >= 500);
  }
  const parsed = req.schema.safeParse(json);
  if (!parsed.success) throw new ApiClientError('InvalidResponse', `Unexpected answer from ${req.path}: ${parsed.error.issues[0]?.message ?? 'invalid'}`, res.status, false);
  return parsed.data;
}
