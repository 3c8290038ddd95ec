/**
 * The customer's browser side by side (`npm run bench -- media`): the same widget call through the
 * real local stack with the customer in Chromium and in Firefox (Debian's firefox-esr over
 * WebDriver BiDi, e2e/testing/firefox.ts), the agent in Chromium at the real desk. Per browser, the
 * medians of:
 *  - "Join call" click → the customer's peer connection is connected (joined);
 *  - the agent's Accept → the customer's first frame of the agent, and the agent's first frame of
 *    the customer.
 * Bounded: ROUNDS calls per browser, each step with a timeout. Needs `npm run build`. Firefox is
 * skipped, with the reason, where it is not installed.
 */
import { resolve } from 'node:path';
import { chromium, type Page } from '@playwright/test';
import type { Browser as FirefoxBrowser, Page as FirefoxPage } from 'puppeteer-core';
import { chromiumLaunchOptions } from '../e2e/testing/chromium';
import { finishAfterContactWork, trackPeerConnections } from '../e2e/testing/agent-desk-support';
import {
  clickDeep,
  firefoxMissing,
  launchFirefox,
  recordFirefoxPage,
  waitDeep,
} from '../e2e/testing/firefox';
import { startLocalStack } from '../src/backend/testing/start-local-stack';
import { medianLine } from './bench-stats';

const ROUNDS = 3;
const STEP_TIMEOUT_MS = 30_000;

/** What the bench does in a customer page, whichever browser drives it. */
interface Customer {
  /** Opens the widget and fills the name; resolves when Join can be pressed. */
  open(name: string): Promise<void>;
  click(name: string): Promise<void>;
  /** Waits in the page until `condition` (a JavaScript expression) holds. */
  until(condition: string): Promise<void>;
  close(): Promise<void>;
}

// Page-side expressions, as strings: the Firefox page gets them over BiDi as they are written.
const JOINED = `(window.__pcs || []).some((pc) => pc.connectionState === 'connected')`;
const AGENT_FRAME = `(() => {
  const v = document.querySelector('connect-video-call')?.shadowRoot?.querySelector('video[data-testid="agent-video"]');
  return !!v && (v.getVideoPlaybackQuality().totalVideoFrames || v.mozPaintedFrames || 0) > 0;
})()`;
const waitIn = (condition: string) => `new Promise((resolve, reject) => {
  const start = performance.now();
  const tick = () => {
    if (${condition}) resolve(true);
    else if (performance.now() - start > ${STEP_TIMEOUT_MS}) reject(new Error('timed out'));
    else setTimeout(tick, 5);
  };
  tick();
})`;

async function chromiumCustomer(baseUrl: string): Promise<Customer & { quit(): Promise<void> }> {
  const browser = await chromium.launch(chromiumLaunchOptions());
  let page: Page;
  return {
    async open(name) {
      page = await (await browser.newContext({ permissions: ['camera', 'microphone'] })).newPage();
      await trackPeerConnections(page);
      await page.goto(`${baseUrl}/`);
      await page.getByRole('button', { name: 'Start video call' }).click();
      await page.getByLabel('Your name').fill(name);
    },
    click: (name) => page.getByRole('button', { name, exact: true }).click(),
    until: async (condition) => void (await page.evaluate(waitIn(condition))),
    close: () => page.context().close(),
    quit: () => browser.close(),
  };
}

async function firefoxCustomer(baseUrl: string): Promise<Customer & { quit(): Promise<void> }> {
  const { browser } = await launchFirefox();
  let page: FirefoxPage;
  return {
    async open(name) {
      // A fresh profile context per call: the widget remembers the last name in localStorage.
      page = await (await (browser as FirefoxBrowser).createBrowserContext()).newPage();
      await recordFirefoxPage(page);
      await page.goto(`${baseUrl}/`);
      await clickDeep(page, { role: 'button', name: 'Start video call' });
      const field = await waitDeep(page, { label: 'Your name' });
      await field.type(name);
      await field.dispose();
    },
    click: (name) => clickDeep(page, { role: 'button', name }),
    until: async (condition) => void (await page.evaluate(waitIn(condition))),
    close: () => page.browserContext().close(),
    quit: () => browser.close(),
  };
}

const stack = await startLocalStack({ distDir: resolve('dist') });
const desk = await chromium.launch(chromiumLaunchOptions());
const setStatus = (id: string, status: string) =>
  fetch(`${stack.baseUrl}/local/desk/agents/${id}/status`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ status }),
  });
const results: Array<{
  browser: string;
  join: number[];
  customerFrame: number[];
  agentFrame: number[];
}> = [];
try {
  await setStatus('0336b503-1430-41e8-9e50-f660e2ad5be0', 'OFFLINE'); // Alex; Sam takes the calls
  const agent = await (await desk.newContext({ permissions: ['camera', 'microphone'] })).newPage();
  await agent.goto(`${stack.baseUrl}/agent/`);
  await agent.getByRole('button', { name: 'Sign in as Sam Okafor (sam)' }).click();
  await agent.getByRole('button', { name: 'Available', exact: true }).click();
  const missing = firefoxMissing();
  if (missing) console.log(`Firefox customer not measured: ${missing}`);
  const browsers = [
    { name: 'Chromium', start: chromiumCustomer },
    ...(missing ? [] : [{ name: 'Firefox', start: firefoxCustomer }]),
  ];
  for (const { name, start } of browsers) {
    const customer = await start(stack.baseUrl);
    const figures = {
      browser: name,
      join: [] as number[],
      customerFrame: [] as number[],
      agentFrame: [] as number[],
    };
    results.push(figures);
    try {
      for (let round = 0; round < ROUNDS; round++) {
        const who = `${name} Bench ${round}`;
        await customer.open(who);
        let t = performance.now();
        await customer.click('Join call');
        await customer.until(JOINED);
        figures.join.push(performance.now() - t);
        await customer.until(`(() => {
          const r = document.querySelector('connect-video-call').shadowRoot;
          const keys = r.querySelector('[role=group][aria-label="Keypad"]');
          return !!keys;
        })()`);
        await customer.click('2');
        const ringing = agent.getByRole('dialog', { name: 'Incoming video contact' });
        await ringing.waitFor({ timeout: STEP_TIMEOUT_MS });
        await ringing.getByRole('button', { name: 'Accept' }).click();
        t = performance.now();
        const [customerFrame, agentFrame] = await Promise.all([
          customer.until(AGENT_FRAME).then(() => performance.now() - t),
          agent
            .waitForFunction(
              (label) => {
                const v = document.querySelector<HTMLVideoElement>(`video[aria-label="${label}"]`);
                return !!v && v.getVideoPlaybackQuality().totalVideoFrames > 0;
              },
              `${who}'s camera`,
              { polling: 'raf', timeout: STEP_TIMEOUT_MS },
            )
            .then(() => performance.now() - t),
        ]);
        figures.customerFrame.push(customerFrame);
        figures.agentFrame.push(agentFrame);
        await customer.click('End call');
        await finishAfterContactWork(agent);
        await customer.close();
      }
    } finally {
      await customer.quit();
    }
  }
} finally {
  await desk.close();
  await stack.close();
}
for (const r of results) {
  console.log(`customer in ${r.browser} (agent in Chromium):`);
  console.log(medianLine('  "Join call" click → joined (peer connection connected)', r.join));
  console.log(medianLine("  Accept → customer's first frame of the agent", r.customerFrame));
  console.log(medianLine("  Accept → agent's first frame of the customer", r.agentFrame));
}
