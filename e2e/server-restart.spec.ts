/**
 * A crash mid-call: the server process is killed with SIGKILL while a customer and an agent are in
 * a video call, and started again on the same port and data folder, as a supervisor would. Both
 * browsers come back into the same call by themselves (the Chime SDK reconnects its signaling and
 * media; the restored meeting admits the same join tokens) and the contact is intact: still
 * connected to the agent, video flowing both ways again.
 */
import { expect, test, type Page } from '@playwright/test';
import { e2eServer, type E2eServer } from './testing/server-process';
import { callThroughFlow, videoFramesByLabel } from './testing/widget-support';

let server: E2eServer;
test.beforeAll(async () => {
  server = await e2eServer();
  await server.start();
});
test.afterAll(async () => server?.close());

/** True when `frames()` grows within 2 s: video is being decoded now (a frozen tile stays put). */
async function flowing(frames: () => Promise<number>): Promise<boolean> {
  const before = await frames();
  await new Promise((r) => setTimeout(r, 2_000));
  return (await frames()) - before > 2;
}

const agentVideoFrames = (customer: Page) => () =>
  customer
    .getByTestId('agent-video')
    .evaluate((v) => (v as HTMLVideoElement).getVideoPlaybackQuality().totalVideoFrames)
    .catch(() => 0);

test('after a SIGKILL and a restart, both browsers are back in the same call with the contact intact', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const agentContext = await browser.newContext({ permissions: ['camera', 'microphone'] });
  const agent = await agentContext.newPage();
  await agent.goto(`${server.baseUrl}/agent/`);
  await agent.getByRole('button', { name: 'Sign in as Sam Okafor (sam)' }).click();
  await agent.getByRole('button', { name: 'Available', exact: true }).click();

  const customerContext = await browser.newContext({ permissions: ['camera', 'microphone'] });
  const customer = await customerContext.newPage();
  await customer.goto(`${server.baseUrl}/`);
  await customer.getByRole('button', { name: 'Start video call' }).click();
  const dialog = await callThroughFlow(customer, agent, 'Rae Restart');
  const customerSees = agentVideoFrames(customer);
  const agentSees = () => videoFramesByLabel(agent, "Rae Restart's camera");
  await expect.poll(() => flowing(customerSees), { timeout: 30_000 }).toBe(true);
  await expect.poll(() => flowing(agentSees), { timeout: 30_000 }).toBe(true);

  await server.kill();
  await server.start();

  // Back in the same call: video flows again both ways, nobody was told the call ended.
  await expect.poll(() => flowing(customerSees), { timeout: 90_000 }).toBe(true);
  await expect.poll(() => flowing(agentSees), { timeout: 90_000 }).toBe(true);
  await expect(dialog.getByTestId('agent-name')).toHaveText(/In call with Sam/);
  await expect(dialog.getByRole('heading', { name: 'Call ended' })).toHaveCount(0);

  await dialog.getByRole('button', { name: 'End call' }).click();
  await expect(dialog.getByRole('heading', { name: 'Call ended' })).toBeVisible();
  await customerContext.close();
  await agentContext.close();
});
