/**
 * The agent desk's states as an agent sees them, at 1280×800 and 360×740, with axe on each: idle
 * (Available), an incoming contact whose focused Accept shows a focus ring, and the call with its
 * timer (counting from the accept), network quality and the customer's muted badge; the self-view
 * never covers the customer's tile or its label. Screenshots go to test-results/screens/.
 */
import { SendMessageCommand } from '@aws-sdk/client-connectparticipant';
import { expect, test, type Locator, type Page } from '@playwright/test';
import type { DeskState } from '../src/shared/agent-desk-api';
import {
  AGENTS,
  contextsClosedAfterEach,
  finishAfterContactWork,
  startCustomerContact,
  videoFrames,
} from './testing/agent-desk-support';
import { VIEWPORTS, axeViolations, horizontalOverflow, overlaps, screen } from './testing/screens';
import { releaseAgents } from './testing/desk-reset';
import { routeHarness } from './testing/harness-route';

const base = () => process.env.BASE_URL!;
type Harness = {
  harness: {
    join(m: unknown, a: unknown): Promise<void>;
    startVideo(): Promise<void>;
    mute(): void;
  };
};
const contexts = contextsClosedAfterEach();

/** Runs `check` at both sizes, then leaves the page at desktop size. */
async function atBothSizes(page: Page, check: (size: string) => Promise<void>) {
  for (const [size, viewport] of Object.entries(VIEWPORTS)) {
    await page.setViewportSize(viewport);
    await check(size);
  }
  await page.setViewportSize(VIEWPORTS.desktop);
}

/** A contact that asked for Support (the menu's "2"), started with the official SDK. */
async function supportContact(
  name: string,
  joinMedia?: (customer: Awaited<ReturnType<typeof startCustomerContact>>) => Promise<void>,
) {
  const customer = await startCustomerContact(base(), name);
  await joinMedia?.(customer);
  await expect
    .poll(() => customer.transcript(), { timeout: 30_000 })
    .toContain('Press 1 for sales, or 2 for support.');
  await customer.participant.send(
    new SendMessageCommand({
      ConnectionToken: customer.connectionToken,
      ContentType: 'audio/dtmf',
      Content: '2',
    }),
  );
  return customer;
}

/**
 * Waits until the contact of `name` rings at the desk (rejecting contacts other specs left
 * waiting).
 */
async function ringingFrom(agent: Page, name: string): Promise<Locator> {
  const incoming = agent.getByRole('dialog', { name: 'Incoming video contact' });
  for (let i = 0; i < 10; i++) {
    await expect(incoming).toBeVisible({ timeout: 30_000 });
    if ((await incoming.textContent())?.includes(name)) break;
    await incoming.getByRole('button', { name: 'Reject' }).click();
  }
  await expect(incoming).toContainText(name);
  return incoming;
}

/** The focused Accept shows an outline although the agent last used the mouse (Enter answers). */
async function expectFocusRing(incoming: Locator) {
  const accept = incoming.getByRole('button', { name: 'Accept' });
  await expect(accept).toBeFocused();
  // toHaveCSS re-resolves and retries: the card may re-render while the desk state streams in.
  await expect(accept).toHaveCSS('outline-style', 'solid');
  await expect(accept).toHaveCSS('outline-width', '3px');
}

