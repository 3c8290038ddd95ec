/**
 * Shared setup of the media specs: one test-only media server per spec file (the harness page is
 * built by the Playwright global setup) and pages closed after each test.
 */
import { test } from '@playwright/test';
import { closePages } from './harness-page';
import { startMediaTestServer, type MediaTestServer } from './media-test-server';

/** Registers the hooks and returns a getter for this spec file's server. */
export function useMediaTestServer(): () => MediaTestServer {
  let server: MediaTestServer | undefined;
  test.beforeAll(async () => {
    server = await startMediaTestServer();
  });
  test.afterEach(closePages);
  test.afterAll(async () => server?.close());
  return () => {
    if (!server) throw new Error('the media test server is not running');
    return server;
  };
}
