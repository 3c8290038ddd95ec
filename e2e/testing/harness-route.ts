/**
 * Serves the separately built harness page (harness-build.ts) on the real server's origin without
 * the server knowing it: a browser context answers `<origin>/e2e/harness/…` from the built files,
 * so specs and benches open `${baseUrl}/e2e/harness/` on the same origin as the signaling, while
 * the product (dist/site, `npm start`) holds no test page.
 */
import { existsSync, statSync } from 'node:fs';
import { join, normalize, sep } from 'node:path';
import type { BrowserContext } from '@playwright/test';
import { HARNESS_DIR, HARNESS_PATH } from './harness-build';

/**
 * The built file for a harness URL's path, or undefined when there is none (or it leaves the
 * folder).
 */
function harnessFile(pathname: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return undefined; // a malformed escape names no file
  }
  const file = normalize(join(HARNESS_DIR, decoded, pathname.endsWith('/') ? 'index.html' : ''));
  if (!file.startsWith(HARNESS_DIR + sep)) return undefined;
  return existsSync(file) && statSync(file).isFile() ? file : undefined;
}

/**
 * Makes this context load `${origin of baseUrl}/e2e/harness/**` from the built harness (with
 * camera, microphone and loopback access).
 */
export async function routeHarness(context: BrowserContext, baseUrl: string): Promise<void> {
  const { origin } = new URL(baseUrl);
  if (!existsSync(join(HARNESS_DIR, HARNESS_PATH, 'index.html')))
    throw new Error(
      `the harness page is not built in ${HARNESS_DIR} (buildHarness() in e2e/testing/harness-build.ts)`,
    );
  // Chromium takes a document Playwright fulfilled for one from the public internet, so its
  // signaling WebSocket to the loopback server would be blocked by Local Network Access checks (a
  // page the server itself served is local): the permission restores that. A grant for one origin
  // replaces the context's grants there, so the camera and microphone every harness call uses are
  // granted with it.
  await context.grantPermissions(['local-network-access', 'camera', 'microphone'], { origin });
  await context.route(
    (url) => url.origin === origin && url.pathname.startsWith(HARNESS_PATH),
    async (route) => {
      const file = harnessFile(new URL(route.request().url()).pathname);
      await (file
        ? route.fulfill({ path: file })
        : route.fulfill({
            status: 404,
            contentType: 'text/plain',
            body: 'not part of the harness',
          }));
    },
  );
}