test('desk states at both sizes: idle, incoming with a visible focus ring, in call with timer, network and the customer muted', async ({
  browser,
}) => {
  test.setTimeout(300_000);
  await releaseAgents(base());
  const agentContext = await browser.newContext({
    permissions: ['camera', 'microphone'],
    viewport: VIEWPORTS.desktop,
  });
  contexts.push(agentContext);
  const agent = await agentContext.newPage();
  await agent.goto(`${base()}/agent/`);
  await agent.getByRole('button', { name: 'Sign in as Alex Rivera (alex)' }).click();
  await agent.getByRole('button', { name: 'Available', exact: true }).click();
  await expect(agent.getByRole('button', { name: 'Available', exact: true })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await expect(agent.getByRole('heading', { name: 'Waiting for contacts' })).toBeVisible();
  await atBothSizes(agent, async (size) => {
    expect(await horizontalOverflow(agent)).toBe(0);
    expect(await axeViolations(agent)).toEqual([]);
    await screen(agent, `desk-idle-${size}`);
  });

  // The customer joins the meeting in the bare Chime harness page while the flow runs.
  const customerContext = await browser.newContext({ permissions: ['camera', 'microphone'] });
  contexts.push(customerContext);
  await routeHarness(customerContext, base());
  const customerPage = await customerContext.newPage();
  await customerPage.goto(`${base()}/e2e/harness/`);
  await supportContact('Dana Customer', async (customer) => {
    const { Meeting, Attendee } = customer.started.ConnectionData!;
    await customerPage.evaluate(([m, a]) => (window as unknown as Harness).harness.join(m, a), [
      Meeting,
      Attendee,
    ] as const);
    await customerPage.evaluate(() => (window as unknown as Harness).harness.startVideo());
  });

  // A contact rings for 20 s: only the desktop checks run while this one rings; a second contact
  // rings at phone size below.
  const incoming = await ringingFrom(agent, 'Dana Customer');
  await expectFocusRing(incoming);
  // A contact rings for 20 s, too short for axe on a loaded machine: axe and both sizes of the
  // ringing card are the next test's.
  await screen(agent, 'desk-incoming-live-desktop');
  const acceptedAt = Date.now();
  await agent.keyboard.press('Enter');

  const customerTile = agent.locator('.stage > .main');
  await expect
    .poll(() => videoFrames(agent, "Dana Customer's camera"), { timeout: 60_000 })
    .toBeGreaterThan(0);
  await expect(agent.locator('.tile.self video')).toBeVisible({ timeout: 30_000 });

  // Call time starts at the accept: never more than the time since the Enter (the flow took seconds
  // before).
  const timer = agent.getByTestId('call-timer');
  const shown = async () => {
    const [m = 0, s = 0] = ((await timer.textContent()) ?? '').split(':').map(Number);
    return m * 60 + s;
  };
  expect(await shown()).toBeLessThanOrEqual(Math.ceil((Date.now() - acceptedAt) / 1000) + 1);
  const first = await shown();
  await expect.poll(shown).toBeGreaterThan(first);
  await expect(agent.getByTestId('network-quality')).toHaveText(/^Network: (good|poor)/);
  // DescribeContact's DeviceInfo and QualityMetrics as the desk shows them: the browser the
  // customer's Chime SDK client described at JOIN, and each side's audio as the media server
  // measured it.
  await expect(agent.getByTestId('customer-device')).toHaveText(/^Customer on Chrome \d+, Linux$/);
  await expect(agent.getByTestId('audio-quality-customer')).toHaveText(/^Customer audio \d\.\d\/5/);
  await expect(agent.getByTestId('audio-quality-you')).toHaveText(/^Your audio \d\.\d\/5/);

  await customerPage.evaluate(() => (window as unknown as Harness).harness.mute());
  await expect(agent.getByTestId('customer-muted')).toHaveText('Dana Customer is muted');
  await expect(customerTile.locator('figcaption')).toContainText('Muted');

  await atBothSizes(agent, async (size) => {
    await agent.screenshot({ path: `test-results/desk-screens/in-call-${size}.png` });
    expect(await horizontalOverflow(agent)).toBe(0);
    expect(
      await overlaps(agent.locator('.tile.self'), customerTile),
      `self-view over the customer at ${size}`,
    ).toBe(false);
    await expect(customerTile.locator('figcaption')).toBeVisible();
    expect(await axeViolations(agent)).toEqual([]);
    await screen(agent, `desk-in-call-${size}`);
  });
  await agent.getByRole('button', { name: 'End contact' }).click();
  await finishAfterContactWork(agent);

  await agent.getByRole('button', { name: 'Offline', exact: true }).click();
  await expect(agent.getByRole('button', { name: 'Offline', exact: true })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
});

test('the ringing card at both sizes: focus ring on Accept, nothing sticks out, axe clean', async ({
  page,
}) => {
  test.setTimeout(240_000);
  // The desk's own state stream answers with one fixed ringing contact, so the card stays up while
  // axe runs (a real contact rings for 20 s); the page, sign-in and agent list are the real ones.
  const ringing: DeskState = {
    agent: {
      id: AGENTS.sam,
      username: 'sam',
      name: 'Sam Okafor',
      status: 'RINGING',
      statusSince: Date.now(),
    },
    contact: {
      id: 'c-ring',
      state: 'RINGING',
      customerName: 'Dana Customer',
      description: 'Video call from Dana Customer',
      queueName: 'Support',
      participants: [],
      attributes: { product: 'kettle', orderId: 'A-1001', language: 'es' },
      references: { page: { Type: 'URL', Value: 'https://shop.example/kettle' } },
      ringStartedAt: Date.now(),
      ringTimeoutSeconds: 20,
      capabilities: {
        customer: { video: true, screenShare: true },
        agent: { video: true, screenShare: true },
      },
      dtmf: [{ at: Date.now(), digits: '2' }],
      captions: [{ at: Date.now() - 1000, text: 'Press 1 for sales, or 2 for support.' }],
    },
    afterContactWorkSeconds: 10,
    history: [],
  };
  await page.route('**/local/desk/agents/*/events', (route) =>
    route.fulfill({
      status: 200,
      headers: { 'content-type': 'text/event-stream', 'cache-control': 'no-store' },
      body: `retry: 60000\nevent: desk\ndata: ${JSON.stringify(ringing)}\n\n`,
    }),
  );
  await page.goto(`${base()}/agent/`);
  await page.getByRole('button', { name: 'Sign in as Sam Okafor (sam)' }).click();
  const incoming = await ringingFrom(page, 'Dana Customer');
  await expectFocusRing(incoming);
  await atBothSizes(page, async (size) => {
    expect(await horizontalOverflow(page)).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    await screen(page, `desk-incoming-${size}`);
  });
});
