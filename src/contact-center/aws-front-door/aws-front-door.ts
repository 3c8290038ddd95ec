/**
 * The front door of everything served under /aws in local mode, so the emulator behaves towards
 * browsers and strangers as AWS does, whichever service's operations sit behind it:
 * - only the host names the server is configured for (no DNS rebinding), no `Origin: null`, and no
 *   CORS grant except to the server's own pages;
 * - a per-client rate limit (ThrottlingException), waived for the server's own SDK clients, which
 *   /api already limits;
 * - SigV4: a request without a signature is refused (MissingAuthenticationTokenException) unless
 *   its operation is one AWS serves unsigned (the Participant Service's bearer-token calls). Any
 *   access key works by default; with local credentials configured, signatures are verified as AWS
 *   verifies them.
 */
import rateLimit from '@fastify/rate-limit';
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { isOwnOrigin, isTrustedHost } from '../../backend/own-origin';
import { refuse } from './aws-reply';
import { authenticateRequest, type AuthOutcome, type AwsCredential } from './request-auth';

/**
 * What the /aws front door needs: trusted hosts and origins, its rate limit and the credentials it
 * accepts.
 */
export interface AwsFrontDoorOptions {
  /** Host names the server answers to (PUBLIC_URL's, loopback, MEDIA_ICE_ADDRESS). */
  trustedHosts: string[];
  /** Origins of the server's own pages (PUBLIC_URL's); the only ones granted CORS. */
  ownOrigins: string[];
  /** Requests per client IP and minute. */
  rateLimitPerMinute: number;
  /** LOCAL_AWS_ACCESS_KEY_ID / LOCAL_AWS_SECRET_ACCESS_KEY: verify signatures against these. */
  credentials?: AwsCredential;
  /**
   * The server's own SDK clients' credential (random per process): verified always, never
   * throttled.
   */
  internal: AwsCredential;
  /**
   * Paths (below the prefix) whose operations AWS serves without SigV4, authorised by their own
   * tokens.
   */
  unsigned: (path: string) => boolean;
  /** Largest body read for verification (the services' own limit applies after). */
  bodyLimitBytes: number;
}

const ALLOW_HEADERS =
  'authorization, content-type, x-amz-date, x-amz-user-agent, x-amz-content-sha256, x-amz-security-token, x-amz-bearer, amz-sdk-invocation-id, amz-sdk-request';
/** Authentication outcomes, decided while the body is read and acted on before any handler runs. */
const outcomes = new WeakMap<FastifyRequest, AuthOutcome>();

/** Wraps the plugins served under /aws behind the front door. */
export function awsFrontDoor(
  options: AwsFrontDoorOptions,
  plugins: FastifyPluginAsync[],
): FastifyPluginAsync {
  return async (app) => {
    const ownOrigin = (req: FastifyRequest, origin: string) =>
      options.ownOrigins.includes(origin) || isOwnOrigin(req.raw, options.trustedHosts);

    app.addHook('onRequest', async (req, reply) => {
      if (!isTrustedHost(req.raw, options.trustedHosts)) {
        return refuse(
          reply,
          403,
          'AccessDeniedException',
          `The local emulator only answers to ${options.trustedHosts.join(', ')}; set PUBLIC_URL to the name browsers use.`,
        );
      }
      const origin = req.headers.origin;
      if (origin !== undefined && !ownOrigin(req, origin)) {
        return refuse(
          reply,
          403,
          'AccessDeniedException',
          `Origin ${origin} may not use the local emulator.`,
        );
      }
      if (origin !== undefined)
        reply
          .header('access-control-allow-origin', origin)
          .header('access-control-expose-headers', 'x-amzn-RequestId, x-amzn-ErrorType, date')
          .header('vary', 'Origin');
      if (req.method === 'OPTIONS') {
        reply
          .header('access-control-allow-methods', 'GET, PUT, POST, DELETE, PATCH, OPTIONS')
          .header('access-control-allow-headers', ALLOW_HEADERS)
          .header('access-control-max-age', '600');
        return reply.code(200).send();
      }
    });

    // The signature covers the body, so it is checked on the raw bytes, whatever the service parses
    // them as.
    app.addHook('preParsing', async (req, _reply, payload) => {
      const { outcome, body } = await authenticateRequest(req, payload, {
        ...options,
        prefix: app.prefix,
      });
      outcomes.set(req, outcome);
      return body;
    });

    await app.register(rateLimit, { global: false });
    const limit = app.createRateLimit({
      max: options.rateLimitPerMinute,
      timeWindow: 60_000,
      keyGenerator: (req) => req.ip,
    });
    app.addHook('preHandler', async (req, reply) => {
      const outcome = outcomes.get(req);
      if (!outcome?.ok)
        return refuse(
          reply,
          outcome?.status ?? 403,
          outcome?.type ?? 'MissingAuthenticationTokenException',
          outcome?.message ?? 'Missing Authentication Token',
        );
      if (outcome.internal) return;
      const verdict = await limit(req);
      if (!verdict.isAllowed && verdict.isExceeded) {
        reply.header('retry-after', String(verdict.ttlInSeconds));
        return refuse(reply, 429, 'ThrottlingException', 'Rate exceeded');
      }
    });

    for (const plugin of plugins) await app.register(plugin);
  };
}
