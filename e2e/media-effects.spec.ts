/**
 * Media effects end to end, with the customer's camera and microphone fed from the committed test
 * media and the agent's received media measured on the real agent desk: noise suppression lowers
 * the noise the agent hears between sentences; its files come from the widget's own origin.
 */
import { expect, test } from '@playwright/test';
import { trackPeerConnections } from './agent-desk-support';
import { effectsLaunchOptions, quantile, receivedAudioPowers } from './media-effects-support';
import { base, callThroughFlow, finishAgent, openAgentDesk, openWidget } from './widget-support';

test.use({ launchOptions: effectsLaunchOptions() });

test('noise suppression is on by default and lowers the noise the agent hears between sentences', async ({
  browser,
}) => {
  const agent = await openAgentDesk(browser, trackPeerConnections);
  const customer = await (
    await browser.newContext({ permissions: ['camera', 'microphone'] })
  ).newPage();
  const foreign: string[] = [];
  const media: string[] = [];
  customer.context().on('request', (r) => {
    if (!/^(data|blob):/.test(r.url()) && !r.url().startsWith(base())) foreign.push(r.url());
    if (r.url().includes('/media/')) media.push(new URL(r.url()).pathname);
  });
  await openWidget(customer);
  const dialog = await callThroughFlow(customer, agent, 'Nora Noise', { voiceOnly: true });
  await dialog.getByRole('button', { name: 'Devices' }).click();
  const toggle = dialog.getByLabel('Reduce background noise');
  await expect(toggle).toBeChecked();
  await expect(dialog.getByTestId('noise-suppression-state')).toHaveText('');
  // "on" is reported once the worklet module was added and its node created (worklet fetches are
  // not page requests Playwright sees); the wasm was fetched by the page, from the widget's origin.
  expect(media.some((p) => /\/media\/rnnoise(_simd)?\.wasm$/.test(p))).toBe(true);

  // The fake microphone loops 3.2 s of speech and 3.2 s of noise only: 13 s hold two pauses.
  await agent.waitForTimeout(1500);
  const on = await receivedAudioPowers(agent, 13_000);
  await toggle.uncheck();
  await expect(toggle).not.toBeChecked();
  await agent.waitForTimeout(1500);
  const off = await receivedAudioPowers(agent, 13_000);
  const floorOn = quantile(on, 0.2);
  const floorOff = quantile(off, 0.2);
  console.log(
    `noise floor the agent hears (mean power, 20th percentile of 250 ms windows): suppression on ${floorOn.toExponential(2)}, off ${floorOff.toExponential(2)} (${(10 * Math.log10(floorOff / floorOn)).toFixed(1)} dB less with suppression); speech (90th percentile): on ${quantile(on, 0.9).toExponential(2)}, off ${quantile(off, 0.9).toExponential(2)}`,
  );
  expect(floorOff).toBeGreaterThan(0);
  expect(floorOn).toBeLessThan(floorOff / 4); // at least 6 dB less noise
  // Speech still gets through with suppression on.
  expect(quantile(on, 0.9)).toBeGreaterThan(floorOn * 10);
  expect(foreign).toEqual([]);

  await dialog.getByRole('button', { name: 'End call' }).click();
  await finishAgent(agent);
});
