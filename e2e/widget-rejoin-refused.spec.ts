/**
 * Rejoining too late. Connect's participant rule, applied locally by the emulator and the media
 * server: an attendee with no connection for more than 60 s is gone. The entry point's grace period
 * interacts: with a grace period (default 30 s, at most 60 s) the backend's deferred end ends the
 * contact first, so a customer who comes back later finds the call ended; only when no deferred end
 * exists (the `away` request never reached the backend: the network went with the page) does the
 * contact outlive the customer's absence, and then the participant rule alone refuses the rejoin.
 * Both are run for real (no faked time: the participant case waits 62 s). Either way the page that
 * comes back says so ("You were away too long, so the call could not be resumed"), forgets the
 * saved call and starts nothing.
 */
import { expect, test, type Browser, type Page } from '@playwright/test';
import { describeContact, stopContact } from './testing/contacts';
import {
  base,
  customerInCall,
  finishAgent,
  hostEvents,
  liveTracks,
} from './testing/widget-support';
import { reviewScreen, VIEWPORTS } from './testing/screens';

const SAVED = 'connect-video-call:call';

const savedContactId = (page: Page) =>
  page.evaluate((key) => {
    const raw = sessionStorage.getItem(key);
    return raw ? (JSON.parse(raw) as { call: { contactId: string } }).call.contactId : null;
  }, SAVED);

/**
 * Records the close code of every WebSocket the page opens (the media server's refusal is 4403).
 */
async function recordSocketCloses(page: Page) {
  await page.addInitScript(() => {
    const w = window as unknown as { __closes: Array<{ url: string; code: number }> };
    w.__closes = [];
    const Native = WebSocket;
    window.WebSocket = class extends Native {
      constructor(url: string | URL, protocols?: string | string[]) {
        super(url, protocols);
        this.addEventListener('close', (e) => w.__closes.push({ url: String(url), code: e.code }));
      }
    };
  });
}

const AWAY_TEXT = 'You were away too long, so the call could not be resumed.';

/** A customer in a call with Sam (optionally on another entry point); returns the pages and contact. */
async function inCall(browser: Browser, name: string, attrs: Record<string, string> = {}) {
  const { agent, customer } = await customerInCall(browser, name, {
    attrs,
    customerBeforeLoad: recordSocketCloses,
  });
  const contactId = (await savedContactId(customer))!;
  expect(contactId).toBeTruthy();
  return { agent, customer, contactId };
}

/**
 * The page with the saved call comes back: the widget opens by itself and says the call is over.
 */
async function comeBackRefused(customer: Page, shots: string) {
  const starts: string[] = [];
  customer.on('request', (r) => {
    if (r.method() === 'POST' && new URL(r.url()).pathname === '/api/calls') starts.push(r.url());
  });
  await customer.goto(`${base()}/`);
  const dialog = customer.getByRole('dialog', { name: 'Video call' });
  await expect(dialog.getByRole('heading', { name: 'Call ended' })).toBeVisible();
  await expect(dialog).toContainText(AWAY_TEXT);
  await expect(dialog.getByRole('button', { name: 'Call again' })).toBeVisible();
  expect(await savedContactId(customer)).toBeNull(); // the saved call is cleared
  expect(starts).toEqual([]); // and no new contact was started behind the customer's back
  const ended = (await hostEvents(customer)).filter((e) => e.type === 'cvc-ended');
  expect(ended.map((e) => e.detail.endedBy)).toEqual(['away']);
  expect(await liveTracks(customer, 'video')).toBe(0);
  await reviewScreen(customer, `${shots}-1280x800`);
  await customer.setViewportSize(VIEWPORTS.phone);
  await expect(dialog.getByRole('button', { name: 'Call again' })).toBeInViewport();
  await reviewScreen(customer, `${shots}-360x740`);
  await customer.setViewportSize(VIEWPORTS.desktop);
  return dialog;
}

// The participant case waits 62 s of real time.
test.setTimeout(180_000);

test('no deferred end (the away request was lost): after more than 60 s away the media server refuses the attendee (4403); the widget says the call could not be resumed', async ({
  browser,
}) => {
  const { agent, customer, contactId } = await inCall(browser, 'Otto Overdue');
  // The page goes while its network is gone: its `away` request fails, so the backend never
  // schedules the deferred end. (Playwright cannot intercept a keepalive request sent from
  // `pagehide`, and its offline emulation does not cover one: both were tried, the request still
  // arrived. So the page's own fetch fails it, as the network would.)
  await customer.evaluate(() => {
    const native = window.fetch;
    window.fetch = (input, init) =>
      String(input instanceof Request ? input.url : input).endsWith('/away')
        ? Promise.reject(new TypeError('Failed to fetch'))
        : native(input, init);
  });
  // another page of the origin: this tab's sessionStorage stays
  await customer.goto(`${base()}/api/health`);
  await customer.waitForTimeout(62_000);
  // The contact is still there for the agent: nothing ended it, no countdown was set.
  const during = await describeContact(contactId);
  expect(during.DisconnectTimestamp).toBeUndefined();
  expect(during.Attributes?.['cvc-away-until']).toBeUndefined();

  await comeBackRefused(customer, 'rejoin-refused-participant');
  // The media server refused the attendee's signaling: Connect's 60-second participant rule.
  const closes = await customer.evaluate(
    () => (window as unknown as { __closes: Array<{ url: string; code: number }> }).__closes,
  );
  expect(closes.filter((c) => c.url.includes('/control/')).map((c) => c.code)).toContain(4403);
  // The contact itself is the agent's to end (as at Connect): the widget could not.
  expect((await describeContact(contactId)).DisconnectTimestamp).toBeUndefined();
  await stopContact(contactId);
  await finishAgent(agent);
});

test('with a grace period the deferred end comes first: a customer back after it finds the call ended while away', async ({
  browser,
}) => {
  // short-grace: 8 s (any grace period, the default 30 s included, is at most 60 s, so the deferred
  // end always ends the contact before the participant rule could refuse the attendee).
  const { agent, customer, contactId } = await inCall(browser, 'Gail Gone', {
    'entry-point': 'short-grace',
  });
  const leftAt = Date.now();
  await customer.goto(`${base()}/api/health`);
  await expect
    .poll(async () => (await describeContact(contactId)).DisconnectTimestamp, { timeout: 20_000 })
    .toBeInstanceOf(Date);
  const contact = await describeContact(contactId);
  expect(contact.DisconnectTimestamp!.getTime() - leftAt).toBeGreaterThanOrEqual(8000);
  expect(contact.DisconnectReason).toBe('CUSTOMER_DISCONNECT');
  await expect(agent.getByRole('button', { name: 'Done — become available' })).toBeVisible();

  // The shop's widget element names the same entry point on the page that comes back, as a site
  // would.
  await customer.addInitScript(() =>
    new MutationObserver((_, observer) => {
      const el = document.querySelector('connect-video-call');
      if (!el) return;
      el.setAttribute('entry-point', 'short-grace');
      observer.disconnect();
    }).observe(document, { childList: true, subtree: true }),
  );
  await comeBackRefused(customer, 'rejoin-after-grace');
  await finishAgent(agent);
});
