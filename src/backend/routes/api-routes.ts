/**
 * The widget's backend, mounted at `/api`: origin allow-list (CORS), per-client rate limit, JSON
 * errors everywhere, and the call endpoints. Everything reaches Connect through the gateway, so
 * this code is the same against AWS and against the local emulator.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import cors from '@fastify/cors';
import rateLimit from '@fastify/rate-limit';
import type { EntryPointInfo } from '../../shared/call-api';
import { ApiHttpError, apiNotFound, handleApiError } from './api-errors';
import type { ApiDeps } from './api-deps';
import { isOwnOrigin, LOOPBACK_HOSTS } from '../own-origin';
import { registerCallActions } from './call-actions';
import { registerRating } from './rating';
import { registerAwayAndBack } from './away-and-back';
import { registerStartCall } from './start-call';

/** Registers every /api route (entry points, calls and their actions) on `app`. */
export async function registerApi(app: FastifyInstance, deps: ApiDeps) {
  const { allowedOrigins } = deps.security;
  const trustedHosts = deps.security.trustedHosts ?? LOOPBACK_HOSTS;
  const listed = (origin: string) =>
    allowedOrigins.includes('*') || allowedOrigins.includes(origin);
  // A page this server served itself (e.g. opened at 127.0.0.1 while PUBLIC_URL says localhost) is
  // same-origin.
  const originAllowed = (origin: string, req: FastifyRequest) =>
    listed(origin) || isOwnOrigin(req.raw, trustedHosts);

  app.setErrorHandler(handleApiError);

  app.setNotFoundHandler((req, reply) => reply.status(404).send(apiNotFound(req.method, req.url)));
  await app.register(cors, {
    // Same-origin pages need no CORS grant; the grant is for the listed origins only.
    origin: (origin, cb) => cb(null, !origin || listed(origin)),
    methods: ['GET', 'POST'],
    allowedHeaders: ['content-type', 'authorization'],
    maxAge: 600,
  });
  // CORS only stops the browser from reading answers; refuse the request itself from a foreign
  // page.
  app.addHook('onRequest', async (req) => {
    const origin = req.headers.origin;
    if (origin && !originAllowed(origin, req))
      throw new ApiHttpError(
        403,
        'AccessDeniedException',
        `Origin ${origin} is not allowed to use this API.`,
      );
  });
  await app.register(rateLimit, {
    max: deps.security.rateLimitPerMinute,
    timeWindow: 60_000,
    allowList: (req) => req.method === 'OPTIONS',
    errorResponseBuilder: (_req, ctx) =>
      new ApiHttpError(
        429,
        'ThrottlingException',
        `Too many requests: at most ${ctx.max} per minute from one client. Try again in ${Math.ceil(ctx.ttl / 1000)} s.`,
        true,
      ),
  });

  app.get('/health', async () => ({ ok: true }));
  app.get<{ Params: { id: string } }>('/entry-points/:id', async (req) => {
    const ep = deps.entryPoints.get(req.params.id);
    if (!ep)
      throw new ApiHttpError(
        404,
        'ResourceNotFoundException',
        `Unknown entry point "${req.params.id}".`,
      );
    const info: EntryPointInfo = {
      id: ep.id,
      allowedCapabilities: ep.allowedCapabilities,
      allowedAttributes: ep.allowedAttributes,
      requiresCustomerToken: ep.requireCustomerToken || Boolean(deps.security.requireCustomerJwt),
      rating: ep.rating,
      rejoinGraceSeconds: deps.deferredEnds ? ep.rejoinGraceSeconds : 0,
    };
    return info;
  });
  registerStartCall(app, deps);
  registerCallActions(app, deps);
  registerRating(app, deps);
  registerAwayAndBack(app, deps);
}
