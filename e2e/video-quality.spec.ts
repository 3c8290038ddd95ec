/**
 * The entry point's camera quality cap, end to end: the agent's desk receives the customer's camera
 * at most 640×360 from the `low-video` entry point (maxVideoQuality 360p), and larger from the
 * default entry point (no cap: 540p capture, the SDK's default; Chromium's fake camera delivers the
 * size asked for).
 */
import { expect, test, type Page } from '@playwright/test';
import {
  callThroughFlow,
  finishAgent,
  observeCustomerPage,
  openAgentDesk,
  openWidget,
  videoFramesByLabel,
} from './testing/widget-support';

/** The size of the video element labelled `label` right now (0×0 before its first frame). */
const videoSize = (page: Page, label: string) =>
  page
    .getByLabel(label, { exact: true })
    .first()
    .evaluate((v) => ({
      width: (v as HTMLVideoElement).videoWidth,
      height: (v as HTMLVideoElement).videoHeight,
    }));

/**
 * The largest size the element shows over `ms`, sampled every 250 ms (the encoder may change it).
 */
async function largestSize(page: Page, label: string, ms: number) {
  let width = 0;
  let height = 0;
  for (let t = 0; t < ms; t += 250) {
    const s = await videoSize(page, label);
    width = Math.max(width, s.width);
    height = Math.max(height, s.height);
    await page.waitForTimeout(250);
  }
  return { width, height };
}

async function callWithCamera(browser: import('@playwright/test').Browser, entryPoint?: string) {
  const agent = await openAgentDesk(browser);
  const customer = await (
    await browser.newContext({ permissions: ['camera', 'microphone'] })
  ).newPage();
  await observeCustomerPage(customer);
  const dialog = await openWidget(customer, entryPoint ? { 'entry-point': entryPoint } : {});
  await callThroughFlow(customer, agent, 'Quinn Quality');
  await expect
    .poll(() => videoFramesByLabel(agent, "Quinn Quality's camera"), { timeout: 30_000 })
    .toBeGreaterThan(15);
  return { agent, customer, dialog };
}

test('an entry point capped at 360p: the customer captures 640×360 and the agent never receives more', async ({
  browser,
}) => {
  const { agent, customer, dialog } = await callWithCamera(browser, 'low-video');
  expect(await videoSize(customer, 'Your video')).toEqual({ width: 640, height: 360 });
  const received = await largestSize(agent, "Quinn Quality's camera", 6_000);
  expect(received.width).toBeGreaterThan(0);
  expect(received.width).toBeLessThanOrEqual(640);
  expect(received.height).toBeLessThanOrEqual(360);
  await dialog.getByRole('button', { name: 'End call' }).click();
  await expect(dialog.getByRole('heading', { name: 'Call ended' })).toBeVisible();
  await finishAgent(agent);
});

test('no cap (the default entry point): the customer captures 960×540 and the agent receives more than 640×360', async ({
  browser,
}) => {
  const { agent, customer, dialog } = await callWithCamera(browser);
  expect(await videoSize(customer, 'Your video')).toEqual({ width: 960, height: 540 });
  // The encoder starts low and climbs as the bandwidth estimate grows: wait for it to pass the cap.
  await expect
    .poll(async () => (await videoSize(agent, "Quinn Quality's camera")).width, {
      timeout: 30_000,
    })
    .toBeGreaterThan(640);
  await dialog.getByRole('button', { name: 'End call' }).click();
  await expect(dialog.getByRole('heading', { name: 'Call ended' })).toBeVisible();
  await finishAgent(agent);
});
