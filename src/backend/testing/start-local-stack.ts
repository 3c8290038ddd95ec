/**
 * Test kit: starts the whole local stack in this process on a free loopback port through the same
 * composition root as main.ts (buildServer), with an isolated data folder and no logs. Integration
 * tests, benchmarks and the CLI tests use it; it reads no environment.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildServer } from '../build-server';
import { freePort } from './free-port';
import { loadServerConfig } from '../server-config';

/** What a test may vary in the local stack; everything else is the shipped local configuration. */
export interface LocalStackOptions {
  /** Reuse a data folder (restart tests); a fresh temporary one otherwise. */
  dataDir?: string;
  configDir?: string;
  rateLimitPerMinute?: number;
  allowedOrigins?: string[];
  /** Serve the built site from this dist folder (browser tests). */
  distDir?: string;
  speech?: boolean;
  /**
   * The emulator's rate limit per client and minute (default: high enough never to bite in tests).
   */
  awsRateLimitPerMinute?: number;
  /**
   * Verify SigV4 signatures on /aws against this credential (LOCAL_AWS_ACCESS_KEY_ID/SECRET in
   * main.ts).
   */
  awsCredentials?: { accessKeyId: string; secretAccessKey: string };
}

/**
 * Starts the local stack on a free loopback port; close it when done (it also removes a data folder
 * it made).
 */
export async function startLocalStack(options: LocalStackOptions = {}) {
  const port = await freePort();
  const ownDataDir = !options.dataDir;
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'cvc-stack-'));
  const config = loadServerConfig({
    CONNECT_MODE: 'local',
    PORT: port,
    HOST: '127.0.0.1',
    LOCAL_DATA_DIR: dataDir,
    LOCAL_CONFIG_DIR: options.configDir ?? 'config/local',
    LOCAL_SPEECH: options.speech ?? false,
    RATE_LIMIT_PER_MINUTE: options.rateLimitPerMinute ?? 100_000,
    ALLOWED_ORIGINS: options.allowedOrigins,
    LOG_LEVEL: 'silent',
    LOCAL_AWS_RATE_LIMIT_PER_MINUTE: options.awsRateLimitPerMinute ?? 100_000,
    LOCAL_AWS_ACCESS_KEY_ID: options.awsCredentials?.accessKeyId,
    LOCAL_AWS_SECRET_ACCESS_KEY: options.awsCredentials?.secretAccessKey,
  });
  const server = await buildServer(config, options.distDir ? { distDir: options.distDir } : {});
  await server.app.listen({ port, host: config.HOST });
  const baseUrl = config.publicUrl;
  return {
    baseUrl,
    emulatorUrl: `${baseUrl}/aws`,
    dataDir,
    app: server.app,
    provider: server.provider,
    async close() {
      await server.close();
      if (ownDataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
/** A running local stack as startLocalStack returns it. */
export type LocalStack = Awaited<ReturnType<typeof startLocalStack>>;
