/**
 * The server's entry point and the only place that reads the environment and picks the provider:
 * `CONNECT_MODE=local` (default) runs the built-in contact center, `CONNECT_MODE=aws` talks to a real
 * Amazon Connect instance through the same SDK code path.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import pino from 'pino';
import { createApp } from './app';
import { entryPointRegistry, loadEntryPointsFile, type EntryPoint } from './entry-points';
import { loggerOptions } from './logging';
import { createAwsProvider } from './providers/aws-connect';
import { createLocalProvider } from './providers/local';
import type { ContactCenterProvider } from './providers/provider';
import { readServerConfig } from './server-config';

const config = readServerConfig(process.env);
const logger = pino({ ...(loggerOptions(config.LOG_LEVEL) as object) });
const distDir = fileURLToPath(new URL('../../dist', import.meta.url));

const provider: ContactCenterProvider =
  config.CONNECT_MODE === 'aws'
    ? createAwsProvider({ region: config.AWS_REGION })
    : await createLocalProvider({
        publicUrl: config.publicUrl,
        internalUrl: `${config.TLS_CERT_FILE ? 'https' : 'http'}://127.0.0.1:${config.PORT}`,
        configDir: config.LOCAL_CONFIG_DIR,
        dataDir: config.LOCAL_DATA_DIR,
        iceAddress: config.MEDIA_ICE_ADDRESS,
        turn: config.MEDIA_TURN_SECRET ? { port: config.MEDIA_TURN_PORT, secret: config.MEDIA_TURN_SECRET } : undefined,
        speech: config.LOCAL_SPEECH,
        logger,
      });

const entryPoints: EntryPoint[] = config.ENTRY_POINTS_FILE ? loadEntryPointsFile(config.ENTRY_POINTS_FILE) : provider.defaultEntryPoints;
if (entryPoints.length === 0) throw new Error('No entry points: set ENTRY_POINTS_FILE (see README, "Going to production").');
if (!config.SESSION_SECRET && config.CONNECT_MODE === 'aws') {
  logger.warn('SESSION_SECRET is not set: call tokens will not survive a restart or work across several servers.');
}

const app = await createApp({
  api: {
    gateway: provider.gateway,
    entryPoints: entryPointRegistry(entryPoints),
    security: {
      allowedOrigins: config.ALLOWED_ORIGINS ?? [new URL(config.publicUrl).origin],
      rateLimitPerMinute: config.RATE_LIMIT_PER_MINUTE,
      bodyLimitBytes: config.BODY_LIMIT_BYTES,
      trustProxy: config.TRUST_PROXY,
      customerJwtSecret: config.CUSTOMER_JWT_SECRET,
      requireCustomerJwt: config.REQUIRE_CUSTOMER_JWT,
      sessionSecret: config.SESSION_SECRET ? new TextEncoder().encode(config.SESSION_SECRET) : randomBytes(32),
    },
  },
  plugins: provider.plugins,
  upgradeHandlers: provider.upgradeHandlers,
  distDir,
  logger,
  ...(config.TLS_CERT_FILE && config.TLS_KEY_FILE
    ? { https: { cert: readFileSync(config.TLS_CERT_FILE), key: readFileSync(config.TLS_KEY_FILE) } }
    : {}),
});

await app.listen({ port: config.PORT, host: config.HOST });
const lines = [
  `connect-video-call (${provider.name}) listening on ${config.publicUrl}`,
  `Demo shop: ${config.publicUrl}/`,
  `Widget backend: ${config.publicUrl}/api`,
  ...provider.describe(),
  `Entry points: ${entryPoints.map((e) => e.id).join(', ')}`,
];
console.log(lines.join('\n'));

let closing = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, async () => {
    if (closing) return;
    closing = true;
    await app.close();
    await provider.close();
    process.exit(0);
  });
}
