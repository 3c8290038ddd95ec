/**
 * A camera that cannot start mid-call (another app holds it: Chromium's NotReadableError) is told
 * to the customer with what to do, logged on the console, and the call carries on; once the camera
 * is free, Start video works again.
 */
import { expect, test } from '@playwright/test';
import {
  callThroughFlow,
  finishAgent,
  liveTracks,
  openAgentDesk,
  openCustomerPage,
  openWidget,
} from './testing/widget-support';
import { axeViolations, screen, VIEWPORTS } from './testing/screens';

test('a camera that cannot start mid-call is shown with a way forward, then recovers', async ({
  browser,
}) => {
  const agent = await openAgentDesk(browser);
  // While __cameraBusy is set, asking for a camera fails as it does when another app holds it.
  const customer = await openCustomerPage(browser, {
    beforeLoad: (page) =>
      page.addInitScript(() => {
        const w = window as unknown as { __cameraBusy?: boolean };
        const md = navigator.mediaDevices;
        const gum = md.getUserMedia.bind(md);
        md.getUserMedia = async (c) => {
          if (w.__cameraBusy && c?.video)
            throw new DOMException('Could not start video source', 'NotReadableError');
          return gum(c);
        };
      }),
  });
  const warnings: string[] = [];
  customer.on('console', (m) => m.type() === 'warning' && warnings.push(m.text()));
  const dialog = await openWidget(customer);
  await callThroughFlow(customer, agent, 'Bea Busy');
  await dialog.getByRole('button', { name: 'Stop video' }).click();
  await expect.poll(() => liveTracks(customer, 'video')).toBe(0);
  await customer.evaluate(
    () => ((window as unknown as { __cameraBusy: boolean }).__cameraBusy = true),
  );
  await dialog.getByRole('button', { name: 'Start video' }).click();
  await expect(dialog.getByTestId('device-failure')).toHaveText(
    'Your camera is being used by another app. Close that app, then select Start video.',
  );
  await expect(dialog.getByRole('alert').filter({ hasText: 'another app' })).toBeVisible();
  expect(warnings.join('\n')).toContain('NotReadableError');
  expect(await axeViolations(customer)).toEqual([]);
  await screen(customer, 'device-failure-1280x800');
  await customer.setViewportSize(VIEWPORTS.phone);
  await expect(dialog.getByTestId('device-failure')).toBeInViewport();
  await screen(customer, 'device-failure-360x740');
  await customer.setViewportSize(VIEWPORTS.desktop);
  await expect(dialog.getByTestId('agent-name')).toHaveText(/In call with Sam/);
  await customer.evaluate(
    () => ((window as unknown as { __cameraBusy: boolean }).__cameraBusy = false),
  );
  await dialog.getByRole('button', { name: 'Start video' }).click();
  await expect(dialog.getByRole('button', { name: 'Stop video' })).toBeVisible();
  await expect(dialog.getByTestId('device-failure')).toHaveCount(0);
  await expect.poll(() => liveTracks(customer, 'video')).toBeGreaterThan(0);
  await dialog.getByRole('button', { name: 'End call' }).click();
  await expect(dialog.getByRole('heading', { name: 'Call ended' })).toBeVisible();
  await finishAgent(agent);
});
