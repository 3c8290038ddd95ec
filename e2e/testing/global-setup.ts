/**
 * Builds the e2e harness page on its own (it is not part of the site; specs load it through
 * harness-route.ts), then starts the real server once for the whole browser-test run, exactly as
 * `npm start` does (after the build `npm test` already ran), on a free loopback port with a fresh
 * data folder, serving that build (CVC_BUILD_DIR, see scripts/build-dir.mjs). Tests read the URL
 * from process.env.BASE_URL.
 */
import { buildHarness } from './harness-build';
import { e2eServer } from './server-process';

/**
 * Playwright global setup: builds the harness and starts one real server for all specs (unless
 * BASE_URL names one); returns the teardown that stops it and removes its data.
 */
export default async function globalSetup() {
  await buildHarness();
  if (process.env.BASE_URL) return undefined; // an already running server was given
  const server = await e2eServer();
  await server.start();
  process.env.BASE_URL = server.baseUrl;
  return () => server.close();
}
