/**
 * Builds the e2e harness page on its own (it is not part of the site; specs load it through
 * harness-route.ts), then starts the real server once for the whole browser-test run, exactly as
 * `npm start` does (after the build `npm test` already ran), on a free loopback port with a fresh
 * data folder, serving that build (CVC_BUILD_DIR, see scripts/build-dir.mjs). Tests read the URL
 * from process.env.BASE_URL.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../../src/backend/testing/free-port';
import { inBuild } from '../../scripts/build-dir.mjs';
import { buildHarness } from './harness-build';

/**
 * Playwright global setup: builds the harness and starts one real server for all specs (unless
 * BASE_URL names one); returns the teardown that stops it and removes its data.
 */
export default async function globalSetup() {
  await buildHarness();
  if (process.env.BASE_URL) return undefined; // an already running server was given
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'cvc-e2e-'));
  const baseUrl = `http://localhost:${port}`;
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/backend/main.ts'], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      PUBLIC_URL: baseUrl,
      LOCAL_DATA_DIR: dataDir,
      // The build of this test run (CVC_BUILD_DIR under npm test), never a dist/ `npm start`
      // rebuilds.
      DIST_DIR: inBuild(),
      LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
      RATE_LIMIT_PER_MINUTE: '10000',
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with code ${child.exitCode}`);
    try {
      const res = await fetch(`${baseUrl}/api/health`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error('server did not start within 60 s');
    await new Promise((r) => setTimeout(r, 250));
  }
  process.env.BASE_URL = baseUrl;
  return async () => {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    rmSync(dataDir, { recursive: true, force: true });
  };
}
