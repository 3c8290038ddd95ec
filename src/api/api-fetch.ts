/**
 * The one fetch wrapper of the browser code (the widget's `/api` client and the agent desk's
 * client): JSON in/out, every answer validated with the shared zod schemas, every failure turned
 * into an {@link ApiClientError} carrying the Connect error name, the server's message and whether
 * a retry may help.
 */
// zod/mini's functions accept any zod schema: the widget's are zod/mini (small), the desk's classic
// zod.
import { safeParse, type core } from 'zod/mini';
import { ApiError } from '../shared/call-api';

/**
 * A failed request. `status` is 0 when the backend could not be reached at all. Like the AWS SDK's
 * errors, `name` is the Connect error name (also kept as `errorName`).
 */
export class ApiClientError extends Error {
  constructor(
    readonly errorName: string,
    message: string,
    readonly status: number,
    readonly retryable: boolean,
  ) {
    super(message);
    this.name = errorName;
  }
}

/** One JSON request to a full URL. */
export interface JsonRequest<T extends core.$ZodType> {
  url: string;
  schema: T;
  method?: 'GET' | 'POST';
  body?: unknown;
  callToken?: string;
  signal?: AbortSignal;
  /** Lets the request outlive the page (ending a call from `pagehide`). */
  keepalive?: boolean;
}

/** A request to the widget's backend: `path` under `baseUrl`'s `/api`. */
export type ApiRequest<T extends core.$ZodType> = Omit<JsonRequest<T>, 'url'> & {
  baseUrl: string;
  path: string;
};

/**
 * Joins the configured backend URL (with or without a trailing slash, with or without `/api`) and a
 * path.
 */
export function apiUrl(baseUrl: string, path: string): string {
  const base = baseUrl.replace(/\/+$/, '');
  return `${base.endsWith('/api') ? base : `${base}/api`}${path}`;
}

/**
 * Calls the widget's backend and returns the validated answer, or throws an {@link ApiClientError}.
 */
export function apiFetch<T extends core.$ZodType>({
  baseUrl,
  path,
  ...req
}: ApiRequest<T>): Promise<core.output<T>> {
  return fetchJson({ ...req, url: apiUrl(baseUrl, path) });
}

/** Sends one JSON request and returns the validated answer, or throws an {@link ApiClientError}. */
export async function fetchJson<T extends core.$ZodType>(
  req: JsonRequest<T>,
): Promise<core.output<T>> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (req.body !== undefined) headers['content-type'] = 'application/json';
  if (req.callToken) headers.authorization = `Bearer ${req.callToken}`;
  let res: Response;
  try {
    res = await fetch(req.url, {
      method: req.method ?? 'GET',
      headers,
      body: req.body === undefined ? undefined : JSON.stringify(req.body),
      signal: req.signal,
      keepalive: req.keepalive,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiClientError(
      'NetworkError',
      'The video-call service could not be reached.',
      0,
      true,
    );
  }
  const json: unknown = await res.json().catch(() => undefined);
  if (!res.ok) {
    const parsed = ApiError.safeParse(json);
    const name = parsed.success ? parsed.data.error.name : `Http${res.status}`;
    const message = parsed.success
      ? parsed.data.error.message
      : `The video-call service answered HTTP ${res.status}.`;
    throw new ApiClientError(
      name,
      message,
      res.status,
      parsed.data?.error.retryable ?? res.status >= 500,
    );
  }
  const parsed = safeParse(req.schema, json);
  if (!parsed.success)
    throw new ApiClientError(
      'InvalidResponse',
      `Unexpected answer from ${new URL(req.url, 'http://base').pathname}: ${parsed.error.issues[0]?.message ?? 'invalid'}`,
      res.status,
      false,
    );
  return parsed.data;
}
