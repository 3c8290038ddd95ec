/**
 * Helpers for the widget's browser tests: the agent side through the real /agent/ desk, observation
 * of the customer page's media (every getUserMedia/getDisplayMedia track is recorded, so a test can
 * check the camera light is off), and WebRTC inbound statistics.
 */
import { expect, type Browser, type Page } from '@playwright/test';
import { releaseAgents } from './desk-reset';
import { VIEWPORTS } from './screens';

/** The URL of the server global-setup started (or the one BASE_URL named). */
export const base = () => process.env.BASE_URL!;

const AGENTS = {
  alex: '0336b503-1430-41e8-9e50-f660e2ad5be0',
  sam: 'a8483fc0-19df-43b3-b61f-de3bd7b4ca24',
};

/**
 * Sets an agent's availability through the desk API (so only the agent a test drives gets
 * contacts).
 */
export async function setAgentStatus(agent: keyof typeof AGENTS, status: 'AVAILABLE' | 'OFFLINE') {
  const res = await fetch(`${base()}/local/desk/agents/${AGENTS[agent]}/status`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ status }),
  });
  if (!res.ok) throw new Error(`desk status ${res.status}: ${await res.text()}`);
}

/**
 * Opens the agent desk as Sam, Available (Alex offline), and returns the page; `beforeLoad` runs on
 * the page before the desk loads (e.g. to record its peer connections).
 */
export async function openAgentDesk(
  browser: Browser,
  beforeLoad?: (page: Page) => Promise<unknown>,
): Promise<Page> {
  await releaseAgents(base());
  const ctx = await browser.newContext({ permissions: ['camera', 'microphone'] });
  const agent = await ctx.newPage();
  await beforeLoad?.(agent);
  await agent.goto(`${base()}/agent/`);
  await agent.getByRole('button', { name: 'Sign in as Sam Okafor (sam)' }).click();
  const available = agent.getByRole('button', { name: 'Available', exact: true });
  await available.click();
  await expect(available).toHaveAttribute('aria-pressed', 'true');
  return agent;
}

/** The agent accepts the ringing contact. */
export async function acceptContact(agent: Page, customerName: string) {
  const incoming = agent.getByRole('dialog', { name: 'Incoming video contact' });
  await expect(incoming).toContainText(customerName, { timeout: 30_000 });
  await incoming.getByRole('button', { name: 'Accept' }).click();
}

/** After the contact: skip after-contact work and go offline, leaving the desk as it was. */
export async function finishAgent(agent: Page) {
  const done = agent.getByRole('button', { name: 'Done — become available' });
  if (await done.isVisible().catch(() => false)) await done.click();
  await setAgentStatus('sam', 'OFFLINE').catch(() => undefined);
  await agent.context().close();
}

/** Records every media track the page captures, and every host event of the widget. */
export async function observeCustomerPage(page: Page) {
  await page.addInitScript(() => {
    const w = window as unknown as {
      __tracks: MediaStreamTrack[];
      __events: Array<{ type: string; detail: unknown }>;
    };
    w.__tracks = [];
    w.__events = [];
    const md = navigator.mediaDevices;
    const gum = md.getUserMedia.bind(md);
    md.getUserMedia = async (c) => {
      const s = await gum(c);
      w.__tracks.push(...s.getTracks());
      return s;
    };
    for (const type of ['cvc-state', 'cvc-ended', 'cvc-error'])
      document.addEventListener(type, (e) =>
        w.__events.push({ type, detail: (e as CustomEvent).detail }),
      );
  });
}

/** Live (not stopped) captured tracks of a kind on the page. */
export function liveTracks(page: Page, kind: 'video' | 'audio'): Promise<number> {
  return page.evaluate(
    (k) =>
      (window as unknown as { __tracks: MediaStreamTrack[] }).__tracks.filter(
        (t) => t.kind === k && t.readyState === 'live',
      ).length,
    kind,
  );
}

/** Host events the widget dispatched so far. */
export function hostEvents(
  page: Page,
): Promise<Array<{ type: string; detail: Record<string, unknown> }>> {
  return page.evaluate(
    () =>
      (window as unknown as { __events: Array<{ type: string; detail: Record<string, unknown> }> })
        .__events,
  );
}

