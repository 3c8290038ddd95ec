/**
 * The widget's failure paths in real Chromium against the local stack: the backend answering 5xx
 * (a retry reuses the ClientToken), unreachable, or 4xx; camera/microphone permission blocked; the
 * tab frozen and resumed; bad attributes; Spanish on a 360-pixel phone screen with no axe
 * violations.
 */
import AxeBuilder from '@axe-core/playwright';
import { chromium, expect, test } from '@playwright/test';
import { chromiumLaunchOptions } from './testing/chromium';
import {
  base,
  hostEvents,
  liveTracks,
  observeCustomerPage,
  openWidget,
  setAgentStatus,
} from './testing/widget-support';

test.beforeAll(async () => {
  // Nobody answers: these calls stay in the flow or queue until the customer ends them.
  await setAgentStatus('alex', 'OFFLINE');
  await setAgentStatus('sam', 'OFFLINE');
});

test('a 5xx from the backend shows a retryable error; Try again reuses the same ClientToken', async ({
  page,
}) => {
  await observeCustomerPage(page);
  const tokens: string[] = [];
  let failures = 1;
  await page.route('**/api/calls', async (route) => {
    tokens.push((route.request().postDataJSON() as { clientToken: string }).clientToken);
    if (failures-- > 0)
      return route.fulfill({
        status: 503,
        contentType: 'application/json',
        body: JSON.stringify({
          error: {
            name: 'InternalServiceException',
            message: 'Connect is unavailable',
            retryable: true,
          },
        }),
      });
    return route.continue();
  });
  const dialog = await openWidget(page, { 'display-name': 'Rita Retry' });
  await dialog.getByRole('button', { name: 'Join call' }).click();
  await expect(dialog.getByRole('alert')).toHaveText(
    'The video-call service refused the call: Connect is unavailable',
  );
  expect(await liveTracks(page, 'video')).toBe(0);
  await dialog.getByRole('button', { name: 'Try again' }).click();
  await expect(dialog.getByRole('heading', { name: 'Connecting you' })).toBeVisible();
  expect(tokens).toHaveLength(2);
  expect(tokens[1]).toBe(tokens[0]);
  expect((await hostEvents(page)).find((e) => e.type === 'cvc-error')?.detail).toMatchObject({
    name: 'InternalServiceException',
  });

  // The tab is frozen (hidden) and resumed: the call carries on and re-reads the contact.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Page.setWebLifecycleState', { state: 'frozen' });
  await cdp.send('Page.setWebLifecycleState', { state: 'active' });
  await expect(dialog.getByRole('heading', { name: 'Connecting you' })).toBeVisible();
  await dialog.getByRole('button', { name: 'End call' }).click();
  await expect(dialog.getByTestId('ended-by')).toHaveText('You ended the call.');
  expect(await liveTracks(page, 'video')).toBe(0);
  expect(await liveTracks(page, 'audio')).toBe(0);
  // "Call again" starts a new attempt with a new ClientToken.
  await dialog.getByRole('button', { name: 'Call again' }).click();
  await dialog.getByRole('button', { name: 'Join call' }).click();
  await expect(dialog.getByRole('heading', { name: 'Connecting you' })).toBeVisible();
  expect(tokens[2]).not.toBe(tokens[0]);
  await dialog.getByRole('button', { name: 'End call' }).click();
  await expect(dialog.getByRole('heading', { name: 'Call ended' })).toBeVisible();
});

test('leaving the page mid-call ends the contact (the customer does not leave the agent an empty call)', async ({
  page,
}) => {
  const dialog = await openWidget(page, { 'display-name': 'Lea Leave' });
  const started = page.waitForResponse(
    (r) => r.url().endsWith('/api/calls') && r.request().method() === 'POST',
  );
  await dialog.getByRole('button', { name: 'Join call' }).click();
  const { contactId, callToken } = (await (await started).json()) as {
    contactId: string;
    callToken: string;
  };
  await expect(dialog.getByRole('heading', { name: 'Connecting you' })).toBeVisible();
  await page.goto(`${base()}/snippet/`);
  const status = async () =>
    (
      (await (
        await fetch(`${base()}/api/calls/${contactId}`, {
          headers: { authorization: `Bearer ${callToken}` },
        })
      ).json()) as { state: string }
    ).state;
  await expect.poll(status, { timeout: 20_000 }).toBe('ended');
});

