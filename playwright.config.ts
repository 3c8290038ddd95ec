import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from './e2e/testing/chromium';

// Browser tests: real Chromium (Debian's, see scripts/ensure-chromium.mjs) against the real local stack,
// started once for the whole run by e2e/testing/global-setup.ts on a free loopback port.
// Specs that run a test server in the worker build AWS SDK clients: on Node 20 each would print the
// SDK's Node-version notice into the test output (vitest.config.ts and the benches do the same).
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  timeout: 90_000,
  expect: { timeout: 20_000 },
  workers: 1,
  // Flaky is failing: no spec is retried, locally or in CI. A spec that fails once has a cause to
  // find (the last ones: a video section's numbering running backwards, a PiP test's cold import).
  retries: 0,
  reporter: [['list'], ['json', { outputFile: '.tmp/playwright.json' }]],
  globalSetup: './e2e/testing/global-setup.ts',
  use: {
    launchOptions: chromiumLaunchOptions(),
    permissions: ['camera', 'microphone'],
    trace: 'retain-on-failure',
  },
});