/** Frames a `<video>` (found by accessible label, shadow DOM included) has presented. */
export async function videoFramesByLabel(page: Page, label: string): Promise<number> {
  const video = page.getByLabel(label, { exact: true });
  if ((await video.count()) === 0) return 0;
  return video
    .first()
    .evaluate((v) => (v as HTMLVideoElement).getVideoPlaybackQuality().totalVideoFrames);
}

/**
 * Opens the widget on the shop page (optionally for another entry point or locale) and returns its
 * dialog.
 */
export async function openWidget(page: Page, attrs: Record<string, string> = {}) {
  await page.goto(`${base()}/`);
  await page.evaluate((a) => {
    const el = document.querySelector('connect-video-call')!;
    for (const [k, v] of Object.entries(a)) el.setAttribute(k, v);
  }, attrs);
  await page
    .getByRole('button', {
      name: attrs.locale === 'es' ? 'Iniciar videollamada' : 'Start video call',
    })
    .click();
  return page.getByRole('dialog', { name: attrs.locale === 'es' ? 'Videollamada' : 'Video call' });
}

/** From the pre-call screen through the sample flow ("2" = Support) to the agent's Accept. */
export async function callThroughFlow(
  customer: Page,
  agent: Page,
  name: string,
  opts: { voiceOnly?: boolean } = {},
) {
  const dialog = customer.getByRole('dialog', { name: 'Video call' });
  await dialog.getByLabel('Your name').fill(name);
  if (opts.voiceOnly) await dialog.getByRole('button', { name: 'Stop video' }).click();
  await dialog.getByRole('button', { name: 'Join call' }).click();
  await expect(dialog.getByRole('region', { name: 'Captions' })).toContainText(
    'Press 1 for sales, or 2 for support.',
    { timeout: 30_000 },
  );
  // The keypad opens by itself while the flow waits for an answer.
  await dialog
    .getByRole('group', { name: 'Keypad' })
    .getByRole('button', { name: '2', exact: true })
    .click();
  await acceptContact(agent, name);
  await expect(dialog.getByTestId('agent-name')).toHaveText(/In call with Sam/, {
    timeout: 30_000,
  });
  return dialog;
}

/**
 * A customer page in a context of its own (camera and microphone allowed, desktop-sized unless told),
 * its media and host events observed; `beforeLoad` adds more init scripts before any page loads.
 */
export async function openCustomerPage(
  browser: Browser,
  opts: {
    viewport?: { width: number; height: number };
    beforeLoad?: (page: Page) => Promise<unknown>;
  } = {},
): Promise<Page> {
  const context = await browser.newContext({
    permissions: ['camera', 'microphone'],
    viewport: opts.viewport ?? VIEWPORTS.desktop,
  });
  const customer = await context.newPage();
  await observeCustomerPage(customer);
  await opts.beforeLoad?.(customer);
  return customer;
}

/** Frames the customer's view of the agent's video has presented (0 before it exists). */
export const agentVideoFrames = (customer: Page): Promise<number> =>
  customer
    .getByTestId('agent-video')
    .evaluate((v) => (v as HTMLVideoElement).getVideoPlaybackQuality().totalVideoFrames)
    .catch(() => 0);

/**
 * Sam at the desk and a customer in a call with him: the customer opens the widget on the shop page
 * (`attrs` set on its element first), goes through the sample flow, the agent accepts, and the agent's
 * video plays on the customer's page. `agentBeforeLoad`/`customerBeforeLoad` run before each page loads.
 */
export async function customerInCall(
  browser: Browser,
  name: string,
  opts: {
    attrs?: Record<string, string>;
    agentBeforeLoad?: (page: Page) => Promise<unknown>;
    customerBeforeLoad?: (page: Page) => Promise<unknown>;
  } = {},
) {
  const agent = await openAgentDesk(browser, opts.agentBeforeLoad);
  const customer = await openCustomerPage(browser, { beforeLoad: opts.customerBeforeLoad });
  await openWidget(customer, opts.attrs);
  const dialog = await callThroughFlow(customer, agent, name);
  await expect.poll(() => agentVideoFrames(customer), { timeout: 30_000 }).toBeGreaterThan(5);
  return { agent, customer, dialog };
}
