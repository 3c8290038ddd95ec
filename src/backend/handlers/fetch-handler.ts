/**
 * The backend as a Fetch-API handler, `(request) => Promise<Response>`: mounts in Next.js route
 * handlers, Hono, Bun.serve and Deno.serve. Requests run through Fastify's in-process injection, so
 * every route, hook and limit behaves exactly as in the standalone server.
 */
import type { FastifyInstance } from 'fastify';
import { prepareApp, startFailure, type HandlerSource } from './handler-source';

/** A WinterTC-style handler: a standard Request in, a standard Response out. */
export type FetchHandler = (request: Request) => Promise<Response>;

/** Options of a Fetch handler beyond its source. */
export interface FetchHandlerOptions {
  /**
   * The client's IP address for the rate limit (e.g. Bun's `server.requestIP(req)`); default
   * 127.0.0.1.
   */
  clientAddress?: (request: Request) => string | undefined;
}

// Connection-level headers a Response must not carry.
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'content-length']);
const NO_BODY = new Set([101, 204, 205, 304]);

async function toResponse(
  app: FastifyInstance,
  request: Request,
  options: FetchHandlerOptions,
): Promise<Response> {
  const url = new URL(request.url);
  const body =
    request.method === 'GET' || request.method === 'HEAD'
      ? undefined
      : Buffer.from(await request.arrayBuffer());
  const res = await app.inject({
    method: request.method as 'GET',
    url: url.pathname + url.search,
    headers: Object.fromEntries(request.headers),
    ...(body && body.length > 0 ? { payload: body } : {}),
    remoteAddress: options.clientAddress?.(request) ?? '127.0.0.1',
  });
  const headers = new Headers();
  for (const [name, value] of Object.entries(res.headers)) {
    if (value === undefined || HOP_BY_HOP.has(name)) continue;
    for (const v of Array.isArray(value) ? value : [value]) headers.append(name, String(v));
  }
  const empty = NO_BODY.has(res.statusCode) || request.method === 'HEAD';
  return new Response(empty ? null : new Uint8Array(res.rawPayload), {
    status: res.statusCode,
    headers,
  });
}

/** Builds a Fetch-API handler for `/api` (mount it at `/api/*`; paths are kept as they arrive). */
export function createFetchHandler(
  source: HandlerSource,
  options: FetchHandlerOptions = {},
): FetchHandler {
  const ready = prepareApp(source);
  return async (request) => {
    let app: FastifyInstance;
    try {
      app = await ready;
    } catch {
      return new Response(startFailure.body, {
        status: startFailure.status,
        headers: { 'content-type': 'application/json' },
      });
    }
    return toResponse(app, request, options);
  };
}
