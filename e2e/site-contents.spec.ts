/**
 * The real server (started exactly as `npm start`) serves the product's pages and no test page: the
 * e2e harness is only ever answered inside a test's own browser context (support/harness-route.ts).
 */
import { expect, test } from '@playwright/test';
import { routeHarness } from './testing/harness-route';

const base = () => process.env.BASE_URL!;

test('the served site holds no test page, and a test context still opens the harness on its origin', async ({
  request,
  browser,
}) => {
  for (const path of ['/', '/size-guide/', '/agent/', '/join/', '/snippet/'])
    expect((await request.get(`${base()}${path}`)).status(), path).toBe(200);
  for (const path of ['/e2e/harness/', '/e2e/harness/index.html', '/harness/'])
    expect((await request.get(`${base()}${path}`)).status(), path).toBe(404);

  const context = await browser.newContext();
  await routeHarness(context, base());
  const page = await context.newPage();
  await page.goto(`${base()}/e2e/harness/`);
  await expect(page.getByRole('heading', { name: 'Media harness' })).toBeVisible();
  await page.waitForFunction(() => 'harness' in window);
  await context.close();
});
