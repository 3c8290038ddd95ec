/**
 * The agent desk's states as an agent sees them, at 1280×800 and 360×740, with axe on each: idle
 * (Available), an incoming contact whose focused Accept shows a focus ring, and the call with its
 * timer (counting from the accept), network quality and the customer's muted badge; the self-view
 * never covers the customer's tile or its label. Screenshots go to test-results/screens/.
 */
import { SendMessageCommand } from '@aws-sdk/client-connectparticipant';
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { finishAfterContactWork, startCustomerContact } from './agent-desk-support';
import { VIEWPORTS, axeViolations, horizontalOverflow, overlaps, screen } from './support/screens';

const base = () => process.env.BASE_URL!;
type Harness = { harness: { join(m: unknown, a: unknown): Promise<void>; startVideo(): Promise<void>; mute(): void } };
const AGENTS = { alex: '0336b503-1430-41e8-9e50-f660e2ad5be0', sam: 'a8483fc0-19df-43b3-b61f-de3bd7b4ca24' };
const setStatus = (agentId: string, status: string) =>
  fetch(`${base()}/local/desk/agents/${agentId}/status`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ status }) });

const contexts: BrowserContext[] = [];
test.afterEach(async () => {
  await Promise.all(contexts.splice(0).map((c) => c.close()));
});

/** Runs `check` at both sizes, then leaves the page at desktop size. */
async function atBothSizes(page: Page, check: (size: string) => Promise<void>) {
  for (const [size, viewport] of Object.entries(VIEWPORTS)) {
    await page.setViewportSize(viewport);
    await check(size);
  }
  await page.setViewportSize(VIEWPORTS.desktop);
}

test('desk states at both sizes: idle, incoming with a visible focus ring, in call with timer, network and the customer muted', async ({ browser }) => {
  test.setTimeout(180_000);
  await setStatus(AGENTS.sam, 'OFFLINE');
  await setStatus(AGENTS.alex, 'OFFLINE');
  const agentContext = await browser.newContext({ permissions: ['camera', 'microphone'], viewport: VIEWPORTS.desktop });
  contexts.push(agentContext);
  const agent = await agentContext.newPage();
  await agent.goto(`${base()}/agent/`);
  await agent.getByRole('button', { name: 'Sign in as Alex Rivera (alex)' }).click();
  await agent.getByRole('button', { name: 'Available', exact: true }).click();
  await expect(agent.getByRole('button', { name: 'Available', exact: true })).toHaveAttribute('aria-pressed', 'true');
  await expect(agent.getByRole('heading', { name: 'Waiting for contacts' })).toBeVisible();
  await atBothSizes(agent, async (size) => {
    expect(await horizontalOverflow(agent)).toBe(0);
    expect(await axeViolations(agent)).toEqual([]);
    await screen(agent, `desk-idle-${size}`);
  });

  // A customer calls (official SDK + the bare Chime harness page), answers the menu with 2: Support.
  const customer = await startCustomerContact(base(), 'Dana Customer');
  const customerContext = await browser.newContext({ permissions: ['camera', 'microphone'] });
  contexts.push(customerContext);
  const customerPage = await customerContext.newPage();
  await customerPage.goto(`${base()}/e2e/harness/`);
  const { Meeting, Attendee } = customer.started.ConnectionData!;
  await customerPage.evaluate(([m, a]) => (window as unknown as Harness).harness.join(m, a), [Meeting, Attendee] as const);
  await customerPage.evaluate(() => (window as unknown as Harness).harness.startVideo());
  await expect.poll(() => customer.transcript(), { timeout: 30_000 }).toContain('Press 1 for sales, or 2 for support.');
  await customer.participant.send(new SendMessageCommand({ ConnectionToken: customer.connectionToken, ContentType: 'audio/dtmf', Content: '2' }));

  const incoming = agent.getByRole('dialog', { name: 'Incoming video contact' });
  for (let i = 0; i < 10; i++) {
    await expect(incoming).toBeVisible();
    if ((await incoming.textContent())?.includes('Dana Customer')) break;
    await incoming.getByRole('button', { name: 'Reject' }).click(); // a contact another spec left waiting
  }
  const accept = incoming.getByRole('button', { name: 'Accept' });
  await expect(accept).toBeFocused();
  // The agent last used the mouse, yet the focused Accept shows a ring (Enter answers).
  const ring = await accept.evaluate((el) => ({ style: getComputedStyle(el).outlineStyle, width: parseFloat(getComputedStyle(el).outlineWidth) }));
  expect(ring.style).not.toBe('none');
  expect(ring.width).toBeGreaterThanOrEqual(2);
  await atBothSizes(agent, async (size) => {
    expect(await horizontalOverflow(agent)).toBe(0);
    expect(await axeViolations(agent)).toEqual([]);
    await screen(agent, `desk-incoming-${size}`);
  });

  const acceptedAt = Date.now();
  await agent.keyboard.press('Enter');
  const customerTile = agent.locator('.stage > .main');
  await expect(agent.locator('video[aria-label="Dana Customer\'s camera"]')).toBeVisible({ timeout: 30_000 });
  await expect.poll(() => agent.locator('video[aria-label="Dana Customer\'s camera"]').evaluate((v: HTMLVideoElement) => v.videoWidth), { timeout: 30_000 }).toBeGreaterThan(0);
  await expect(agent.locator('.tile.self video')).toBeVisible({ timeout: 30_000 });

  // Call time starts at the accept: never more than the time since the Enter (the flow took seconds before).
  const timer = agent.getByTestId('call-timer');
  const shown = async () => {
    const [m = 0, s = 0] = ((await timer.textContent()) ?? '').split(':').map(Number);
    return m * 60 + s;
  };
  expect(await shown()).toBeLessThanOrEqual(Math.ceil((Date.now() - acceptedAt) / 1000) + 1);
  const first = await shown();
  await expect.poll(shown).toBeGreaterThan(first);
  await expect(agent.getByTestId('network-quality')).toHaveText(/^Network: (good|poor)/);

  await customerPage.evaluate(() => (window as unknown as Harness).harness.mute());
  await expect(agent.getByTestId('customer-muted')).toHaveText('Dana Customer is muted');
  await expect(customerTile.locator('figcaption')).toContainText('Muted');

  await atBothSizes(agent, async (size) => {
    expect(await horizontalOverflow(agent)).toBe(0);
    expect(await overlaps(agent.locator('.tile.self'), customerTile), `self-view over the customer at ${size}`).toBe(false);
    await expect(customerTile.locator('figcaption')).toBeVisible();
    expect(await axeViolations(agent)).toEqual([]);
    await screen(agent, `desk-in-call-${size}`);
  });

  await agent.getByRole('button', { name: 'End contact' }).click();
  await finishAfterContactWork(agent);
  await agent.getByRole('button', { name: 'Offline', exact: true }).click();
  await expect(agent.getByRole('button', { name: 'Offline', exact: true })).toHaveAttribute('aria-pressed', 'true');
});
