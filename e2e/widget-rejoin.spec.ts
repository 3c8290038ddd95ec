/**
 * A call that survives the customer's page going: a reload mid-call and a move from `/` to the
 * shop's second page (`/size-guide/`) rejoin the same contact as the same attendee without a click,
 * and media flows again both ways (inbound RTP statistics on both sides, the video elements'
 * frames); a second tab and a duplicated tab (sessionStorage copied while the call runs) do not
 * take the call; closing the tab ends the contact after the entry point's grace period (the
 * `short-grace` entry point: 8 s), and the agent's desk shows "customer reconnecting" with a
 * countdown, then the end.
 */
import { expect, test, type Page } from '@playwright/test';
import { inboundMedia, trackPeerConnections } from './testing/agent-desk-support';
import { describeContact } from './testing/contacts';
import {
  agentVideoFrames,
  base,
  customerInCall,
  finishAgent,
  videoFramesByLabel,
} from './testing/widget-support';
import { screen, VIEWPORTS } from './testing/screens';

const SAVED = 'connect-video-call:call';

/** The contact and attendee this tab's page holds (from its sessionStorage), or null. */
function savedCall(page: Page) {
  return page.evaluate((key) => {
    const raw = sessionStorage.getItem(key);
    if (!raw) return null;
    const saved = JSON.parse(raw) as {
      call: { contactId: string; connectionData: { Attendee: { AttendeeId: string } } };
      held: boolean;
    };
    return {
      contactId: saved.call.contactId,
      attendeeId: saved.call.connectionData.Attendee.AttendeeId,
      held: saved.held,
    };
  }, SAVED);
}

/** A customer (peer connections tracked on both sides) in a call with Sam at the desk. */
const inCall = (
  browser: import('@playwright/test').Browser,
  name: string,
  attrs: Record<string, string> = {},
) =>
  customerInCall(browser, name, {
    attrs,
    agentBeforeLoad: trackPeerConnections,
    customerBeforeLoad: trackPeerConnections,
  });

/**
 * Both sides receive media again: the customer from scratch on its new page, the agent more than
 * before.
 */
async function mediaFlowsBothWays(customer: Page, agent: Page, name: string) {
  const agentBefore = await inboundMedia(agent);
  const framesBefore = await videoFramesByLabel(agent, `${name}'s camera`);
  await expect.poll(() => agentVideoFrames(customer), { timeout: 20_000 }).toBeGreaterThan(5);
  await expect
    .poll(async () => (await inboundMedia(customer)).audioPackets, { timeout: 20_000 })
    .toBeGreaterThan(50);
  await expect
    .poll(async () => (await inboundMedia(customer)).audioEnergy, { timeout: 20_000 })
    .toBeGreaterThan(0);
  await expect
    .poll(async () => (await inboundMedia(agent)).audioPackets, { timeout: 20_000 })
    .toBeGreaterThan(agentBefore.audioPackets + 50);
  await expect
    .poll(() => videoFramesByLabel(agent, `${name}'s camera`), { timeout: 20_000 })
    .toBeGreaterThan(framesBefore + 5);
}

test('a reload mid-call rejoins the same contact as the same attendee, media flows again both ways', async ({
  browser,
}) => {
  const { agent, customer } = await inCall(browser, 'Remy Reload');
  const before = await savedCall(customer);
  expect(before).toMatchObject({ held: true });
  const requests: string[] = [];
  customer.on('request', (r) => requests.push(`${r.method()} ${new URL(r.url()).pathname}`));

  await customer.reload();
  // No click: the widget opens by itself in the call, with the agent, and media flows again.
  const dialog = customer.getByRole('dialog', { name: 'Video call' });
  await expect(dialog.getByTestId('agent-name')).toHaveText(/In call with Sam/);
  await mediaFlowsBothWays(customer, agent, 'Remy Reload');
  expect(await savedCall(customer)).toEqual(before); // same contact, same attendee
  // No second contact: the new page asked the backend to keep the call, never to start one.
  expect(requests).toContain(`POST /api/calls/${before!.contactId}/back`);
  expect(requests).not.toContain('POST /api/calls');
  const contact = await describeContact(before!.contactId);
  expect(contact.DisconnectTimestamp).toBeUndefined();
  // The page that went said so (away: the attribute set), the new one is back (cleared).
  expect(contact.Attributes?.['cvc-away-until']).toBe('');
  await expect(agent.getByTestId('customer-away')).toHaveCount(0);

  await dialog.getByRole('button', { name: 'End call' }).click();
  await expect(dialog.getByRole('heading', { name: 'Call ended' })).toBeVisible();
  await expect
    .poll(async () => (await describeContact(before!.contactId)).DisconnectTimestamp)
    .toBeInstanceOf(Date);
  expect(await savedCall(customer)).toBeNull();
  await finishAgent(agent);
});

