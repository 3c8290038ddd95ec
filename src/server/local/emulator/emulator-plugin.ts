/**
 * The emulator as a Fastify plugin (mounted at `/aws`, behind the front door that checks hosts,
 * origins, signatures and rates): its own body parsing, routing and error handling, so every answer is AWS-shaped JSON with `x-amzn-RequestId` — also for unknown routes,
 * bad JSON and oversized bodies, which Fastify would otherwise answer in its own shape.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { AwsError, connectError, participantError, unknownOperation } from './aws-error';
import type { EmulatorDeps } from './emulator-context';
import { matchRoute, pathSegments } from './emulator-routes';

const BODY_LIMIT = 1_048_576;

function send(reply: FastifyReply, status: number, body: unknown, errorType?: string): FastifyReply {
  reply.code(status).header('x-amzn-RequestId', randomUUID()).header('content-type', 'application/json');
  if (errorType) reply.header('x-amzn-ErrorType', errorType);
  return reply.send(JSON.stringify(body));
}

const isParticipantPath = (url: string) => url.includes('/participant/');

function sendError(deps: EmulatorDeps, req: FastifyRequest, reply: FastifyReply, err: unknown): FastifyReply {
  const participant = isParticipantPath(req.url);
  let error: AwsError;
  if (err instanceof AwsError) error = err;
  else {
    const status = (err as { statusCode?: number }).statusCode;
    if (status && status >= 400 && status < 500) {
      const message = status === 413 ? `The request body is larger than ${BODY_LIMIT} bytes` : (err as Error).message;
      error = participant ? participantError.validation(message) : connectError.invalidRequest(message);
    } else {
      deps.logger.error({ err, url: req.url.split('?')[0] }, 'emulator operation failed');
      error = participant ? participantError.internal('The local emulator failed to process the request') : connectError.internal('The local emulator failed to process the request');
    }
  }
  return send(reply, error.status, { Message: error.message, __type: error.type }, error.type);
}

function parseBody(raw: unknown, participant: boolean): Record<string, unknown> {
  if (typeof raw !== 'string' || raw.trim() === '') return {};
  let body: unknown;
  try {
    body = JSON.parse(raw);
  } catch (err) {
    const message = `The request body is not valid JSON: ${(err as Error).message}`;
    throw participant ? participantError.validation(message) : connectError.invalidRequest(message);
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw participant ? participantError.validation('The request body must be a JSON object') : connectError.invalidRequest('The request body must be a JSON object');
  }
  return body as Record<string, unknown>;
}

/** Builds the emulator plugin over its dependencies. */
export function createEmulatorPlugin(deps: EmulatorDeps): FastifyPluginAsync {
  return async (app) => {
    app.removeAllContentTypeParsers();
    app.addContentTypeParser('*', { parseAs: 'string', bodyLimit: BODY_LIMIT }, (_req, body, done) => done(null, body));
    app.setErrorHandler((err, req, reply) => sendError(deps, req, reply, err));
    app.setNotFoundHandler((req, reply) => sendError(deps, req, reply, unknownOperation(req.method, req.url.split('?')[0] ?? '')));

    app.route({
      method: ['GET', 'PUT', 'POST', 'DELETE', 'PATCH', 'OPTIONS'], // OPTIONS: the front door answers preflights
      url: '/*',
      bodyLimit: BODY_LIMIT,
      handler: async (req, reply) => {
        const rawPath = (req.raw.url ?? '').split('?')[0] ?? '';
        const segments = pathSegments(rawPath.slice(app.prefix.length));
        const match = segments && matchRoute(req.method, segments);
        if (!match) throw unknownOperation(req.method, rawPath);
        const bearer = req.headers['x-amz-bearer'];
        const result = match.route.operation(deps, {
          labels: match.labels,
          query: new URL(req.raw.url ?? '/', 'http://localhost').searchParams,
          body: parseBody(req.body, match.route.participant),
          ...(typeof bearer === 'string' && bearer ? { bearer } : {}),
          protocol: req.protocol,
          host: req.headers.host ?? 'localhost',
        });
        return send(reply, 200, result ?? {});
      },
    });
  };
}
