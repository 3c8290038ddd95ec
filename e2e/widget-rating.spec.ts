/**
 * The rating at the end of a real call: the ended screen asks how it went (a radio group the
 * keyboard drives, an optional comment), the backend stores it on the contact (DescribeContact
 * through the official SDK client shows the attributes), the host page gets `cvc-rating`, and the
 * agent's desk lists it under Recent contacts. Screenshots of the question at 1280×800 and 360×740.
 */
import { expect, test } from '@playwright/test';
import { describeContact } from './testing/contacts';
import { axeViolations, screen, VIEWPORTS } from './testing/screens';
import {
  callThroughFlow,
  finishAgent,
  openAgentDesk,
  openCustomerPage,
  openWidget,
} from './testing/widget-support';

test('the customer rates the call; the contact, the host page and the desk get it', async ({
  browser,
}) => {
  const agent = await openAgentDesk(browser);
  const customer = await openCustomerPage(browser, {
    beforeLoad: (page) =>
      page.addInitScript(() => {
        const w = window as unknown as { __ratings: unknown[] };
        w.__ratings = [];
        document.addEventListener('cvc-rating', (e) => w.__ratings.push((e as CustomEvent).detail));
      }),
  });
  const started = customer.waitForResponse(
    (r) => r.url().endsWith('/api/calls') && r.request().method() === 'POST',
  );
  const dialog = await openWidget(customer);
  await callThroughFlow(customer, agent, 'Rae Rating');
  const { contactId } = (await (await started).json()) as { contactId: string };
  await dialog.getByRole('button', { name: 'End call' }).click();
  await expect(dialog.getByRole('heading', { name: 'Call ended' })).toBeVisible();

  const question = dialog.getByRole('group', { name: 'How did the call go?' });
  await expect(question.getByRole('radio')).toHaveCount(5);
  expect(await axeViolations(customer)).toEqual([]);
  await screen(customer, 'rating-1280x800');
  await customer.setViewportSize(VIEWPORTS.phone);
  await expect(dialog.getByRole('button', { name: 'Send rating' })).toBeInViewport();
  await screen(customer, 'rating-360x740');
  await customer.setViewportSize(VIEWPORTS.desktop);

  // Keyboard only: Space picks the focused score, the arrows move within the group, Tab leaves it.
  await question.getByRole('radio', { name: '1 of 5: very poor' }).focus();
  await customer.keyboard.press('Space');
  for (let i = 0; i < 3; i++) await customer.keyboard.press('ArrowRight');
  await expect(question.getByRole('radio', { name: '4 of 5: good' })).toBeChecked();
  await customer.keyboard.press('Tab');
  await expect(dialog.getByLabel('Comment (optional)')).toBeFocused();
  await customer.keyboard.type('Sam sorted it out');
  await dialog.getByRole('button', { name: 'Send rating' }).press('Enter');
  await expect(dialog.getByRole('status').filter({ hasText: 'Thank you' })).toHaveText(
    'Thank you for your rating.',
  );
  await screen(customer, 'rating-thanks-1280x800');

  expect(
    await customer.evaluate(() => (window as unknown as { __ratings: unknown[] }).__ratings),
  ).toEqual([{ contactId, score: 4, comment: 'Sam sorted it out' }]);
  expect((await describeContact(contactId)).Attributes).toMatchObject({
    'cvc-rating': '4',
    'cvc-rating-comment': 'Sam sorted it out',
  });

  const history = agent.getByRole('region', { name: 'Recent contacts' });
  await expect(history.getByTestId('history-item').first()).toContainText('Rae Rating');
  await expect(history.getByTestId('history-item').first()).toContainText('Customer rating 4 of 5');
  await expect(history.getByTestId('history-item').first()).toContainText('Sam sorted it out');
  await screen(agent, 'desk-history-rating');
  await finishAgent(agent);
});
