/**
 * A call placed from a terminal, seen end to end: the CLI starts a contact with --join-url on the
 * real local stack, the join page opens the link in Chromium and joins the meeting as the customer
 * with the real Chime SDK; an agent accepts through the desk API and joins the same meeting
 * (through the same page, with the agent's credentials), and each side sees the other's camera.
 */
import { expect, test, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { joinUrl } from '../src/join/join-payload';
import { horizontalOverflow, screen, VIEWPORTS } from './testing/screens';

const base = () => {
  const url = process.env.BASE_URL;
  if (!url) throw new Error('BASE_URL is not set (e2e/testing/global-setup.ts sets it)');
  return url;
};

async function placeCallFromTerminal(name: string): Promise<string> {
  const { stdout } = await promisify(execFile)(process.execPath, [
    'bin/connect-video-call.mjs',
    'start-web-rtc-contact',
    '--endpoint-url',
    `${base()}/aws`,
    '--participant-details',
    `DisplayName=${name}`,
    '--allowed-capabilities',
    'Customer={Video=SEND},Agent={Video=SEND}',
    '--join-url',
    '--query',
    'JoinUrl',
    '--output',
    'text',
  ]);
  return stdout.trim();
}

const videoWidth = (page: Page, label: string) =>
  page
    .locator(`video[aria-label="${label}"]`)
    .evaluate((v) => (v as HTMLVideoElement).videoWidth)
    .catch(() => 0);

type DeskState = { agent: { status: string; contactId?: string }; contact?: { id: string } };

/**
 * Makes the first agent Available until our contact rings, passing on any other contact that
 * earlier tests left in the queue (a rejected contact goes to the next agent), then accepts ours
 * and returns a join link carrying the agent's meeting credentials.
 */
async function agentAccepts(
  page: Page,
  contactId: string,
): Promise<{ link: string; agentId: string }> {
  const api = page.request;
  const agents = (await (await api.get(`${base()}/local/desk/agents`)).json()) as {
    agents: Array<{ id: string }>;
  };
  const agentId = agents.agents[0]?.id ?? '';
  const headers = { origin: base() };
  const desk = `${base()}/local/desk/agents/${agentId}`;
  const deadline = Date.now() + 45_000;
  for (;;) {
    const state = (await (await api.get(`${desk}/state`)).json()) as DeskState;
    if (state.agent.status === 'RINGING' && state.contact?.id === contactId) break;
    if (state.agent.status === 'RINGING' && state.contact)
      await api.post(`${desk}/contacts/${state.contact.id}/reject`, { headers });
    else if (['OFFLINE', 'MISSED'].includes(state.agent.status))
      await api.post(`${desk}/status`, { data: { status: 'AVAILABLE' }, headers });
    else if (state.agent.status === 'AFTER_CONTACT_WORK')
      await api.post(`${desk}/after-contact-work/complete`, { headers });
    if (Date.now() > deadline)
      throw new Error(`contact ${contactId} never rang agent ${agentId}: ${JSON.stringify(state)}`);
    await page.waitForTimeout(250);
  }
  const accepted = await api.post(
    `${base()}/local/desk/agents/${agentId}/contacts/${contactId}/accept`,
    { headers },
  );
  expect(accepted.ok()).toBe(true);
  const { connection: c } = (await accepted.json()) as {
    connection: {
      attendee: { attendeeId: string; joinToken: string };
      meeting: { meetingId: string; mediaRegion: string; mediaPlacement: Record<string, string> };
    };
  };
  const p = c.meeting.mediaPlacement;
  const link = joinUrl(base(), {
    v: 1,
    contactId,
    displayName: 'Agent',
    allowedCapabilities: { Customer: { Video: 'SEND' } },
    connectionData: {
      Attendee: { AttendeeId: c.attendee.attendeeId, JoinToken: c.attendee.joinToken },
      Meeting: {
        MeetingId: c.meeting.meetingId,
        MediaRegion: c.meeting.mediaRegion,
        MediaPlacement: {
          AudioHostUrl: p.audioHostUrl ?? '',
          SignalingUrl: p.signalingUrl ?? '',
          AudioFallbackUrl: p.audioFallbackUrl,
          TurnControlUrl: p.turnControlUrl,
          EventIngestionUrl: p.eventIngestionUrl,
        },
      },
    },
  });
  return { link, agentId };
}

test('a call placed with the CLI is joined in the browser and answered by an agent', async ({
  browser,
}) => {
  const link = await placeCallFromTerminal('Terminal Tess');
  expect(link).toMatch(new RegExp(`^${base()}/join/#[A-Za-z0-9_-]+$`));
  const contactId = (
    JSON.parse(Buffer.from(link.split('#')[1] ?? '', 'base64url').toString()) as {
      contactId: string;
    }
  ).contactId;

  const customer = await (await browser.newContext()).newPage();
  await customer.goto(link);
  await expect(customer.getByRole('heading', { name: 'Join a video call' })).toBeVisible();
  await expect(
    customer.getByText(`Terminal Tess, you are about to join contact ${contactId}`),
  ).toBeVisible();
  expect((await new AxeBuilder({ page: customer }).analyze()).violations).toEqual([]);

  await customer.getByRole('button', { name: 'Join call' }).click();
  await expect(customer.getByRole('status')).toHaveText(
    'In the call. Waiting for an agent to answer.',
  );
  const camera = customer.getByRole('button', { name: 'Camera' });
  await expect(camera).toHaveAttribute('aria-pressed', 'true');
  await expect(customer.getByRole('button', { name: 'Mute' })).toHaveAttribute(
    'aria-pressed',
    'false',
  );

  const agent = await (await browser.newContext()).newPage();
  const accepted = await agentAccepts(agent, contactId);
  await agent.goto(accepted.link);
  await agent.getByRole('button', { name: 'Join call' }).click();
  await expect(agent.getByRole('status')).toHaveText('In the call with the agent.');
  await expect(customer.getByRole('status')).toHaveText('In the call with the agent.');
  await expect
    .poll(() => videoWidth(customer, "Agent's video"), { timeout: 30_000 })
    .toBeGreaterThan(0);
  await expect
    .poll(() => videoWidth(agent, "Agent's video"), { timeout: 30_000 })
    .toBeGreaterThan(0);
  await expect.poll(() => videoWidth(customer, 'Your camera')).toBeGreaterThan(0);
  expect((await new AxeBuilder({ page: customer }).analyze()).violations).toEqual([]);
  for (const [size, viewport] of Object.entries(VIEWPORTS)) {
    await customer.setViewportSize(viewport);
    expect(await horizontalOverflow(customer)).toBe(0);
    await screen(customer, `join-in-call-${size}`);
  }

  await customer.getByRole('button', { name: 'Mute' }).click();
  await expect(customer.getByRole('button', { name: 'Mute' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await camera.click();
  await expect(camera).toHaveAttribute('aria-pressed', 'false');
  await expect(customer.locator('video[aria-label="Your camera"]')).toHaveCount(0);

  await customer.getByRole('button', { name: 'Leave' }).click();
  await expect(customer.getByRole('status')).toHaveText('You left the call.');

  // Leave the desk as other tests expect it: contact ended, agent offline.
  const desk = `${base()}/local/desk/agents/${accepted.agentId}`;
  await agent.request.post(`${desk}/contacts/${contactId}/end`, { headers: { origin: base() } });
  await agent.request.post(`${desk}/after-contact-work/complete`, { headers: { origin: base() } });
  await agent.request.post(`${desk}/status`, {
    data: { status: 'OFFLINE' },
    headers: { origin: base() },
  });
});

test('a join link without call details says what is wrong', async ({ page }) => {
  await page.goto(`${base()}/join/`);
  await expect(page.getByRole('heading', { name: 'This link cannot be used' })).toBeVisible();
  await expect(page.getByRole('alert')).toContainText('This link has no call details');
  await page.goto(`${base()}/join/#not-a-payload`);
  await page.reload();
  await expect(page.getByRole('alert')).toContainText('damaged');
});
