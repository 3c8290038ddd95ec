/**
 * Issue 10: a page the server served itself is same-origin. The demo shop opened at the server's
 * 127.0.0.1 address (while PUBLIC_URL says localhost) places a call that the agent accepts, instead
 * of Join failing with "Origin http://127.0.0.1:… is not allowed to use this API".
 */
import { expect, test } from '@playwright/test';
import { base, callThroughFlow, finishAgent, openAgentDesk } from './testing/widget-support';

test('the demo shop opened at 127.0.0.1 places a call that the agent accepts', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const loopback = base().replace('//localhost:', '//127.0.0.1:');
  expect(loopback).not.toBe(base());
  const agent = await openAgentDesk(browser);
  const customer = await (
    await browser.newContext({ permissions: ['camera', 'microphone'] })
  ).newPage();
  const apiAnswers: number[] = [];
  customer.on(
    'response',
    (r) =>
      r.url().startsWith(`${loopback}/api/calls`) &&
      r.request().method() === 'POST' &&
      apiAnswers.push(r.status()),
  );
  await customer.goto(`${loopback}/`);
  await customer.getByRole('button', { name: 'Start video call' }).click();

  const dialog = await callThroughFlow(customer, agent, 'Lou Loopback');
  await expect(dialog.getByText(/not allowed to use this API/)).toHaveCount(0);
  expect(apiAnswers[0]).toBe(201);
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

  await dialog.getByRole('button', { name: 'End call' }).click();
  await finishAgent(agent);
  await customer.context().close();
});
