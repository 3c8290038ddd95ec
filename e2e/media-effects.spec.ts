/**
 * Media effects end to end, with the customer's camera and microphone fed from the committed test
 * media and the agent's received media measured on the real agent desk: noise suppression lowers
 * the noise the agent hears between sentences; its files come from the widget's own origin.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { trackPeerConnections } from './testing/agent-desk-support';
import {
  effectsLaunchOptions,
  quantile,
  receivedAudioPowers,
  receivedVideoStats,
  type Region,
} from './testing/media-effects-support';
import {
  base,
  callThroughFlow,
  finishAgent,
  openAgentDesk,
  openWidget,
} from './testing/widget-support';

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

const regions = JSON.parse(
  readFileSync(resolve(import.meta.dirname, 'fixtures/scene-regions.json'), 'utf8'),
) as { background: Region[]; person: Region[] };
const SHOTS = '/work/shared-helper/shots/mediafx';

/** Background and person sharpness (and the background's colour) of what the agent receives. */
async function agentView(agent: Page) {
  const stats = await receivedVideoStats(agent, [...regions.background, ...regions.person]);
  const bg = stats.slice(0, regions.background.length);
  const person = stats.slice(regions.background.length);
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  return {
    background: mean(bg.map((s) => s.laplacianVariance)),
    person: mean(person.map((s) => s.laplacianVariance)),
    backgroundRgb: [0, 1, 2].map((c) => mean(bg.map((s) => s.rgb[c]!))) as number[],
  };
}

test('background blur and replacement: chosen before joining, changed in the call, measured at the agent', async ({
  browser,
}) => {
  // Four effect settings measured over a few seconds each, after the model's first load: longer
  // than the default 90 s of one call.
  test.setTimeout(180_000);
  const agent = await openAgentDesk(browser, trackPeerConnections);
  const customer = await (
    await browser.newContext({
      permissions: ['camera', 'microphone'],
      viewport: { width: 1280, height: 800 },
    })
  ).newPage();
  const foreign: string[] = [];
  customer.context().on('request', (r) => {
    if (!/^(data|blob):/.test(r.url()) && !r.url().startsWith(base())) foreign.push(r.url());
  });
  const dialog = await openWidget(customer);
  await dialog.getByRole('button', { name: 'Device settings' }).click();
  await dialog.getByLabel('Background', { exact: true }).selectOption({ label: 'Blur a lot' });
  await expect(dialog.getByTestId('background-state')).toHaveText('Loading…');
  await expect(dialog.getByTestId('background-state')).toHaveText('', { timeout: 60_000 });
  await dialog.getByRole('button', { name: 'Done' }).click();
  await customer.waitForTimeout(1500);
  mkdirSync(SHOTS, { recursive: true });
  await customer.screenshot({ path: `${SHOTS}/precall-blur-1280x800.png` });

  await callThroughFlow(customer, agent, 'Bea Background');
  await agent.waitForTimeout(3000);
  const blurred = await agentView(agent);
  await dialog.getByRole('button', { name: 'Devices' }).click();
  const select = dialog.getByLabel('Background', { exact: true });
  await expect(select).toHaveValue('blur-strong');
  await select.selectOption({ label: 'None' });
  await agent.waitForTimeout(3000);
  const plain = await agentView(agent);
  await select.selectOption({ label: 'Blur a little' });
  await expect(dialog.getByTestId('background-state')).toHaveText('');
  await agent.waitForTimeout(3000);
  const light = await agentView(agent);
  await select.selectOption({ label: 'Image: calm blue' });
  await agent.waitForTimeout(3000);
  const replaced = await agentView(agent);
  await customer.screenshot({ path: `${SHOTS}/incall-image-1280x800.png` });
  console.log(
    `agent-side Laplacian variance, background / person: none ${plain.background.toFixed(0)} / ${plain.person.toFixed(0)}; blur a lot ${blurred.background.toFixed(0)} / ${blurred.person.toFixed(0)}; blur a little ${light.background.toFixed(0)} / ${light.person.toFixed(0)}; image: background rgb ${replaced.backgroundRgb.map((c) => c.toFixed(0)).join(',')} (none: ${plain.backgroundRgb.map((c) => c.toFixed(0)).join(',')})`,
  );
  expect(blurred.background).toBeLessThan(plain.background * 0.25);
  expect(light.background).toBeLessThan(plain.background * 0.6);
  expect(blurred.person).toBeGreaterThan(plain.person * 0.4);
  // The calm image is blue: blue well above red where the shelves were.
  const [r, , b] = replaced.backgroundRgb as [number, number, number];
  expect(b - r).toBeGreaterThan(60);
  expect(foreign).toEqual([]);

  await dialog.getByRole('button', { name: 'End call' }).click();
  await finishAgent(agent);
});

