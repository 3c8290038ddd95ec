/**
 * Every exit while a call is being set up is deliberate: the customer closes the widget (× or
 * Escape) or leaves the page at each step of the start (start request in flight, call engine
 * loading, devices opening while the contact rings at the agent), and nothing is left behind on
 * either side: no live camera or microphone track, DescribeContact (official SDK client against the
 * local emulator) shows the contact ended, the agent's desk holds no contact, the launcher is back.
 */
import { expect, test, type Page, type Route } from '@playwright/test';
import { ConnectClient, DescribeContactCommand } from '@aws-sdk/client-connect';
import {
  base,
  liveTracks,
  observeCustomerPage,
  openWidget,
  setAgentStatus,
} from './testing/widget-support';
import { screen, VIEWPORTS } from './testing/screens';

const INSTANCE_ID = '2639718f-95c5-4bc8-9a3a-1540ddcb76c9';
const SAM = 'a8483fc0-19df-43b3-b61f-de3bd7b4ca24';

const connect = () =>
  new ConnectClient({
    region: 'us-east-1',
    endpoint: `${base()}/aws`,
    credentials: { accessKeyId: 'x', secretAccessKey: 'x' },
  });

/** When DescribeContact says the contact ended (undefined while it is still active). */
async function disconnectedAt(contactId: string): Promise<Date | undefined> {
  const out = await connect().send(
    new DescribeContactCommand({ InstanceId: INSTANCE_ID, ContactId: contactId }),
  );
  return out.Contact?.DisconnectTimestamp;
}

/** Sam's desk as the desk page reads it. */
async function deskOfSam(): Promise<{ agent: { status: string }; contact?: { id: string } }> {
  const res = await fetch(`${base()}/local/desk/agents/${SAM}/state`);
  return (await res.json()) as { agent: { status: string }; contact?: { id: string } };
}

/** Holds every getUserMedia of the page open until `releaseDevices` (set up before navigation). */
async function holdDevices(page: Page) {
  await page.addInitScript(() => {
    const w = window as unknown as { __holdDevices?: Promise<void>; __release?: () => void };
    const md = navigator.mediaDevices;
    const gum = md.getUserMedia.bind(md);
    md.getUserMedia = async (c) => {
      if (w.__holdDevices) await w.__holdDevices;
      return gum(c);
    };
  });
}
const startHoldingDevices = (page: Page) =>
  page.evaluate(() => {
    const w = window as unknown as { __holdDevices?: Promise<void>; __release?: () => void };
    w.__holdDevices = new Promise<void>((resolve) => (w.__release = resolve));
  });
const releaseDevices = (page: Page) =>
  page.evaluate(() => (window as unknown as { __release?: () => void }).__release?.());

/** The launcher is back and nothing is captured. */
async function nothingLeftOnThePage(page: Page) {
  await expect(page.getByRole('button', { name: 'Start video call' })).toBeVisible();
  await expect(page.getByRole('dialog', { name: 'Video call' })).toHaveCount(0);
  await expect.poll(() => liveTracks(page, 'video')).toBe(0);
  await expect.poll(() => liveTracks(page, 'audio')).toBe(0);
}

test.beforeAll(async () => {
  await setAgentStatus('alex', 'OFFLINE');
  await setAgentStatus('sam', 'AVAILABLE');
});
test.afterAll(async () => {
  await setAgentStatus('sam', 'OFFLINE');
});

test('× while the start request is in flight: the contact is cancelled, the launcher is back', async ({
  page,
}) => {
  await observeCustomerPage(page);
  let held: { route: Route; body: string } | null = null;
  await page.route('**/api/calls', async (route) => {
    const response = await route.fetch();
    held = { route, body: await response.text() };
  });
  const dialog = await openWidget(page, { 'display-name': 'Cleo Close' });
  await dialog.getByRole('button', { name: 'Join call' }).click();
  await expect.poll(() => held !== null).toBe(true);
  await expect(dialog.getByRole('button', { name: 'Cancel the call and close' })).toBeVisible();
  const cancelled = page.waitForResponse((r) => r.url().endsWith('/api/calls/cancel'));
  await dialog.getByRole('button', { name: 'Cancel the call and close' }).click();
  await nothingLeftOnThePage(page);
  expect((await cancelled).status()).toBe(200);
  const { contactId } = JSON.parse(held!.body) as { contactId: string };
  expect(await disconnectedAt(contactId)).toBeInstanceOf(Date);
  // The start's answer arriving late changes nothing: no engine, no device, the contact stays
  // ended.
  await held!.route.fulfill({ status: 201, contentType: 'application/json', body: held!.body });
  await expect(page.getByRole('button', { name: 'Start video call' })).toBeVisible();
  expect(await liveTracks(page, 'audio')).toBe(0);
  expect(await deskOfSam()).toMatchObject({ agent: { status: 'AVAILABLE' } });
  expect((await deskOfSam()).contact).toBeUndefined();
});

