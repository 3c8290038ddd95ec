/**
 * Multi-party calls on the real local stack with the real Chime SDK: the customer calls from the
 * widget, the agent accepts at the desk and adds a participant (Connect CreateParticipant), who
 * joins through the /join/ link; all three see and hear each other, the widget names everyone and
 * announces joins and leaves, and the contact's end ends the call for all. Then a six-party layout
 * (four invited participants as light pages of one browser context), and Connect's limit of six.
 */
import { expect, test, type Page } from '@playwright/test';
import { inboundMedia, trackPeerConnections } from './testing/agent-desk-support';
import { screen, VIEWPORTS } from './testing/screens';
import {
  base,
  callThroughFlow,
  finishAgent,
  openAgentDesk,
  openWidget,
  videoFramesByLabel,
} from './testing/widget-support';

const SAM = 'a8483fc0-19df-43b3-b61f-de3bd7b4ca24';

/** Saves the customer's screenshot at both viewports (test-results/screens/<name>-<size>.png). */
async function shots(page: Page, name: string) {
  for (const [size, viewport] of Object.entries(VIEWPORTS)) {
    await page.setViewportSize(viewport);
    await page.waitForTimeout(1500); // frames reach the resized tiles
    await screen(page, `${name}-${size}`);
  }
  await page.setViewportSize(VIEWPORTS.desktop);
}

/** Audio energy a page receives over `ms` (sum over its peer connections). */
async function energyOver(page: Page, ms: number): Promise<number> {
  const before = (await inboundMedia(page)).audioEnergy;
  await page.waitForTimeout(ms);
  return (await inboundMedia(page)).audioEnergy - before;
}

/** The desk adds a participant through its form and returns the join link it shows. */
async function addAtDesk(agent: Page, name: string, video = true): Promise<string> {
  await agent.getByRole('button', { name: 'Add participant' }).click();
  await agent.getByLabel('Name', { exact: true }).fill(name);
  const mayVideo = agent.getByLabel('May send video');
  if ((await mayVideo.isChecked()) !== video) await mayVideo.click();
  await agent.getByRole('button', { name: 'Add to call' }).click();
  await expect(agent.getByLabel(`Join link for ${name}`)).toBeVisible();
  return agent.getByTestId('participant-join-link').inputValue();
}

async function joinAsGuest(page: Page, link: string) {
  await trackPeerConnections(page);
  await page.goto(link);
  // The link's fragment (the join token) leaves the address bar at once.
  expect(new URL(page.url()).hash).toBe('');
  await page.getByRole('button', { name: 'Join call' }).click();
  await expect(page.getByRole('status')).toHaveText('In the call with the agent.', {
    timeout: 30_000,
  });
}

test('three people: customer, agent and an added participant see and hear each other', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const agent = await openAgentDesk(browser, trackPeerConnections);
  const customerCtx = await browser.newContext({ permissions: ['camera', 'microphone'] });
  const customer = await customerCtx.newPage();
  await trackPeerConnections(customer);
  await openWidget(customer);
  const dialog = await callThroughFlow(customer, agent, 'Mia Multi');
  const live = customer.locator('.cvw-sr-only[role=status]');

  const link = await addAtDesk(agent, 'Lee Specialist');
  expect(link).toMatch(new RegExp(`^${base()}/join/#[A-Za-z0-9_-]+$`));
  const guestCtx = await browser.newContext({ permissions: ['camera', 'microphone'] });
  const guest = await guestCtx.newPage();
  await joinAsGuest(guest, link);
  await expect(guest.getByText(/as a participant the agent invited/)).toBeVisible();

  // Everyone sees both others' cameras.
  await expect(live).toHaveText('Lee Specialist joined the call');
  await expect(dialog.locator('.cvw-grid-3')).toBeVisible();
  await expect(dialog.locator('.cvw-role')).toHaveText('Agent');
  for (const [page, label] of [
    [customer, 'Video of Sam Okafor'],
    [customer, 'Video of Lee Specialist'],
    [agent, "Mia Multi's camera"],
    [agent, "Lee Specialist's camera"],
    [guest, "Agent's video"],
    [guest, "Participant 1's video"],
  ] as const)
    await expect
      .poll(() => videoFramesByLabel(page, label), { timeout: 30_000, message: label })
      .toBeGreaterThan(10);
  await expect(agent.getByText('People on the call: 3 of 6')).toBeVisible();

  // Everyone hears: with all three unmuted each page receives sound. Then only one speaks at a time
  // (the others muted): sound reaches exactly the other two, and a silent call carries none.
  for (const page of [customer, agent, guest])
    await expect.poll(() => energyOver(page, 1000), { timeout: 20_000 }).toBeGreaterThan(0.001);
  const mute = {
    customer: () => dialog.getByRole('button', { name: /^(Mute|Unmute)$/ }).click(),
    agent: () => agent.getByRole('button', { name: 'Mute microphone' }).click(),
    guest: () => guest.getByRole('button', { name: 'Mute' }).click(),
  };
  await mute.customer();
  await mute.agent();
  await mute.guest();
  await customer.waitForTimeout(1500); // the last unmuted audio drains
  const pages = { customer, agent, guest };
  const silent = Object.fromEntries(
    await Promise.all(
      Object.entries(pages).map(async ([who, p]) => [who, await energyOver(p, 3000)] as const),
    ),
  );
  console.log('silent call, energy over 3 s:', JSON.stringify(silent));
  for (const speaker of ['customer', 'agent', 'guest'] as const) {
    await mute[speaker]();
    for (const [who, page] of Object.entries(pages).filter(([w]) => w !== speaker)) {
      // Per second, at least twice what this page received while everyone was muted.
      const floor = ((silent[who] ?? 0) / 3) * 2 + 0.001;
      await expect
        .poll(
          async () => {
            const e = (await energyOver(page, 2000)) / 2;
            console.log(
              `${who} hears the ${speaker}: ${e.toFixed(4)}/s (floor ${floor.toFixed(4)})`,
            );
            return e;
          },
          { timeout: 20_000, message: `${who} hears the ${speaker}` },
        )
        .toBeGreaterThan(floor);
    }
    await mute[speaker]();
  }

  await shots(customer, 'three-party-widget');
  await agent.setViewportSize(VIEWPORTS.desktop);
  await screen(agent, 'three-party-desk');

  // The guest leaves (announced), comes back from the same tab (the link was kept for this tab
  // only).
  await guest.getByRole('button', { name: 'Leave' }).click();
  await expect(live).toHaveText('Lee Specialist left the call');
  await expect(dialog.locator('.cvw-grid-3')).toHaveCount(0);
  await guest.reload();
  await joinAsGuest(guest, guest.url());
  await expect(live).toHaveText('Lee Specialist joined the call');

  // The contact ends (the customer hangs up): the call ends for everyone.
  await dialog.getByRole('button', { name: 'End call' }).click();
  await expect(guest.getByRole('status')).toHaveText('The call has ended.', { timeout: 20_000 });
  await expect(agent.getByText(/Contact ended/)).toBeVisible({ timeout: 20_000 });
  await finishAgent(agent);
  await customerCtx.close();
  await guestCtx.close();
});

