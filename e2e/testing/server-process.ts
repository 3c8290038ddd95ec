/**
 * The real server as a child process for browser specs that need one of their own (HTTPS, a kill
 * and restart): main.ts on a free loopback port with a data folder of its own, optionally over TLS
 * with a certificate made for the run. `kill()` ends it like a crash (SIGKILL), `start()` brings it
 * back on the same port and data folder, as a supervisor would.
 */
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { get } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../../src/backend/testing/free-port';
import { processExited, startMainProcess } from '../../src/backend/testing/main-process';
import { inBuild } from '../../scripts/build-dir.mjs';
import { selfSignedCert, type SelfSignedCert } from '../../src/backend/testing/self-signed-cert';

/** A server process a spec controls: its URL, certificate, and crash/restart handles. */
export interface E2eServer {
  baseUrl: string;
  /** The certificate served (https only). */
  cert: SelfSignedCert | undefined;
  /** Starts (or restarts) the process and waits until /api/health answers. */
  start(): Promise<void>;
  /** Ends the process at once, as a crash would. */
  kill(): Promise<void>;
  /** Stops it (SIGTERM) and removes its data folder and certificate. */
  close(): Promise<void>;
}

/** Whether `url` answers 200 over TLS, trusting only the run's own certificate. */
function healthyOverTls(url: string, cert: SelfSignedCert): Promise<boolean> {
  return new Promise((resolve) => {
    get(url, { ca: cert.cert }, (res) => {
      res.resume();
      resolve(res.statusCode === 200);
    }).on('error', () => resolve(false));
  });
}

/** A server process serving `distDir`; `https` makes a self-signed certificate for localhost. */
export async function e2eServer(
  options: { https?: boolean; distDir?: string; env?: Record<string, string> } = {},
): Promise<E2eServer> {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'cvc-e2e-proc-'));
  const cert = options.https ? selfSignedCert(['localhost', '127.0.0.1']) : undefined;
  const baseUrl = `${cert ? 'https' : 'http'}://localhost:${port}`;
  let child: ChildProcess | undefined;
  return {
    baseUrl,
    cert,
    async start() {
      child = await startMainProcess({
        port,
        baseUrl,
        dataDir,
        env: {
          LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
          RATE_LIMIT_PER_MINUTE: '10000',
          AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
          // The build of this test run (CVC_BUILD_DIR under npm test), never a dist/ `npm start` rebuilds.
          DIST_DIR: options.distDir ?? inBuild(),
          ...(cert ? { TLS_CERT_FILE: cert.certFile, TLS_KEY_FILE: cert.keyFile } : {}),
          ...options.env,
        },
        stdout: 'inherit',
        ...(cert ? { healthy: () => healthyOverTls(`${baseUrl}/api/health`, cert) } : {}),
      });
    },
    async kill() {
      child?.kill('SIGKILL');
      await processExited(child);
    },
    async close() {
      if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await processExited(child);
      rmSync(dataDir, { recursive: true, force: true });
      cert?.remove();
    },
  };
}
