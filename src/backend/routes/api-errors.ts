/**
 * Turning every failure into the one `/api` error shape: `{ error: { name, message, retryable } }`.
 * Connect's own errors keep their name and message; network failures and server faults become
 * 502/503 with `retryable: true`, so the widget knows a retry (with the same ClientToken) is safe.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ApiError } from '../../shared/call-api';

/** An error with an HTTP status and a Connect-style name, thrown by the routes themselves. */
export class ApiHttpError extends Error {
  constructor(
    readonly status: number,
    override readonly name: string,
    message: string,
    readonly retryable = false,
  ) {
    super(message);
  }
}

interface SdkLikeError {
  name?: string;
  message?: string;
  code?: string;
  statusCode?: number;
  $fault?: 'client' | 'server';
  $metadata?: { httpStatusCode?: number };
  validation?: unknown;
}

/** Maps any thrown value to an HTTP status and the API error body. */
export function toApiError(err: unknown): { status: number; body: ApiError } {
  if (err instanceof ApiHttpError) return body(err.status, err.name, err.message, err.retryable);
  const e = (err ?? {}) as SdkLikeError;
  // Fastify's own errors (body too large, bad JSON) carry a statusCode and an FST_ code.
  if (e.code === 'FST_ERR_CTP_BODY_TOO_LARGE')
    return body(
      413,
      'PayloadTooLargeException',
      'The request body is larger than this server accepts.',
    );
  if (e.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE')
    return body(415, 'InvalidParameterException', 'Send the request body as application/json.');
  if (e.code?.startsWith('FST_ERR_CTP') || (e.statusCode === 400 && e.code))
    return body(
      400,
      'InvalidParameterException',
      `The request body is not valid JSON: ${e.message}`,
    );
  if (e.statusCode === 429)
    return body(429, 'ThrottlingException', e.message ?? 'Too many requests.', true);
  const status = e.$metadata?.httpStatusCode;
  if (status && e.name) {
    // Connect answered: keep its verdict for client errors, report server faults as a bad gateway.
    if (status < 500) return body(status, e.name, e.message ?? e.name, status === 429);
    return body(502, e.name, `Amazon Connect failed: ${e.message ?? e.name}`, true);
  }
  if (isNetworkError(e))
    return body(
      503,
      'ServiceUnavailableException',
      'Amazon Connect could not be reached. Try again.',
      true,
    );
  return body(500, 'InternalServiceException', 'Something went wrong on the server.', true);
}

function isNetworkError(e: SdkLikeError): boolean {
  return ['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'ETIMEDOUT', 'EAI_AGAIN', 'TimeoutError'].some(
    (c) => e.code === c || e.name === c,
  );
}

function body(status: number, name: string, message: string, retryable = false) {
  return { status, body: { error: { name, message, retryable } } };
}

/** The 404 body for a path no endpoint serves (the same inside /api and from the site's root). */
export function apiNotFound(method: string, url: string, what = 'No API endpoint'): ApiError {
  return body(404, 'ResourceNotFoundException', `${what} ${method} ${url.split('?')[0]}.`).body;
}

/**
 * Fastify error handler for the /api scope. Server faults, and throttling by Connect, are logged as
 * one structured `api-error` record (operators' metric filters count them: see infra/): the status,
 * the error's name (Connect's own where Connect answered), whether Connect raised it, the route,
 * and the contact id when the request names one (added to the request's logger by registerApi).
 * Never the request body or a token.
 */
export function handleApiError(err: unknown, req: FastifyRequest, reply: FastifyReply) {
  const { status, body: payload } = toApiError(err);
  const fromConnect = (err as SdkLikeError | undefined)?.$metadata?.httpStatusCode !== undefined;
  if (status >= 500 || (status === 429 && fromConnect)) {
    const record = {
      event: 'api-error',
      status,
      errorName: payload.error.name,
      fromConnect,
      route: req.routeOptions.url,
    };
    if (status >= 500) req.log.error(record, payload.error.message);
    else req.log.warn(record, payload.error.message);
  }
  if (status === 429) reply.header('retry-after', '60');
  return reply.status(status).send(payload);
}
