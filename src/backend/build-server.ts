/**
 * The composition root: builds the whole server (provider, entry points, security, createApp) from
 * a validated ServerConfig. main.ts, the test stack, the benchmarks and every handler (Fetch, Node,
 * Lambda) build through here, so they all run the same wiring; it reads no environment and does not
 * listen.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import pino from 'pino';
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import { createApp } from './app';
import { entryPointRegistry, EntryPoint, loadEntryPointsFile } from './entry-points';
import { loggerOptions } from './logging';
import { createAwsProvider } from './providers/aws-provider';
import type { ContactCenterProvider } from './providers/provider';
import type { ApiSecurity } from './routes/api-deps';
import type { ServerConfig } from './server-config';
import { selfUrl } from './self-link';
import { join } from 'node:path';
import type { DeferredEnds } from './deferred-end/deferred-ends';
import { startDeferredEndSweeper } from './deferred-end/deferred-end-sweeper';

/** What a caller may give buildServer beyond the configuration. */
export interface BuildOptions {
  /**
   * Entry points given in code (validated like ENTRY_POINTS_FILE); take precedence over the file.
   */
  entryPoints?: EntryPoint[];
  /** Defaults to a pino logger at LOG_LEVEL with secrets redacted. */
  logger?: FastifyBaseLogger;
  /** Serve the built widget and demo pages from this dist folder (the standalone server). */
  distDir?: string;
}

/** A built server: its app, provider and entry points, and how to describe and close it. */
export interface BuiltServer {
  app: FastifyInstance;
  provider: ContactCenterProvider;
  entryPoints: EntryPoint[];
  /** Lines to print at startup: URLs, the provider's ids, the entry points. */
  describe(): string[];
  /** Closes the app, then the provider (emulator, media, SDK clients). */
  close(): Promise<void>;
}

/** The /api security settings a configuration stands for. */
export function apiSecurity(config: ServerConfig): ApiSecurity {
  return {
    allowedOrigins: config.ALLOWED_ORIGINS ?? [new URL(config.publicUrl).origin],
    trustedHosts: config.trustedHosts,
    rateLimitPerMinute: config.RATE_LIMIT_PER_MINUTE,
    bodyLimitBytes: config.BODY_LIMIT_BYTES,
    trustProxy: config.TRUST_PROXY,
    customerJwtSecret: config.CUSTOMER_JWT_SECRET,
    requireCustomerJwt: config.REQUIRE_CUSTOMER_JWT,
    sessionSecret: config.SESSION_SECRET
      ? new TextEncoder().encode(config.SESSION_SECRET)
      : randomBytes(32),
  };
}

async function createProvider(
  config: ServerConfig,
  logger: FastifyBaseLogger,
  tlsCert: string | undefined,
): Promise<ContactCenterProvider> {
  if (config.CONNECT_MODE === 'aws') return createAwsProvider({ region: config.AWS_REGION });
  // Loaded only in local mode, so a handler bundle (aws mode) never initialises SQLite or the media
  // server.
  const { createLocalProvider } = await import('../contact-center/local-provider');
  return createLocalProvider({
    publicUrl: config.publicUrl,
    // The server's own SDK clients reach it where it listens (not PUBLIC_URL, which may be a name
    // only the browsers resolve), trusting its own certificate (often self-signed for a LAN).
    internalUrl: selfUrl({ HOST: config.HOST, PORT: config.PORT, tlsCert }),
    ...(tlsCert ? { internalCert: tlsCert } : {}),
    configDir: config.LOCAL_CONFIG_DIR,
    dataDir: config.LOCAL_DATA_DIR,
    iceAddress: config.MEDIA_ICE_ADDRESS,
    turn: config.MEDIA_TURN_SECRET
      ? { port: config.MEDIA_TURN_PORT, secret: config.MEDIA_TURN_SECRET }
      : undefined,
    speech: config.LOCAL_SPEECH,
    logger,
    trustedHosts: config.trustedHosts,
    awsRateLimitPerMinute: config.LOCAL_AWS_RATE_LIMIT_PER_MINUTE,
    ...(config.LOCAL_AWS_ACCESS_KEY_ID && config.LOCAL_AWS_SECRET_ACCESS_KEY
      ? {
          awsCredentials: {
            accessKeyId: config.LOCAL_AWS_ACCESS_KEY_ID,
            secretAccessKey: config.LOCAL_AWS_SECRET_ACCESS_KEY,
          },
        }
      : {}),
  });
}

const SQLITE_MISSING =
  'The rejoin grace period keeps its deferred ends in a shared store: set DEFERRED_ENDS_TABLE to a DynamoDB ' +
  'table, or install better-sqlite3 (an optional peer dependency of connect-video-call-server) to keep them ' +
  'in a SQLite file (DEFERRED_ENDS_FILE).';

