/**
 * What a handler (Fetch, Node, Lambda) serves: either an app you built (tests, custom wiring) or a
 * configuration, validated at once and built through the composition root on first use. Handlers
 * serve Amazon Connect (`CONNECT_MODE=aws`); the local contact center needs the standalone server.
 */
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import pino from 'pino';
import { buildServer } from '../build-server';
import type { EntryPoint } from '../entry-points';
import { loggerOptions } from '../logging';
import { loadServerConfig, type ServerConfig, type ServerConfigInput } from '../server-config';

/**
 * What a handler serves: an app built by the caller, or a configuration the handler builds one from
 * (once, on its first request).
 */
export type HandlerSource =
  | { app: FastifyInstance | Promise<FastifyInstance> }
  | {
      /** The settings of the configuration table (README), as strings or typed values. */
      config: ServerConfigInput | ServerConfig;
      /** Entry points in code; otherwise ENTRY_POINTS_FILE. */
      entryPoints?: EntryPoint[];
      logger?: FastifyBaseLogger;
    };

/**
 * Validates the source now (a bad setting throws here, not at the first request) and starts
 * building.
 */
export function prepareApp(source: HandlerSource): Promise<FastifyInstance> {
  if ('app' in source) return Promise.resolve(source.app).then(readyApp);
  const config = loadServerConfig(source.config);
  if (config.CONNECT_MODE !== 'aws') {
    throw new Error(
      'CONNECT_MODE must be "aws" for a mounted handler: the local contact center runs only in the standalone server (npm start).',
    );
  }
  if (!config.SESSION_SECRET) {
    throw new Error(
      'SESSION_SECRET is required for a mounted handler: its instances must share the key that signs call tokens.',
    );
  }
  if (!source.entryPoints && !config.ENTRY_POINTS_FILE)
    throw new Error('No entry points: pass entryPoints or set ENTRY_POINTS_FILE.');
  // Made here, not inside buildServer, so a start that fails is logged where the answer says.
  const logger =
    source.logger ?? (pino(loggerOptions(config.LOG_LEVEL) as object) as FastifyBaseLogger);
  const built = buildServer(config, {
    ...(source.entryPoints ? { entryPoints: source.entryPoints } : {}),
    logger,
  });
  const ready = built.then(({ app }) => readyApp(app));
  // Logged once, and kept from being an unhandled rejection before the first request awaits it.
  ready.catch((err: unknown) => {
    logger.error({ err }, 'The video-call backend failed to start; every request answers 500.');
  });
  return ready;
}

/** The JSON error a handler answers with when the app could not be built. */
export const startFailure = {
  status: 500,
  body: JSON.stringify({
    error: {
      name: 'InternalServerException',
      message: 'The video-call backend failed to start; see its log.',
      retryable: true,
    },
  }),
};

/** Resolves with the app once its plugins have loaded. */
async function readyApp(app: FastifyInstance): Promise<FastifyInstance> {
  await app.ready();
  return app;
}
