/**
 * createApp(deps): the whole HTTP surface, built from its dependencies with no side effects (no env
 * reads, no listening, no timers of its own). main.ts wires real dependencies; tests call this
 * in-process with whatever provider they need.
 */
import Fastify, {
  type FastifyBaseLogger,
  type FastifyInstance,
  type FastifyPluginAsync,
} from 'fastify';
import fastifyStatic from '@fastify/static';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { ApiDeps } from './routes/api-deps';
import { registerApi } from './routes/api-routes';
import { contactRequestLogger } from './routes/request-log';
import { apiNotFound } from './routes/api-errors';
import { guardUpgradeSocket, limitSlowClients, refuseUpgrade } from '../server-common/socket-guard';

/** Handles a WebSocket upgrade it recognises (returns true) or leaves it for the next handler. */
export type UpgradeHandler = (req: IncomingMessage, socket: Duplex, head: Buffer) => boolean;

/**
 * What createApp is built from: the /api dependencies, and optionally the provider's routes,
 * sockets and the site to serve.
 */
export interface AppDeps {
  api: ApiDeps;
  /**
   * Extra route plugins, e.g. the local provider's Connect emulator (`/aws`) and agent desk API
   * (`/local`).
   */
  plugins?: Array<{ prefix: string; plugin: FastifyPluginAsync }>;
  /** WebSocket upgrade handlers, e.g. the media server's `/control/<meetingId>` signaling. */
  upgradeHandlers?: UpgradeHandler[];
  /**
   * Folder with the built widget (dist/) whose `site/` holds the demo pages; omit in API-only
   * tests.
   */
  distDir?: string;
  /** A pino logger (main.ts builds it with secrets redacted); omit to log nothing (tests). */
  logger?: FastifyBaseLogger;
  /** TLS certificate and key: serve HTTPS (needed for cameras on other devices of the LAN). */
  https?: { cert: Buffer; key: Buffer };
  /** How long a client may take to send its headers, and its whole request (body included). */
  timeouts?: { headersMs: number; requestMs: number };
}

/**
 * Defaults for AppDeps.timeouts: generous for a phone on a slow network, short enough to cut a
 * trickle.
 */
export const DEFAULT_TIMEOUTS = { headersMs: 10_000, requestMs: 30_000 };

/**
 * The backend's Fastify app (routes, security headers, CORS, rate limits, socket guards), not
 * listening: the caller mounts or listens.
 */
export async function createApp(deps: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({
    ...(deps.logger ? { loggerInstance: deps.logger } : { logger: false }),
    ...(deps.https ? { https: deps.https } : {}),
    bodyLimit: deps.api.security.bodyLimitBytes,
    trustProxy: deps.api.security.trustProxy,
    requestTimeout: (deps.timeouts ?? DEFAULT_TIMEOUTS).requestMs,
    // On close every connection goes, event streams and WebSockets included: they never end by
    // themselves, so a close would otherwise wait for them forever. Browsers then reconnect.
    forceCloseConnections: true,
    childLoggerFactory: contactRequestLogger,
    // Errors Fastify raises before routing (a malformed percent-encoding) still get a JSON answer
    // in the shape every client of this server understands: the API's, plus AWS's error-type
    // header.
    frameworkErrors: (err, _req, res) => {
      const reply = res as unknown as {
        status(c: number): typeof reply;
        header(k: string, v: string): typeof reply;
        send(b: unknown): void;
      };
      reply
        .status(400)
        .header('x-amzn-errortype', 'InvalidParameterException')
        .send({
          error: {
            name: 'InvalidParameterException',
            message: `Malformed request: ${err.message}`,
            retryable: false,
          },
          Message: `Malformed request: ${err.message}`,
        });
    },
  }) as unknown as FastifyInstance;
  limitSlowClients(app.server, deps.timeouts ?? DEFAULT_TIMEOUTS);
  // The site's static files answer every other GET, so an unknown /api path reaches the root's 404.
  app.setNotFoundHandler((req, reply) =>
    reply
      .status(404)
      .send(
        apiNotFound(
          req.method,
          req.url,
          req.url.startsWith('/api') ? 'No API endpoint' : 'Nothing is served at',
        ),
      ),
  );

  await app.register(async (api) => registerApi(api, deps.api), { prefix: '/api' });
  for (const { prefix, plugin } of deps.plugins ?? []) await app.register(plugin, { prefix });

  if (deps.distDir && existsSync(join(deps.distDir, 'site'))) {
    // The widget bundle at the root (/connect-video-call.js, /chunks/...), the demo pages from
    // site/.
    await app.register(fastifyStatic, {
      root: [join(deps.distDir, 'site'), deps.distDir],
      prefix: '/',
      index: ['index.html'],
      redirect: true,
    });
  }

  const handlers = deps.upgradeHandlers ?? [];
  // Upgraded sockets (WebSockets) are no longer the HTTP server's connections, so the close above
  // does not end them, yet the listener's close waits for them: they go first, and browsers
  // reconnect.
  const upgraded = new Set<Duplex>();
  app.addHook('preClose', async () => {
    for (const socket of upgraded) socket.destroy();
  });
  app.server.on('upgrade', (req, socket, head) => {
    upgraded.add(socket);
    socket.once('close', () => upgraded.delete(socket));
    guardUpgradeSocket(socket);
    for (const handle of handlers) if (handle(req, socket, head)) return;
    refuseUpgrade(socket, '404 Not Found');
  });
  return app;
}
