/**
 * Every capability combination that changes the widget, each in a real call with the agent desk:
 * voice only (no camera, no sharing; the agent ends the call), video without screen sharing with
 * voice-to-video escalation in the same contact, and the agent's own screen share with full screen.
 */
import { expect, test } from '@playwright/test';
import {
  callThroughFlow,
  finishAgent,
  hostEvents,
  liveTracks,
  observeCustomerPage,
  openAgentDesk,
  openWidget,
  videoFramesByLabel,
} from './testing/widget-support';

test('voice entry point: no video choice, no camera or share controls; the agent ends the call', async ({
  browser,
}) => {
  const agent = await openAgentDesk(browser);
  const customer = await (
    await browser.newContext({ permissions: ['camera', 'microphone'] })
  ).newPage();
  await observeCustomerPage(customer);
  const dialog = await openWidget(customer, { 'entry-point': 'voice' });
  await dialog.getByRole('button', { name: 'Device settings' }).click();
  await expect(dialog.getByLabel('Microphone', { exact: true })).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Stop video' })).toHaveCount(0);
  await expect(dialog.getByTestId('camera-preview')).toHaveCount(0);
  await expect(dialog.getByLabel('Camera', { exact: true })).toHaveCount(0);
  await callThroughFlow(customer, agent, 'Vera Voice');
  await expect(dialog.getByRole('button', { name: 'Mute' })).toBeVisible();
  await expect(dialog.getByRole('button', { name: /^(Stop|Start) video$/ })).toHaveCount(0);
  await expect(dialog.getByRole('button', { name: 'Share screen' })).toHaveCount(0);
  expect(await liveTracks(customer, 'video')).toBe(0);

  await agent.getByRole('button', { name: 'End contact' }).click();
  await expect(dialog.getByTestId('ended-by')).toHaveText('The agent ended the call.', {
    timeout: 20_000,
  });
  expect(await liveTracks(customer, 'audio')).toBe(0);
  expect((await hostEvents(customer)).find((e) => e.type === 'cvc-ended')?.detail).toMatchObject({
    endedBy: 'agent',
  });
  await dialog.getByRole('button', { name: 'Call again' }).click();
  await expect(dialog.getByRole('heading', { name: 'Before you join' })).toBeVisible();
  await finishAgent(agent);
});

test('video without screen sharing: starts voice only, escalates to video in the same contact', async ({
  browser,
}) => {
  const agent = await openAgentDesk(browser);
  const customer = await (
    await browser.newContext({ permissions: ['camera', 'microphone'] })
  ).newPage();
  await observeCustomerPage(customer);
  const dialog = await openWidget(customer, { 'entry-point': 'video-no-share' });
  await expect(dialog.getByRole('button', { name: 'Stop video' })).toBeVisible();
  await callThroughFlow(customer, agent, 'Eli Escalate', { voiceOnly: true });
  await expect(dialog.getByRole('button', { name: 'Share screen' })).toHaveCount(0);
  expect(await liveTracks(customer, 'video')).toBe(0);
  await dialog.getByRole('button', { name: 'Start video' }).click();
  await expect(dialog.getByRole('button', { name: 'Stop video' })).toBeVisible();
  await expect(dialog.getByLabel('Your video')).toBeVisible();
  await expect
    .poll(() => videoFramesByLabel(agent, "Eli Escalate's camera"), { timeout: 30_000 })
    .toBeGreaterThan(10);
  await dialog.getByRole('button', { name: 'End call' }).click();
  await expect(dialog.getByTestId('ended-by')).toHaveText('You ended the call.');
  expect(await liveTracks(customer, 'video')).toBe(0);
  await finishAgent(agent);
});

test("the agent's screen share is shown with a full-screen button; device pickers switch mid-call", async ({
  browser,
}) => {
  const agent = await openAgentDesk(browser);
  const customer = await (
    await browser.newContext({ permissions: ['camera', 'microphone'] })
  ).newPage();
  await observeCustomerPage(customer);
  const dialog = await openWidget(customer);
  await callThroughFlow(customer, agent, 'Sol Screen');
  await agent.getByRole('button', { name: 'Share my screen' }).click();
  await expect
    .poll(() => videoFramesByLabel(customer, 'Screen shared by Sam Okafor'), { timeout: 30_000 })
    .toBeGreaterThan(5);
  await dialog.getByRole('button', { name: 'Full screen' }).click();
  await expect.poll(() => customer.evaluate(() => document.fullscreenElement !== null)).toBe(true);
  await customer.evaluate(() => document.exitFullscreen());
  await expect.poll(() => customer.evaluate(() => document.fullscreenElement === null)).toBe(true);

  const devices = dialog.getByRole('button', { name: 'Devices' });
  await devices.click();
  await expect(devices).toHaveAttribute('aria-expanded', 'true');
  const mic = dialog.getByLabel('Microphone', { exact: true });
  const options = await mic
    .locator('option')
    .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
  expect(options.length).toBeGreaterThan(0);
  await mic.selectOption(options[options.length - 1]!);
  await expect(mic).toHaveValue(options[options.length - 1]!);
  await expect(dialog.getByLabel('Camera', { exact: true })).toBeVisible();
  await expect(dialog.getByLabel('Speaker', { exact: true })).toBeVisible();
  await dialog.getByRole('button', { name: 'End call' }).click();
  await expect(dialog.getByRole('heading', { name: 'Call ended' })).toBeVisible();
  await finishAgent(agent);
});
