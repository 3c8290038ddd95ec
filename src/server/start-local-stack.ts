/**
 * Starts the whole local stack in this process on a free loopback port, exactly as main.ts wires it
 * (local provider, /api, emulator, media, agent desk) but with an isolated data folder and no logs.
 * Integration tests, benchmarks and the CLI tests use it; it reads no environment.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { createApp } from './app';
import { freePort } from './free-port';
import { entryPointRegistry } from './entry-points';
import { createLocalProvider } from './providers/local';

export interface LocalStackOptions {
  /** Reuse a data folder (restart tests); a fresh temporary one otherwise. */
  dataDir?: string;
  configDir?: string;
  rateLimitPerMinute?: number;
  allowedOrigins?: string[];
  /** Serve the built site from this dist folder (browser tests). */
  distDir?: string;
  speech?: boolean;
  /** The emulator's rate limit per client and minute (default: high enough never to bite in tests). */
  awsRateLimitPerMinute?: number;
  /** Verify SigV4 signatures on /aws against this credential (LOCAL_AWS_ACCESS_KEY_ID/SECRET in main.ts). */
  awsCredentials?: { accessKeyId: string; secretAccessKey: string };
}

export async function startLocalStack(options: LocalStackOptions = {}) {
  const port = await freePort();
  const baseUrl = `http://localhost:${port}`;
  const ownDataDir = !options.dataDir;
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'cvc-stack-'));
  const logger = pino({ level: 'silent' });
  const provider = await createLocalProvider({
    publicUrl: baseUrl,
    internalUrl: `http://127.0.0.1:${port}`,
    configDir: options.configDir ?? 'config/local',
    dataDir,
    logger,
    speech: options.speech ?? false,
    awsRateLimitPerMinute: options.awsRateLimitPerMinute ?? 100_000,
    ...(options.awsCredentials ? { awsCredentials: options.awsCredentials } : {}),
  });
  const app = await createApp({
    api: {
      gateway: provider.gateway,
      entryPoints: entryPointRegistry(provider.defaultEntryPoints),
      security: {
        allowedOrigins: options.allowedOrigins ?? [baseUrl],
        rateLimitPerMinute: options.rateLimitPerMinute ?? 100_000,
        bodyLimitBytes: 65_536,
        trustProxy: false,
        sessionSecret: randomBytes(32),
      },
    },
    plugins: provider.plugins,
    upgradeHandlers: provider.upgradeHandlers,
    ...(options.distDir ? { distDir: options.distDir } : {}),
  });
  await app.listen({ port, host: '127.0.0.1' });
  return {
    baseUrl,
    emulatorUrl: `${baseUrl}/aws`,
    dataDir,
    app,
    provider,
    async close() {
      await app.close();
      await provider.close();
      if (ownDataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
export type LocalStack = Awaited<ReturnType<typeof startLocalStack>>;