test('moving from the shop page to the size guide keeps the call', async ({ browser }) => {
  const { agent, customer, dialog } = await inCall(browser, 'Nia Navigate');
  const before = await savedCall(customer);
  // The new page's "back" is held a moment, so the desk's "reconnecting" is there to be seen.
  let releaseBack: () => void = () => undefined;
  const backHeld = new Promise<void>((resolve) => (releaseBack = resolve));
  await customer.route('**/api/calls/*/back', async (route) => {
    await backHeld;
    await route.continue();
  });
  // The customer minimises the call and follows the shop's link to its second page.
  await dialog.getByRole('button', { name: 'Minimise' }).click();
  await customer.getByRole('link', { name: 'Size guide' }).click();
  const away = agent.getByTestId('customer-away');
  await expect(away).toContainText('Nia Navigate is reconnecting… The contact ends in 0:');
  releaseBack();
  await expect(away).toHaveCount(0);
  await expect(agent.getByTestId('customer-back')).toHaveText('Nia Navigate is back');
  await expect(customer).toHaveURL(`${base()}/size-guide/`);
  await expect(customer.getByRole('heading', { name: 'Size guide', level: 1 })).toBeVisible();
  const again = customer.getByRole('dialog', { name: 'Video call' });
  await expect(again.getByTestId('agent-name')).toHaveText(/In call with Sam/);
  await mediaFlowsBothWays(customer, agent, 'Nia Navigate');
  expect(await savedCall(customer)).toEqual(before);
  await screen(customer, 'size-guide-rejoined-1280x800');
  await customer.setViewportSize(VIEWPORTS.phone);
  await expect(again.getByRole('button', { name: 'End call' })).toBeInViewport();
  await screen(customer, 'size-guide-rejoined-360x740');
  await customer.setViewportSize(VIEWPORTS.desktop);
  // And back again.
  await again.getByRole('button', { name: 'Minimise' }).click();
  await customer.getByRole('link', { name: 'Back to the Trail Runner 2' }).click();
  await expect(again.getByTestId('agent-name')).toHaveText(/In call with Sam/);
  await expect.poll(() => agentVideoFrames(customer), { timeout: 20_000 }).toBeGreaterThan(5);
  await again.getByRole('button', { name: 'End call' }).click();
  await expect(again.getByRole('heading', { name: 'Call ended' })).toBeVisible();
  await finishAgent(agent);
});

test('a second tab and a duplicated tab do not take the call over', async ({ browser }) => {
  const { agent, customer, dialog } = await inCall(browser, 'Tess Tabs');
  const before = await savedCall(customer);
  const copied = await customer.evaluate(() => JSON.stringify({ ...sessionStorage }));

  // A new tab of the same shop: its own sessionStorage, no call.
  const second = await customer.context().newPage();
  const secondSockets: string[] = [];
  second.on('websocket', (ws) => secondSockets.push(ws.url()));
  await second.goto(`${base()}/`);
  await expect(second.getByRole('button', { name: 'Start video call' })).toBeVisible();

  // "Duplicate tab" copies sessionStorage as it is while the first tab holds the call.
  const duplicate = await customer.context().newPage();
  const duplicateSockets: string[] = [];
  duplicate.on('websocket', (ws) => duplicateSockets.push(ws.url()));
  await duplicate.addInitScript((items: string) => {
    if (sessionStorage.length > 0) return;
    for (const [k, v] of Object.entries(JSON.parse(items) as Record<string, string>))
      sessionStorage.setItem(k, v);
  }, copied);
  await duplicate.goto(`${base()}/`);
  await expect(duplicate.getByRole('button', { name: 'Start video call' })).toBeVisible();
  await duplicate.waitForTimeout(1500); // time it would have taken to rejoin (it must not)
  await expect(duplicate.getByRole('dialog', { name: 'Video call' })).toHaveCount(0);
  expect(await savedCall(duplicate)).toBeNull(); // the copy is forgotten
  expect([...secondSockets, ...duplicateSockets].filter((u) => u.includes('/control/'))).toEqual(
    [],
  );

  // The first tab still holds the call, media flowing.
  await expect(dialog.getByTestId('agent-name')).toHaveText(/In call with Sam/);
  const frames = await agentVideoFrames(customer);
  await expect.poll(() => agentVideoFrames(customer)).toBeGreaterThan(frames + 5);
  expect(await savedCall(customer)).toEqual(before);
  await dialog.getByRole('button', { name: 'End call' }).click();
  await expect(dialog.getByRole('heading', { name: 'Call ended' })).toBeVisible();
  await finishAgent(agent);
});

test('closing the tab and not coming back ends the contact after the grace period; the desk shows each step', async ({
  browser,
}) => {
  // The short-grace entry point waits 8 s for a customer whose page went away.
  const { agent, customer } = await inCall(browser, 'Cole Closed', {
    'entry-point': 'short-grace',
  });
  const { contactId } = (await savedCall(customer))!;
  await agent.setViewportSize(VIEWPORTS.desktop);
  const closedAt = Date.now();
  await customer.close({ runBeforeUnload: true });

  const away = agent.getByTestId('customer-away');
  await expect(away).toContainText('Cole Closed is reconnecting… The contact ends in 0:0');
  await expect(
    agent.getByRole('status').filter({ hasText: 'Cole Closed is reconnecting' }),
  ).toHaveCount(1);
  await screen(agent, 'desk-customer-away-1280x800');
  await agent.setViewportSize(VIEWPORTS.phone);
  await expect(away).toBeInViewport();
  await screen(agent, 'desk-customer-away-360x740');
  await agent.setViewportSize(VIEWPORTS.desktop);
  // Still active during the grace period.
  expect((await describeContact(contactId)).DisconnectTimestamp).toBeUndefined();

  // Not back: the contact ends when the grace period runs out, and the desk moves to after-contact
  // work.
  await expect
    .poll(async () => (await describeContact(contactId)).DisconnectTimestamp, { timeout: 20_000 })
    .toBeInstanceOf(Date);
  const endedAt = (await describeContact(contactId)).DisconnectTimestamp!.getTime();
  expect(endedAt - closedAt).toBeGreaterThanOrEqual(8000);
  await expect(agent.getByRole('button', { name: 'Done — become available' })).toBeVisible();
  await expect(away).toHaveCount(0);
  await finishAgent(agent);
});