/**
 * The Content-Security-Policy the README documents for local mode, for a page on the widget's
 * origin.
 */
export function localModeCsp(origin: string): string {
  const ws = origin.replace(/^http/, 'ws');
  return [
    "default-src 'none'",
    "script-src 'self' 'wasm-unsafe-eval'",
    "worker-src 'self' blob:",
    `connect-src 'self' ${ws}`,
    "img-src 'self' data: blob:",
    "media-src 'self' blob: mediastream:",
    "style-src 'self' 'unsafe-inline'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

test('a page under the documented Content-Security-Policy joins with noise suppression and a blurred background', async ({
  browser,
}) => {
  test.setTimeout(150_000);
  const agent = await openAgentDesk(browser, trackPeerConnections);
  const context = await browser.newContext({ permissions: ['camera', 'microphone'] });
  const customer = await context.newPage();
  await customer.addInitScript(() => {
    const w = window as unknown as { __violations: string[] };
    w.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      w.__violations.push(`${e.effectiveDirective} ${e.blockedURI}`),
    );
  });
  const consoleErrors: string[] = [];
  customer.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text().slice(0, 300));
  });
  const page = `${base()}/csp-check.html`;
  await customer.route(page, (route) =>
    route.fulfill({
      status: 200,
      headers: {
        'content-type': 'text/html; charset=utf-8',
        'content-security-policy': localModeCsp(base()),
      },
      body: `<!doctype html><html lang="en"><title>CSP check</title><h1>Shop under a strict CSP</h1>
<script type="module" src="/connect-video-call.js"></script>
<connect-video-call entry-point="default"></connect-video-call>`,
    }),
  );
  await customer.goto(page);
  await customer.getByRole('button', { name: 'Start video call' }).click();
  const dialog = customer.getByRole('dialog', { name: 'Video call' });
  await dialog.getByRole('button', { name: 'Device settings' }).click();
  await dialog.getByLabel('Background', { exact: true }).selectOption({ label: 'Blur a lot' });
  await expect(dialog.getByTestId('background-state')).toHaveText('', { timeout: 60_000 });
  await expect(dialog.getByLabel('Reduce background noise')).toBeChecked();
  const violations = () =>
    customer.evaluate(() => (window as unknown as { __violations: string[] }).__violations);
  await callThroughFlow(customer, agent, 'Cleo Csp').catch(async (error: unknown) => {
    throw new Error(
      `${String(error)}\nCSP violations: ${(await violations()).join(', ')}\nconsole: ${consoleErrors.join('\n')}`,
    );
  });
  await dialog.getByRole('button', { name: 'Devices' }).click();
  await expect(dialog.getByTestId('noise-suppression-state')).toHaveText('');
  await expect(dialog.getByTestId('background-state')).toHaveText('');
  await agent.waitForTimeout(3000);
  const view = await agentView(agent);
  expect(view.background).toBeLessThan(view.person);
  expect(
    await customer.evaluate(() => (window as unknown as { __violations: string[] }).__violations),
  ).toEqual([]);
  await dialog.getByRole('button', { name: 'End call' }).click();
  await finishAgent(agent);
});