test('Escape while the call engine loads: the contact ends, nothing joins later', async ({
  page,
}) => {
  await observeCustomerPage(page);
  let releaseEngine: () => void = () => undefined;
  const engineHeld = new Promise<void>((resolve) => (releaseEngine = resolve));
  await page.route(/chime-call-engine-[^/]+\.js$/, async (route) => {
    await engineHeld;
    await route.continue();
  });
  const signaling: string[] = [];
  page.on('websocket', (ws) => signaling.push(ws.url()));
  const started = page.waitForResponse(
    (r) => r.url().endsWith('/api/calls') && r.request().method() === 'POST',
  );
  const dialog = await openWidget(page, { 'display-name': 'Eli Escape' });
  await dialog.getByRole('button', { name: 'Join call' }).click();
  const { contactId } = (await (await started).json()) as { contactId: string };
  await expect(dialog.getByRole('heading', { name: 'Connecting you' })).toBeVisible();
  await page.setViewportSize(VIEWPORTS.phone);
  await screen(page, 'setting-up-360x740');
  await page.setViewportSize(VIEWPORTS.desktop);
  await screen(page, 'setting-up-1280x800');
  const ended = page.waitForResponse((r) => r.url().endsWith(`/api/calls/${contactId}/end`));
  await dialog.getByRole('heading', { name: 'Connecting you' }).press('Escape');
  await nothingLeftOnThePage(page);
  expect((await ended).status()).toBe(200);
  expect(await disconnectedAt(contactId)).toBeInstanceOf(Date);
  releaseEngine();
  // The engine chunk arriving after the cancel must not join the meeting.
  await page.waitForLoadState('networkidle');
  expect(signaling.filter((u) => u.includes('/control/'))).toEqual([]);
  expect(await liveTracks(page, 'audio')).toBe(0);
});

test('× while the devices open and the contact rings at the agent: devices released, the desk is cleared', async ({
  page,
}) => {
  await observeCustomerPage(page);
  await holdDevices(page);
  const started = page.waitForResponse(
    (r) => r.url().endsWith('/api/calls') && r.request().method() === 'POST',
  );
  const dialog = await openWidget(page, { 'display-name': 'Rosa Ring' });
  // The preview has its devices; the join's own getUserMedia is the one held.
  await expect.poll(() => liveTracks(page, 'audio')).toBe(1);
  await startHoldingDevices(page);
  await dialog.getByRole('button', { name: 'Join call' }).click();
  const { contactId, callToken } = (await (await started).json()) as {
    contactId: string;
    callToken: string;
  };
  // Answer the menu through the backend ("2" = Support): the contact queues and rings at Sam.
  await expect
    .poll(
      async () =>
        (
          await fetch(`${base()}/api/calls/${contactId}/dtmf`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: `Bearer ${callToken}` },
            body: JSON.stringify({ digits: '2' }),
          })
        ).status,
      { timeout: 30_000 },
    )
    .toBe(200);
  await expect
    .poll(async () => (await deskOfSam()).contact?.id, { timeout: 30_000 })
    .toBe(contactId);
  expect((await deskOfSam()).agent.status).toBe('RINGING');
  await dialog.getByRole('button', { name: 'Cancel the call and close' }).click();
  await expect(page.getByRole('button', { name: 'Start video call' })).toBeVisible();
  // the held getUserMedia now delivers: its tracks must be stopped at once
  await releaseDevices(page);
  await nothingLeftOnThePage(page);
  await expect.poll(() => disconnectedAt(contactId)).toBeInstanceOf(Date);
  await expect.poll(async () => (await deskOfSam()).contact).toBeUndefined();
});

test('leaving the page while the start request is in flight cancels the contact', async ({
  page,
}) => {
  let body: string | null = null;
  await page.route('**/api/calls', async (route) => {
    body = await (await route.fetch()).text(); // answered by the server, never delivered
  });
  const dialog = await openWidget(page, { 'display-name': 'Lou Leave' });
  await dialog.getByRole('button', { name: 'Join call' }).click();
  await expect.poll(() => body !== null).toBe(true);
  await page.goto(`${base()}/snippet/`);
  const { contactId } = JSON.parse(body!) as { contactId: string };
  await expect.poll(() => disconnectedAt(contactId)).toBeInstanceOf(Date);
});
