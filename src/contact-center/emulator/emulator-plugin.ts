/**
 * The emulator as a Fastify plugin (mounted at `/aws`, behind the front door that checks hosts,
 * origins, signatures and rates): its own body parsing, routing and error handling for Connect, the
 * Participant Service and Chime SDK Meetings, so every answer is AWS-shaped JSON with
 * `x-amzn-RequestId` — also for unknown routes, bad JSON and oversized bodies, which Fastify would
 * otherwise answer in its own shape.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { AwsError, serviceErrors, unknownOperation, type ServiceFamily } from './aws-error';
import type { EmulatorDeps } from './emulator-context';
import { matchRoute, pathSegments } from './emulator-routes';

const BODY_LIMIT = 1_048_576;

function send(
  reply: FastifyReply,
  status: number,
  body: unknown,
  errorType?: string,
  requestId = randomUUID(),
): FastifyReply {
  reply
    .code(status)
    .header('x-amzn-RequestId', requestId)
    .header('content-type', 'application/json');
  if (errorType) reply.header('x-amzn-ErrorType', errorType);
  return status === 204 ? reply.send() : reply.send(JSON.stringify(body));
}

/** The service a path belongs to, for errors raised before routing (bad JSON, oversized body). */
const serviceOfPath = (url: string): ServiceFamily =>
  url.includes('/participant/')
    ? 'participant'
    : /\/meetings(\/|\?|$)/.test(url)
      ? 'meetings'
      : 'connect';

function sendError(
  deps: EmulatorDeps,
  req: FastifyRequest,
  reply: FastifyReply,
  err: unknown,
): FastifyReply {
  const family = serviceErrors[serviceOfPath(req.url)];
  let error: AwsError;
  if (err instanceof AwsError) error = err;
  else {
    const status = (err as { statusCode?: number }).statusCode;
    if (status && status >= 400 && status < 500) {
      error = family.invalid(
        status === 413
          ? `The request body is larger than ${BODY_LIMIT} bytes`
          : (err as Error).message,
      );
    } else {
      deps.logger.error({ err, url: req.url.split('?')[0] }, 'emulator operation failed');
      error = family.internal('The local emulator failed to process the request');
    }
  }
  const requestId = randomUUID();
  // Chime SDK Meetings errors model `Code` and `RequestId` as body members; the others ignore
  // extras.
  const extra =
    'Code' in error.members ? { ...error.members, RequestId: requestId } : error.members;
  return send(
    reply,
    error.status,
    { ...extra, Message: error.message, __type: error.type },
    error.type,
    requestId,
  );
}

function parseBody(raw: unknown, service: ServiceFamily): Record<string, unknown> {
  if (typeof raw !== 'string' || raw.trim() === '') return {};
  let body: unknown;
  try {
    body = JSON.parse(raw);
  } catch (err) {
    throw serviceErrors[service].invalid(
      `The request body is not valid JSON: ${(err as Error).message}`,
    );
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    throw serviceErrors[service].invalid('The request body must be a JSON object');
  return body as Record<string, unknown>;
}

/**
 * The region of the SigV4 credential scope (`Credential=AKID/date/region/service/aws4_request`), if
 * signed.
 */
function signedRegion(authorization: string | undefined): string | undefined {
  return /Credential=[^/]+\/\d{8}\/([a-z0-9-]+)\//.exec(authorization ?? '')?.[1];
}

/** Builds the emulator plugin over its dependencies. */
export function createEmulatorPlugin(deps: EmulatorDeps): FastifyPluginAsync {
  return async (app) => {
    app.removeAllContentTypeParsers();
    app.addContentTypeParser(
      '*',
      { parseAs: 'string', bodyLimit: BODY_LIMIT },
      (_req, body, done) => done(null, body),
    );
    app.setErrorHandler((err, req, reply) => sendError(deps, req, reply, err));
    app.setNotFoundHandler((req, reply) =>
      sendError(deps, req, reply, unknownOperation(req.method, req.url.split('?')[0] ?? '')),
    );

    app.route({
      // OPTIONS: the front door answers preflights
      method: ['GET', 'PUT', 'POST', 'DELETE', 'PATCH', 'OPTIONS'],
      url: '/*',
      bodyLimit: BODY_LIMIT,
      handler: async (req, reply) => {
        const rawPath = (req.raw.url ?? '').split('?')[0] ?? '';
        const segments = pathSegments(rawPath.slice(app.prefix.length));
        const query = new URL(req.raw.url ?? '/', 'http://localhost').searchParams;
        const match = segments && matchRoute(req.method, segments, query.get('operation'));
        if (!match) throw unknownOperation(req.method, rawPath);
        const bearer = req.headers['x-amz-bearer'];
        const region = signedRegion(req.headers.authorization);
        const result = match.route.operation(deps, {
          labels: match.labels,
          query,
          body: parseBody(req.body, match.route.service),
          ...(typeof bearer === 'string' && bearer ? { bearer } : {}),
          ...(region ? { region } : {}),
          protocol: req.protocol,
          host: req.headers.host ?? 'localhost',
        });
        return send(reply, match.route.status, result ?? {});
      },
    });
  };
}
