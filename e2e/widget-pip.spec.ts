/**
 * Picture-in-picture in Chromium (Document Picture-in-Picture; Debian's Chromium 156 opens it
 * headless from a real click, which gives the user activation it needs): during a real call the
 * customer pops the call out; the window shows the agent's video with frames, Mute there mutes the
 * customer (the agent's desk sees it), closing the window brings the call back into the page, and
 * End there ends the call and closes the window. The page meanwhile shows a small "in
 * picture-in-picture" card.
 */
import { expect, test, type Page } from '@playwright/test';
import { customerInCall, finishAgent } from './testing/widget-support';
import { axeViolations, reviewScreen, VIEWPORTS } from './testing/screens';

/** Frames presented by the agent's video (found by its accessible name) on a page, or 0. */
const agentFrames = (page: Page) =>
  page
    .getByLabel(/^Video of Sam/)
    .first()
    .evaluate((v) => (v as HTMLVideoElement).getVideoPlaybackQuality().totalVideoFrames)
    .catch(() => 0);

/** Presses Pop out and returns the picture-in-picture window (a page of the same context). */
async function popOut(customer: Page): Promise<Page> {
  const opened = customer.context().waitForEvent('page');
  await customer
    .getByRole('dialog', { name: 'Video call' })
    .getByRole('button', { name: 'Pop out' })
    .click();
  const pip = await opened;
  await expect(pip.getByTestId('pip-call')).toBeVisible();
  return pip;
}

test('the call pops out into picture-in-picture and back; Mute and End there act on the call', async ({
  browser,
}) => {
  const { agent, customer, dialog } = await customerInCall(browser, 'Pia Popout');
  expect(await customer.evaluate(() => 'documentPictureInPicture' in window)).toBe(true);

  // Pop out: the window plays the agent's video; the page keeps a small card with Bring back.
  const pip = await popOut(customer);
  const card = customer.getByRole('region', { name: 'Call is in picture-in-picture' });
  await expect(card).toBeVisible();
  await expect(dialog).toBeHidden();
  await expect(card.getByRole('button', { name: 'Bring back' })).toBeFocused();
  await expect(
    customer.getByRole('status').filter({ hasText: /^Call is in picture-in-picture$/ }),
  ).toHaveCount(1);
  const first = await agentFrames(pip);
  await expect.poll(() => agentFrames(pip), { timeout: 20_000 }).toBeGreaterThan(first + 5);
  // Themed like the widget: the --cvw-* values reached the window.
  expect(
    await pip
      .getByTestId('pip-call')
      .evaluate((el) => getComputedStyle(el).getPropertyValue('--cvw-end').trim()),
  ).toBe('#c5221f');
  expect(await axeViolations(pip)).toEqual([]);
  await reviewScreen(customer, 'pip-page-card-1280x800');
  // The window at the size the widget asks for, and at the two review sizes.
  for (const size of [{ width: 360, height: 320 }, VIEWPORTS.desktop, VIEWPORTS.phone]) {
    await pip.setViewportSize(size);
    await expect(pip.getByRole('button', { name: 'End call' })).toBeInViewport();
    await reviewScreen(pip, `pip-window-${size.width}x${size.height}`);
  }
  await customer.setViewportSize(VIEWPORTS.phone);
  await expect(card.getByRole('button', { name: 'Bring back' })).toBeInViewport();
  await reviewScreen(customer, 'pip-page-card-360x740');
  await customer.setViewportSize(VIEWPORTS.desktop);

  // Mute in the window mutes the customer: the agent's desk sees it; Unmute there undoes it.
  await pip.getByRole('button', { name: 'Mute' }).click();
  await expect(agent.getByTestId('customer-muted')).toHaveText('Pia Popout is muted');
  await expect(pip.getByRole('button', { name: 'Unmute' })).toBeVisible();
  await reviewScreen(pip, 'pip-window-muted');
  await pip.getByRole('button', { name: 'Unmute' }).click();
  await expect(agent.getByTestId('customer-muted')).toHaveCount(0);

  // Closing the window (the browser's own ×) puts the call back in the page, video playing there.
  await pip.close();
  await expect(card).toHaveCount(0);
  await expect(dialog.getByTestId('agent-name')).toHaveText(/In call with Sam/);
  await expect(dialog.getByRole('button', { name: 'Pop out' })).toBeFocused();
  await expect(
    customer.getByRole('status').filter({ hasText: /^Call is back in the page$/ }),
  ).toHaveCount(1);
  const back = await agentFrames(customer);
  await expect.poll(() => agentFrames(customer), { timeout: 20_000 }).toBeGreaterThan(back + 5);

  // Bring back in the page closes the window too.
  const again = await popOut(customer);
  await card.getByRole('button', { name: 'Bring back' }).click();
  await expect.poll(() => again.isClosed()).toBe(true);
  await expect(dialog.getByTestId('agent-name')).toHaveText(/In call with Sam/);

  // End in the window ends the call and closes the window; the page shows how it ended.
  const last = await popOut(customer);
  await last.getByRole('button', { name: 'End call' }).click();
  await expect.poll(() => last.isClosed()).toBe(true);
  await expect(dialog.getByRole('heading', { name: 'Call ended' })).toBeVisible();
  await expect(agent.getByRole('button', { name: 'Done — become available' })).toBeVisible();
  await finishAgent(agent);
  await customer.context().close();
});
