/**
 * The embedding surface and device loss: the entry prefetches the call code when the browser is
 * idle (and holds no Chime SDK code itself), the snippet page, `mount()` with launcher off opened
 * by `element.open()`, theming by --cvw-* properties, and a camera that stops mid-call (what
 * Chromium does when it is unplugged or its permission revoked).
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import {
  base,
  callThroughFlow,
  finishAgent,
  liveTracks,
  observeCustomerPage,
  openAgentDesk,
  openWidget,
} from './testing/widget-support';

test('the launcher entry loads alone, then prefetches the call chunks when idle', async ({
  page,
}) => {
  const scripts: string[] = [];
  page.on(
    'request',
    (r) => r.resourceType() === 'script' && scripts.push(new URL(r.url()).pathname),
  );
  await page.goto(`${base()}/`);
  await expect(page.getByRole('button', { name: 'Start video call' })).toBeVisible();
  await expect
    .poll(() => scripts.some((s) => s.includes('chime-call-engine')), { timeout: 15_000 })
    .toBe(true);
  expect(scripts).toContain('/connect-video-call.js');
  const entry = await (await page.request.get(`${base()}/connect-video-call.js`)).text();
  expect(entry).not.toMatch(/DefaultMeetingSession|amazon-chime-sdk-js/);
});

test('mount() adds a configured widget; with launcher off the page opens it with open()', async ({
  page,
}) => {
  await page.goto(`${base()}/snippet/`);
  await expect(page.locator('#snippet')).toContainText('entry-point="default"');
  expect(
    (
      await new AxeBuilder({ page })
        .withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa'])
        .analyze()
    ).violations.map((v) => v.id),
  ).toEqual([]);
  await page.evaluate(async (url) => {
    const mod = (await import(url)) as {
      mount(t: HTMLElement, o: object): HTMLElement & { open(): Promise<void> };
    };
    const el = mod.mount(document.body, {
      entryPoint: 'default',
      displayName: 'Mo Mount',
      launcher: false,
      locale: 'es',
    });
    (window as unknown as { __el: typeof el }).__el = el;
  }, `${base()}/connect-video-call.js`);
  await expect(page.getByRole('button', { name: 'Iniciar videollamada' })).toHaveCount(0);
  await page.evaluate(() => (window as unknown as { __el: { open(): Promise<void> } }).__el.open());
  const dialog = page.getByRole('dialog', { name: 'Videollamada' });
  await expect(dialog.getByRole('heading', { name: 'Antes de unirse' })).toBeVisible();
  await expect(dialog.getByLabel('Su nombre')).toHaveCount(0); // the page gave the name
  await dialog.getByRole('button', { name: 'Cerrar videollamada' }).click();
  await expect(dialog).toHaveCount(0);
});

test('a camera that stops mid-call is reported with a way forward; turning it on again recovers', async ({
  browser,
}) => {
  const agent = await openAgentDesk(browser);
  const customer = await (
    await browser.newContext({ permissions: ['camera', 'microphone'] })
  ).newPage();
  await observeCustomerPage(customer);
  const dialog = await openWidget(customer);
  await callThroughFlow(customer, agent, 'Uma Unplug');
  await expect(dialog.getByRole('button', { name: 'Stop video' })).toBeVisible();
  // The camera's source ends: Chromium stops the track and fires `ended` (unplugged / permission
  // revoked).
  await customer.evaluate(() => {
    for (const t of (window as unknown as { __tracks: MediaStreamTrack[] }).__tracks) {
      if (t.kind !== 'video' || t.readyState !== 'live') continue;
      t.stop();
      t.dispatchEvent(new Event('ended'));
    }
  });
  await expect(dialog.getByTestId('device-lost')).toHaveText(
    'Your camera stopped. Choose another camera or turn the camera back on.',
  );
  await expect(dialog.getByLabel('Your video')).toHaveCount(0);
  await dialog.getByRole('button', { name: 'Start video' }).click();
  await expect(dialog.getByRole('button', { name: 'Stop video' })).toBeVisible();
  await expect(dialog.getByTestId('device-lost')).toHaveCount(0);
  await expect.poll(() => liveTracks(customer, 'video')).toBeGreaterThan(0);
  await dialog.getByRole('button', { name: 'End call' }).click();
  await expect(dialog.getByRole('heading', { name: 'Call ended' })).toBeVisible();
  expect(await liveTracks(customer, 'video')).toBe(0);
  await finishAgent(agent);
});

test('the host page themes the widget through --cvw-* custom properties', async ({ page }) => {
  await page.goto(`${base()}/`);
  await page.addStyleTag({
    content:
      'connect-video-call { --cvw-accent: rgb(120, 20, 60); --cvw-accent-text: rgb(255, 255, 255); }',
  });
  const launcher = page.getByRole('button', { name: 'Start video call' });
  await expect(launcher).toHaveCSS('background-color', 'rgb(120, 20, 60)');
  await launcher.click();
  await expect(
    page.getByRole('dialog', { name: 'Video call' }).getByRole('button', { name: 'Join call' }),
  ).toHaveCSS('background-color', 'rgb(120, 20, 60)');
});
