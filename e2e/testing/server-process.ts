/**
 * The real server as a child process for browser specs that need one of their own (HTTPS, a kill
 * and restart): main.ts on a free loopback port with a data folder of its own, optionally over TLS
 * with a certificate made for the run. `kill()` ends it like a crash (SIGKILL), `start()` brings it
 * back on the same port and data folder, as a supervisor would.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { get } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../../src/backend/testing/free-port';
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

function healthy(baseUrl: string, cert: SelfSignedCert | undefined): Promise<boolean> {
  const url = `${baseUrl}/api/health`;
  if (!cert)
    return fetch(url).then(
      (r) => r.ok,
      () => false,
    );
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
  const exited = () =>
    new Promise<void>((resolve) => {
      if (!child || child.exitCode !== null || child.signalCode !== null) resolve();
      else child.once('exit', () => resolve());
    });
  return {
    baseUrl,
    cert,
    async start() {
      child = spawn(process.execPath, ['--import', 'tsx', 'src/backend/main.ts'], {
        env: {
          ...process.env,
          PORT: String(port),
          HOST: '127.0.0.1',
          PUBLIC_URL: baseUrl,
          LOCAL_DATA_DIR: dataDir,
          LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
          RATE_LIMIT_PER_MINUTE: '10000',
          AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
          DIST_DIR: options.distDir ?? inBuild(),
          ...(cert ? { TLS_CERT_FILE: cert.certFile, TLS_KEY_FILE: cert.keyFile } : {}),
          ...options.env,
        },
        stdio: ['ignore', 'inherit', 'inherit'],
      });
      for (const deadline = Date.now() + 60_000; ;) {
        if (child.exitCode !== null) throw new Error(`server exited with code ${child.exitCode}`);
        if (await healthy(baseUrl, cert)) return;
        if (Date.now() > deadline) throw new Error('server did not start within 60 s');
        await new Promise((r) => setTimeout(r, 250));
      }
    },
    async kill() {
      child?.kill('SIGKILL');
      await exited();
    },
    async close() {
      if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited();
      rmSync(dataDir, { recursive: true, force: true });
      cert?.remove();
    },
  };
}
