/**
 * Phones' rules in Chromium's phone emulation (360x740, touch, mobile viewport): the panel fills
 * the screen and follows the visual viewport, so an on-screen keyboard (the viewport shrinking
 * under the focused name field) never hides Join; and when the page goes to the background mid-call
 * (iOS stops capture there) the camera stops, the agent's desk says why, and it comes back when the
 * page is shown. Page visibility cannot be changed from outside a headless browser: it is emulated
 * in the page (document.visibilityState + visibilitychange), everything else is the real call.
 */
import { expect, test, type Page } from '@playwright/test';
import {
  callThroughFlow,
  finishAgent,
  liveTracks,
  observeCustomerPage,
  openAgentDesk,
  openWidget,
  videoFramesByLabel,
} from './testing/widget-support';

const phone = {
  viewport: { width: 360, height: 740 },
  isMobile: true,
  hasTouch: true,
  permissions: ['camera', 'microphone'],
};

/** Emulates the page going to the background (hidden) or coming back (visible). */
const setVisibility = (page: Page, state: 'hidden' | 'visible') =>
  page.evaluate((s) => {
    Object.defineProperty(document, 'visibilityState', { value: s, configurable: true });
    Object.defineProperty(document, 'hidden', { value: s === 'hidden', configurable: true });
    document.dispatchEvent(new Event('visibilitychange'));
  }, state);

test('on a phone the panel fills the screen and the on-screen keyboard never hides Join', async ({
  browser,
}) => {
  const ctx = await browser.newContext(phone);
  const page = await ctx.newPage();
  const dialog = await openWidget(page);
  const join = dialog.getByRole('button', { name: 'Join call' });
  await expect(join).toBeInViewport({ ratio: 1 });
  expect(await dialog.boundingBox()).toEqual({ x: 0, y: 0, width: 360, height: 740 });
  await dialog.getByLabel('Your name').focus();
  // The keyboard takes the lower 320 px: the panel shrinks to what is left, Join and the name stay
  // in view.
  await page.setViewportSize({ width: 360, height: 420 });
  await expect.poll(async () => (await dialog.boundingBox())?.height).toBe(420);
  await expect(join).toBeInViewport({ ratio: 1 });
  await expect(dialog.getByLabel('Your name')).toBeInViewport({ ratio: 1 });
  await page.screenshot({ path: 'test-results/widget-screens/phone-keyboard-360x420.png' });
  await ctx.close();
});

test('a phone call in the background pauses the camera, the agent is told, and it resumes', async ({
  browser,
}) => {
  const agent = await openAgentDesk(browser);
  const ctx = await browser.newContext(phone);
  const customer = await ctx.newPage();
  await observeCustomerPage(customer);
  await openWidget(customer);
  await callThroughFlow(customer, agent, 'Pia Phone');
  const camera = "Pia Phone's camera";
  await expect
    .poll(() => videoFramesByLabel(agent, camera), { timeout: 30_000 })
    .toBeGreaterThan(5);

  await setVisibility(customer, 'hidden');
  await expect.poll(() => liveTracks(customer, 'video')).toBe(0);
  await expect(agent.getByTestId('customer-video-placeholder')).toHaveText(
    "Pia Phone's camera is paused: the call is in the background on their device",
    { timeout: 20_000 },
  );

  await setVisibility(customer, 'visible');
  await expect.poll(() => liveTracks(customer, 'video')).toBe(1);
  await expect(agent.getByTestId('customer-video-placeholder')).toHaveCount(0, {
    timeout: 20_000,
  });
  await expect
    .poll(() => videoFramesByLabel(agent, camera), { timeout: 30_000 })
    .toBeGreaterThan(5);
  await customer
    .getByRole('dialog', { name: 'Video call' })
    .getByRole('button', { name: 'End call' })
    .click();
  await finishAgent(agent);
  await ctx.close();
});