/**
 * Adds a participant through the desk API (what the desk's form posts) and returns the join link.
 */
async function addByApi(contactId: string, displayName: string, video: boolean) {
  const res = await fetch(`${base()}/local/desk/agents/${SAM}/contacts/${contactId}/participants`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ displayName, video, screenShare: false }),
  });
  return {
    status: res.status,
    body: (await res.json()) as { joinUrl?: string; error?: { name: string } },
  };
}

test('six people: the customer sees five named tiles; a seventh is refused', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const agent = await openAgentDesk(browser);
  const customerCtx = await browser.newContext({ permissions: ['camera', 'microphone'] });
  const customer = await customerCtx.newPage();
  await openWidget(customer);
  // Light on two cores: one camera in the call (Ana's); the customer calls voice only, the agent's
  // camera goes off, three of the four invited people join audio only, all from one browser
  // context.
  const dialog = await callThroughFlow(customer, agent, 'Mia Six', { voiceOnly: true });
  const camera = agent.getByRole('button', { name: 'Camera' });
  await expect(camera).toHaveAttribute('aria-pressed', 'true');
  await camera.click();
  const state = (await (await fetch(`${base()}/local/desk/agents/${SAM}/state`)).json()) as {
    contact: { id: string };
  };
  const contactId = state.contact.id;
  const names = ['Ana Video', 'Ben Audio', 'Cy Audio', 'Di Audio'];
  const guestsCtx = await browser.newContext({ permissions: ['camera', 'microphone'] });
  const links: string[] = [];
  for (const [i, name] of names.entries()) {
    const added = await addByApi(contactId, name, i === 0);
    expect(added.status).toBe(200);
    links.push(added.body.joinUrl ?? '');
  }
  // Connect's limit: the API refuses a seventh, and the desk no longer offers to add anyone.
  const seventh = await addByApi(contactId, 'Seventh', false);
  expect(seventh.status).toBe(402);
  expect(seventh.body.error?.name).toBe('ServiceQuotaExceededException');
  await expect(agent.getByText('People on the call: 6 of 6')).toBeVisible({ timeout: 60_000 });
  await expect(agent.getByRole('button', { name: 'Add participant' })).toBeDisabled();

  await Promise.all(links.map(async (link) => joinAsGuest(await guestsCtx.newPage(), link)));
  await expect(dialog.locator('.cvw-grid-6 figure')).toHaveCount(6, { timeout: 30_000 });
  const captions = await dialog.locator('.cvw-grid-6 figcaption').allTextContents();
  expect(captions.slice(0, 5).sort()).toEqual(['AgentSam Okafor', ...names].sort());
  expect(captions[5]).toBe('Mia Six');
  await expect
    .poll(() => videoFramesByLabel(customer, 'Video of Ana Video'), { timeout: 30_000 })
    .toBeGreaterThan(5);
  await shots(customer, 'six-party-widget');

  await agent.getByRole('button', { name: 'End contact' }).click();
  for (const page of guestsCtx.pages())
    await expect(page.getByRole('status')).toHaveText('The call has ended.', { timeout: 20_000 });
  await finishAgent(agent);
  await customerCtx.close();
  await guestsCtx.close();
});
