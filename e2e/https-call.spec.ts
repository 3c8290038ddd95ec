/**
 * The README's phone recipe, end to end: the whole stack over HTTPS with a self-signed certificate
 * made for this run (main.ts with TLS_CERT_FILE/TLS_KEY_FILE). The test's browser ignores
 * certificate errors (this context only), as a phone does once its user accepts the certificate;
 * the server's own SDK clients get no such allowance. A customer calls from the shop, the agent
 * accepts on the desk, and video flows both ways over wss: and DTLS.
 */
import { expect, test, type Browser } from '@playwright/test';
import { e2eServer, type E2eServer } from './testing/server-process';
import { callThroughFlow, videoFramesByLabel } from './testing/widget-support';

let server: E2eServer;
test.beforeAll(async () => {
  server = await e2eServer({ https: true });
  await server.start();
});
test.afterAll(async () => server?.close());

const trustingContext = (browser: Browser) =>
  browser.newContext({ ignoreHTTPSErrors: true, permissions: ['camera', 'microphone'] });

test('a call over HTTPS with a self-signed certificate: the shop, the flow, the agent, video both ways', async ({
  browser,
}) => {
  const agent = await (await trustingContext(browser)).newPage();
  await agent.goto(`${server.baseUrl}/agent/`);
  await agent.getByRole('button', { name: 'Sign in as Sam Okafor (sam)' }).click();
  const available = agent.getByRole('button', { name: 'Available', exact: true });
  await available.click();
  await expect(available).toHaveAttribute('aria-pressed', 'true');

  const customer = await (await trustingContext(browser)).newPage();
  await customer.goto(`${server.baseUrl}/`);
  expect(customer.url()).toMatch(/^https:/);
  await customer.getByRole('button', { name: 'Start video call' }).click();
  const dialog = await callThroughFlow(customer, agent, 'Tess Tls');

  // Media really flows: the customer sees the agent's camera, the agent the customer's.
  await expect
    .poll(
      () =>
        customer
          .getByTestId('agent-video')
          .evaluate((v) => (v as HTMLVideoElement).getVideoPlaybackQuality().totalVideoFrames)
          .catch(() => 0),
      { timeout: 30_000 },
    )
    .toBeGreaterThan(10);
  await expect
    .poll(() => videoFramesByLabel(agent, "Tess Tls's camera"), { timeout: 30_000 })
    .toBeGreaterThan(10);
  await dialog.getByRole('button', { name: 'End call' }).click();
  await expect(dialog.getByRole('heading', { name: 'Call ended' })).toBeVisible();
  await customer.context().close();
  await agent.context().close();
});
