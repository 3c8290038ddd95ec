/**
 * The e2e harness page (e2e/harness/, a bare Chime SDK page the browser tests drive) built on its
 * own into .tmp/media-harness, never into the product's site. Every file of it lives under
 * /e2e/harness/ (page and assets), so a test server can serve the folder at its root and a browser
 * context can answer that one path prefix from it on any origin (see harness-route.ts).
 */
import { build } from 'vite';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../..');

/** Where the harness is built; its page is `${HARNESS_DIR}/e2e/harness/index.html`. */
export const HARNESS_DIR = resolve(root, '.tmp/media-harness');

/** The path prefix every file of the built harness is served under. */
export const HARNESS_PATH = '/e2e/harness/';

/**
 * Builds only the harness page (the Playwright global setup does it once per run; the benches
 * themselves).
 */
export async function buildHarness(): Promise<void> {
  await build({
    root,
    configFile: false,
    logLevel: 'warn',
    publicDir: false,
    build: {
      outDir: HARNESS_DIR,
      emptyOutDir: true,
      assetsDir: 'e2e/harness/assets',
      chunkSizeWarningLimit: 2000,
      rollupOptions: { input: { harness: resolve(root, 'e2e/harness/index.html') } },
    },
  });
}
