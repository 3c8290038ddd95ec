/**
 * Customer-widget figures, from the built bundle and through the real pages in Chromium:
 *  - the gzip size of each chunk a customer downloads before joining (launcher, call UI, React,
 *    Chime SDK) and the total, against the budgets of scripts/bundle-budget.mjs;
 *  - launcher click → pre-call screen ready (the call UI chunk loads), and "Join call" click →
 *    joined (the meeting's peer connection is connected);
 *  - the agent's Accept on the real /agent/ desk → the customer's first decoded frame of the agent;
 *  - a reload mid-call (page.reload() called) → the rejoined page's first decoded frame of the
 *    agent (median of RELOADS reloads in one call: same contact, same attendee, no click).
 * Bounded: ROUNDS calls, each step with a timeout. Needs `npm run build`. Run:
 * `npx tsx bench/widget-bench.ts`.
 */
import { join, resolve } from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { chromiumLaunchOptions } from '../e2e/testing/chromium';
import { finishAfterContactWork, trackPeerConnections } from '../e2e/testing/agent-desk-support';
import { startLocalStack } from '../src/backend/testing/start-local-stack';
import { medianLine } from './bench-stats';
import { budgetViolations, describeReport, readReport } from '../scripts/bundle-budget.mjs';

const ROUNDS = 3;
const RELOADS = 5;
const STEP_TIMEOUT_MS = 30_000;
const dist = resolve('dist');

// --- Sizes: every chunk a customer downloads before a call is joined, grouped as the build's
// budget check groups them (scripts/bundle-budget.mjs, from the bundle reports the widget build
// writes).
for (const [title, file] of [
  ['Script-tag widget', 'bundle-report.json'],
  ['React component (React from the host)', 'react-bundle-report.json'],
] as const) {
  const grouped = readReport(join(dist, '.vite', file));
  console.log(describeReport(title, grouped).join('\n'));
  const over = budgetViolations(grouped);
  console.log(over.length ? `  OVER BUDGET: ${over.join('; ')}` : '  within budget');
}

// --- Latencies through the real pages.
const stack = await startLocalStack({ distDir: dist });
const browser = await chromium.launch(chromiumLaunchOptions());
const figures = {
  openToReady: [] as number[],
  joinToJoined: [] as number[],
  acceptToFrame: [] as number[],
  reloadToFrame: [] as number[],
};
/** Resolves once the page's agent video has decoded a frame. */
const agentFrame = (customer: Page) =>
  customer.waitForFunction(
    () => {
      const host = document.querySelector('connect-video-call');
      const v = host?.shadowRoot?.querySelector<HTMLVideoElement>(
        'video[data-testid="agent-video"]',
      );
      return !!v && v.getVideoPlaybackQuality().totalVideoFrames > 0;
    },
    null,
    { polling: 'raf', timeout: STEP_TIMEOUT_MS },
  );
const setStatus = (id: string, status: string) =>
  fetch(`${stack.baseUrl}/local/desk/agents/${id}/status`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ status }),
  });

async function peerConnected(page: Page) {
  await page.waitForFunction(
    () =>
      ((window as unknown as { __pcs?: RTCPeerConnection[] }).__pcs ?? []).some(
        (pc) => pc.connectionState === 'connected',
      ),
    null,
    { polling: 'raf', timeout: STEP_TIMEOUT_MS },
  );
}

try {
  await setStatus('0336b503-1430-41e8-9e50-f660e2ad5be0', 'OFFLINE'); // Alex; Sam takes the calls
  const agent = await (
    await browser.newContext({ permissions: ['camera', 'microphone'] })
  ).newPage();
  await agent.goto(`${stack.baseUrl}/agent/`);
  await agent.getByRole('button', { name: 'Sign in as Sam Okafor (sam)' }).click();
  await agent.getByRole('button', { name: 'Available', exact: true }).click();

  for (let round = 0; round < ROUNDS; round++) {
    const customer = await (
      await browser.newContext({ permissions: ['camera', 'microphone'] })
    ).newPage();
    await trackPeerConnections(customer);
    await customer.goto(`${stack.baseUrl}/`);
    const dialog = customer.getByRole('dialog', { name: 'Video call' });
    let t = performance.now();
    await customer.getByRole('button', { name: 'Start video call' }).click();
    await dialog.getByRole('button', { name: 'Join call' }).waitFor({ timeout: STEP_TIMEOUT_MS });
    figures.openToReady.push(performance.now() - t);
    await dialog.getByLabel('Your name').fill(`Bench ${round}`);
    t = performance.now();
    await dialog.getByRole('button', { name: 'Join call' }).click();
    await peerConnected(customer);
    figures.joinToJoined.push(performance.now() - t);

    await dialog
      .getByRole('region', { name: 'Captions' })
      .getByText(/^Press 1/)
      .waitFor({ timeout: STEP_TIMEOUT_MS });
    await dialog.getByRole('button', { name: 'Show keypad' }).click();
    await dialog
      .getByRole('group', { name: 'Keypad' })
      .getByRole('button', { name: '2', exact: true })
      .click();
    const ringing = agent.getByRole('dialog', { name: 'Incoming video contact' });
    await ringing.waitFor({ timeout: STEP_TIMEOUT_MS });
    await ringing.getByRole('button', { name: 'Accept' }).click();
    t = performance.now();
    try {
      await agentFrame(customer);
      figures.acceptToFrame.push(performance.now() - t);
    } catch {
      console.log(
        `round ${round}: no decoded frame of the agent within ${STEP_TIMEOUT_MS / 1000} s`,
      );
    }
    // The last call: reload mid-call, the widget rejoins by itself; time to the agent's first frame
    // again.
    for (let i = 0; round === ROUNDS - 1 && i < RELOADS; i++) {
      t = performance.now();
      await customer.reload();
      try {
        await agentFrame(customer);
        figures.reloadToFrame.push(performance.now() - t);
      } catch {
        console.log(
          `reload ${i}: no decoded frame of the agent within ${STEP_TIMEOUT_MS / 1000} s`,
        );
      }
    }
    await dialog.getByRole('button', { name: 'End call' }).click();
    await finishAfterContactWork(agent);
    await customer.context().close();
  }
} finally {
  await browser.close();
  await stack.close();
}

console.log(
  medianLine('Launcher click → pre-call screen ready (call UI chunk loaded)', figures.openToReady),
);
console.log(
  medianLine(
    '"Join call" click → joined (StartWebRTCContact + meeting peer connection connected)',
    figures.joinToJoined,
  ),
);
console.log(
  medianLine("Agent's Accept → customer's first decoded frame of the agent", figures.acceptToFrame),
);
console.log(
  medianLine(
    "Reload mid-call → rejoined page's first decoded frame of the agent (same contact and attendee)",
    figures.reloadToFrame,
  ),
);
