/**
 * The customer widget end to end against the local stack, with the real agent desk on the other
 * side: launcher -> pre-call -> flow (captions, DTMF) -> agent accepts -> both see each other ->
 * mute, camera, screen sharing gated by the agent -> the customer ends -> Ended screen, camera off.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import {
  acceptContact,
  base,
  finishAgent,
  hostEvents,
  liveTracks,
  observeCustomerPage,
  openAgentDesk,
  videoFramesByLabel,
} from './testing/widget-support';

async function noAxeViolations(page: Page) {
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze();
  expect(
    result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
  ).toEqual([]);
}

test('a customer calls from the shop, goes through the flow, talks to the agent and ends the call', async ({
  browser,
}) => {
  const agent = await openAgentDesk(browser);
  const customer = await (
    await browser.newContext({ permissions: ['camera', 'microphone'] })
  ).newPage();
  await observeCustomerPage(customer);
  await customer.goto(`${base()}/`);
  await noAxeViolations(customer);

  // Launcher -> pre-call: name, preview, level meter, pickers, voice/video choice.
  await customer.getByRole('button', { name: 'Start video call' }).click();
  const dialog = customer.getByRole('dialog', { name: 'Video call' });
  await expect(dialog.getByRole('heading', { name: 'Before you join' })).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Stop video' })).toBeVisible();
  await dialog.getByRole('button', { name: 'Device settings' }).click();
  await expect(dialog.getByLabel('Camera', { exact: true })).toBeVisible();
  await expect(dialog.getByLabel('Microphone', { exact: true })).toBeVisible();
  await expect
    .poll(() =>
      dialog.getByTestId('camera-preview').evaluate((v) => (v as HTMLVideoElement).videoWidth),
    )
    .toBeGreaterThan(0);
  await expect
    .poll(() => dialog.getByTestId('mic-level').evaluate((m) => (m as HTMLMeterElement).value))
    .toBeGreaterThan(0);
  await noAxeViolations(customer);
  await dialog.getByRole('button', { name: 'Done' }).click();
  await dialog.getByRole('button', { name: 'Join call' }).click();
  await expect(dialog.getByText('Please enter your name.')).toBeVisible();
  await dialog.getByLabel('Your name').fill('Dana Widget');
  await dialog.getByRole('button', { name: 'Join call' }).click();

  // Connecting: captions of the flow's prompt, waiting time, the keypad sends "2" (Support).
  await expect(dialog.getByRole('heading', { name: 'Connecting you' })).toBeVisible();
  await expect(dialog.getByRole('region', { name: 'Captions' })).toContainText(
    'Press 1 for sales, or 2 for support.',
    { timeout: 30_000 },
  );
  await expect(dialog.getByTestId('waiting-time')).toContainText('Waiting time 0:');
  // opened by itself: the flow asks
  await expect(dialog.getByRole('group', { name: 'Keypad' })).toBeVisible();
  await noAxeViolations(customer);
  await dialog
    .getByRole('group', { name: 'Keypad' })
    .getByRole('button', { name: '2', exact: true })
    .click();
  // ("Sent 2" shows only until the flow moves on, too briefly to assert; the agent's log proves the
  // digit.)
  await expect(agent.getByRole('log')).toContainText('Customer pressed 2');
  // Queued: the queue is named (DescribeQueue), on screen and in the live region.
  await expect(dialog.locator('.cvw-status-line')).toHaveText('Waiting for an agent in Support', {
    timeout: 20_000,
  });
  await expect(customer.locator('.cvw-sr-only[role=status]')).toHaveText(
    'Waiting for an agent in Support',
  );

  // The shop's contact-attributes reach the contact: the agent sees them while it rings.
  const incoming = agent.getByRole('dialog', { name: 'Incoming video contact' });
  await expect(incoming).toContainText('trail-runner-2', { timeout: 30_000 });
  // The agent accepts: the customer sees the agent's video, name and timer; the agent sees the
  // customer.
  await acceptContact(agent, 'Dana Widget');
  await expect(dialog.getByTestId('agent-name')).toHaveText(/In call with Sam/, {
    timeout: 30_000,
  });
  await expect
    .poll(
      () =>
        customer
          .getByTestId('agent-video')
          .evaluate((v) => (v as HTMLVideoElement).getVideoPlaybackQuality().totalVideoFrames)
          .catch(() => 0),
      { timeout: 30_000 },
    )
    .toBeGreaterThan(10);
  await expect
    .poll(() => videoFramesByLabel(agent, "Dana Widget's camera"), { timeout: 30_000 })
    .toBeGreaterThan(10);
  await expect(dialog.getByLabel('Your video')).toHaveClass(/cvw-mirrored/);
  await expect(dialog.getByTestId('call-timer')).toContainText('Call time 0:');
  // Fed by Chime's connection-health observers: either state is legitimate on a loaded test
  // machine.
  await expect(dialog.getByTestId('network')).toHaveText(/^Connection (good|poor)$/);
  await noAxeViolations(customer);

  // Mute and camera flip their names; the agent sees the customer muted; camera off shows initials
  // and frees the camera.
  await dialog.getByRole('button', { name: 'Mute' }).click();
  await expect(dialog.getByRole('img', { name: 'You are muted' })).toBeVisible();
  await dialog.getByRole('button', { name: 'Unmute' }).click();
  await expect(dialog.getByRole('button', { name: 'Mute' })).toBeVisible();
  await dialog.getByRole('button', { name: 'Stop video' }).click();
  await expect(dialog.getByLabel('Your video')).toHaveCount(0);
  await expect(dialog.getByTestId('self-view-tile')).toContainText('DW');
  await expect.poll(() => liveTracks(customer, 'video')).toBe(0);
  await dialog.getByRole('button', { name: 'Start video' }).click();
  await expect(dialog.getByLabel('Your video')).toBeVisible();

  // Screen sharing: disabled until the agent enables it; the agent sees it; the agent's Stop ends
  // it.
  const share = dialog.getByRole('button', { name: 'Share screen' });
  await expect(share).toHaveAttribute('aria-disabled', 'true');
  await agent.getByRole('button', { name: 'Enable screen sharing' }).click();
  await expect(share).toHaveAttribute('aria-disabled', 'false');
  await expect(dialog.getByTestId('share-allowed')).toHaveText(
    'The agent allowed screen sharing. Select Share screen to show your screen.',
  );
  await share.click();
  await expect(dialog.getByTestId('sharing-banner')).toContainText('You are sharing your screen');
  await expect
    .poll(() => videoFramesByLabel(agent, "Dana Widget's shared screen"), { timeout: 30_000 })
    .toBeGreaterThan(5);
  await agent.getByRole('button', { name: 'Disable screen sharing' }).click();
  await expect(dialog.getByTestId('sharing-banner')).toHaveCount(0);
  await expect(share).toHaveAttribute('aria-disabled', 'true');

  // The customer ends: Ended screen with who and how long; host event; camera light off.
  await dialog.getByRole('button', { name: 'End call' }).click();
  await expect(dialog.getByRole('heading', { name: 'Call ended' })).toBeVisible();
  await expect(dialog.getByTestId('ended-by')).toHaveText('You ended the call.');
  await expect(dialog.getByTestId('duration')).toContainText('Duration 0:');
  await noAxeViolations(customer);
  expect(await liveTracks(customer, 'video')).toBe(0);
  expect(await liveTracks(customer, 'audio')).toBe(0);
  const events = await hostEvents(customer);
  expect(events.filter((e) => e.type === 'cvc-state').map((e) => e.detail.state)).toEqual(
    expect.arrayContaining(['starting', 'connecting', 'in-call', 'ended']),
  );
  expect(events.find((e) => e.type === 'cvc-ended')?.detail).toMatchObject({
    endedBy: 'customer',
    contactId: expect.any(String),
  });
  await expect(agent.getByRole('heading', { name: 'After-contact work' })).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Call again' })).toBeVisible();
  await finishAgent(agent);
});