test('an unreachable backend and a 4xx answer each get a clear message and a way forward', async ({
  page,
}) => {
  let mode: 'abort' | '400' = 'abort';
  await page.route('**/api/calls', (route) =>
    mode === 'abort'
      ? route.abort('failed')
      : route.fulfill({
          status: 400,
          contentType: 'application/json',
          body: JSON.stringify({
            error: { name: 'InvalidParameterException', message: 'displayName: too long' },
          }),
        }),
  );
  const dialog = await openWidget(page, { 'display-name': 'Nina Network' });
  await dialog.getByRole('button', { name: 'Join call' }).click();
  await expect(dialog.getByRole('alert')).toHaveText(
    'We could not reach the video-call service. Check your connection and try again.',
  );
  mode = '400';
  await dialog.getByRole('button', { name: 'Try again' }).click();
  await expect(dialog.getByRole('alert')).toHaveText(
    'The video-call service refused the call: displayName: too long',
  );
  await expect(dialog.getByRole('button', { name: 'Try again' })).toHaveCount(0);
  const axe = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze();
  expect(axe.violations.map((v) => v.id)).toEqual([]);
  await dialog.getByRole('button', { name: 'Call again' }).click();
  await expect(dialog.getByRole('heading', { name: 'Before you join' })).toBeVisible();
});

test('blocked camera and microphone permission shows how to fix it in this browser', async () => {
  // A browser without the auto-accepting fake UI, and a context that grants nothing: Chromium
  // denies.
  const options = chromiumLaunchOptions();
  const browser = await chromium.launch({
    ...options,
    args: options.args.filter((a) => a !== '--use-fake-ui-for-media-stream'),
  });
  try {
    const page = await (await browser.newContext({ permissions: [] })).newPage();
    const dialog = await openWidget(page, { 'display-name': 'Pat Permission' });
    await expect(dialog.getByRole('alert')).toContainText(
      'The browser is blocking your camera or microphone.',
    );
    await expect(dialog.getByRole('alert')).toContainText(
      'Click the camera icon at the right of the address bar',
    );
    await expect(
      dialog.getByRole('alert').getByRole('button', { name: 'Try again' }),
    ).toBeVisible();
  } finally {
    await browser.close();
  }
});

test('bad attributes are reported on the console; Spanish on a 360 px screen passes axe', async ({
  page,
}) => {
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto(`${base()}/`);
  await page.evaluate(() => {
    const bad = document.createElement('connect-video-call');
    bad.setAttribute('theme', 'purple');
    document.body.append(bad);
  });
  await expect.poll(() => errors.join('\n')).toContain('the entry-point attribute is required');
  await page.evaluate(() =>
    document.querySelector('connect-video-call')!.setAttribute('theme', 'purple'),
  );
  await expect
    .poll(() => errors.join('\n'))
    .toContain('attribute theme="purple" is invalid: use light, dark or auto');
  await page.evaluate(() => document.querySelectorAll('connect-video-call')[1]!.remove());

  const dialog = await openWidget(page, { locale: 'es', theme: 'dark' });
  await expect(dialog.getByRole('heading', { name: 'Antes de unirse' })).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Unirse a la llamada' })).toBeVisible();
  const box = await dialog.boundingBox();
  expect(box!.x).toBeGreaterThanOrEqual(0);
  expect(box!.x + box!.width).toBeLessThanOrEqual(360);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  const axe = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze();
  expect(axe.violations.map((v) => v.id)).toEqual([]);
  await dialog.getByRole('button', { name: 'Cerrar videollamada' }).click();
  await expect(page.getByRole('button', { name: 'Iniciar videollamada' })).toBeFocused();
});