/** True when `err` is Node's failure to find the package `name` (not an error inside it). */
function isMissingPackage(err: unknown, name: string): boolean {
  const e = err as { code?: string; message?: string };
  return (
    (e.code === 'ERR_MODULE_NOT_FOUND' || e.code === 'MODULE_NOT_FOUND') &&
    (e.message ?? '').includes(`'${name}'`)
  );
}

/** The deferred-ends store a configuration names: DynamoDB in the deploy, else a SQLite file. */
async function openDeferredEnds(config: ServerConfig): Promise<DeferredEnds> {
  if (config.DEFERRED_ENDS_TABLE) {
    const { dynamoDeferredEnds } = await import('./deferred-end/dynamo-deferred-ends');
    return dynamoDeferredEnds(config.DEFERRED_ENDS_TABLE);
  }
  // Loaded only here, so a handler bundle with a table never loads SQLite. In the server package
  // better-sqlite3 is an optional peer dependency (no native module is installed unasked).
  const { sqliteDeferredEnds } = await import('./deferred-end/sqlite-deferred-ends').catch(
    (err: unknown) => {
      if (isMissingPackage(err, 'better-sqlite3')) throw new Error(SQLITE_MISSING, { cause: err });
      throw err;
    },
  );
  return sqliteDeferredEnds(
    config.DEFERRED_ENDS_FILE ?? join(config.LOCAL_DATA_DIR, 'deferred-ends.db'),
  );
}

function resolveEntryPoints(
  config: ServerConfig,
  options: BuildOptions,
  provider: ContactCenterProvider,
): EntryPoint[] {
  if (options.entryPoints) return options.entryPoints.map((ep) => EntryPoint.parse(ep));
  if (config.ENTRY_POINTS_FILE) return loadEntryPointsFile(config.ENTRY_POINTS_FILE);
  return provider.defaultEntryPoints;
}

/**
 * Builds the server a configuration describes; the caller decides whether to listen or to mount it.
 */
export async function buildServer(
  config: ServerConfig,
  options: BuildOptions = {},
): Promise<BuiltServer> {
  const logger =
    options.logger ??
    (pino({ ...(loggerOptions(config.LOG_LEVEL) as object) }) as FastifyBaseLogger);
  const tls =
    config.TLS_CERT_FILE && config.TLS_KEY_FILE
      ? { cert: readFileSync(config.TLS_CERT_FILE), key: readFileSync(config.TLS_KEY_FILE) }
      : undefined;
  const provider = await createProvider(config, logger, tls?.cert.toString('utf8'));
  let deferredEnds: DeferredEnds | undefined;
  let stopSweeper = () => undefined as void;
  try {
    deferredEnds = await openDeferredEnds(config);
    if (config.DEFERRED_END_SWEEP)
      stopSweeper = startDeferredEndSweeper({
        ends: deferredEnds,
        gateway: provider.gateway,
        logger,
      });
    const entryPoints = resolveEntryPoints(config, options, provider);
    if (entryPoints.length === 0)
      throw new Error(
        'No entry points: set ENTRY_POINTS_FILE (see README, "Going to production").',
      );
    if (!config.SESSION_SECRET && config.CONNECT_MODE === 'aws') {
      logger.warn(
        'SESSION_SECRET is not set: call tokens will not survive a restart or work across several servers.',
      );
    }
    const app = await createApp({
      api: {
        gateway: provider.gateway,
        entryPoints: entryPointRegistry(entryPoints),
        security: apiSecurity(config),
        deferredEnds,
      },
      plugins: provider.plugins,
      upgradeHandlers: provider.upgradeHandlers,
      logger,
      timeouts: { headersMs: config.HEADERS_TIMEOUT_MS, requestMs: config.REQUEST_TIMEOUT_MS },
      ...(options.distDir ? { distDir: options.distDir } : {}),
      ...(tls ? { https: tls } : {}),
    });
    return {
      app,
      provider,
      entryPoints,
      describe: () => [
        `connect-video-call (${provider.name}) listening on ${config.publicUrl}`,
        `Demo shop: ${config.publicUrl}/`,
        `Widget backend: ${config.publicUrl}/api`,
        ...provider.describe(),
        `Entry points: ${entryPoints.map((e) => e.id).join(', ')}`,
      ],
      close: async () => {
        stopSweeper();
        await app.close();
        deferredEnds?.close();
        await provider.close();
      },
    };
  } catch (err) {
    stopSweeper();
    deferredEnds?.close();
    await provider.close();
    throw err;
  }
}
