/**
 * The local contact center end to end, through the real pages: a customer starts a video contact,
 * the sample flow asks for a digit, "2" routes it to Support, it rings the available agent on the
 * agent desk, who accepts; both see and hear each other; the agent enables screen sharing and the
 * customer shares; the agent ends the contact and the customer's call ends.
 */
import { DescribeContactCommand, StopContactCommand } from '@aws-sdk/client-connect';
import { SendMessageCommand } from '@aws-sdk/client-connectparticipant';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import {
  contextsClosedAfterEach,
  inboundMedia,
  startCustomerContact,
  trackPeerConnections,
  videoFrames,
} from './testing/agent-desk-support';
import { releaseAgents } from './testing/desk-reset';
import { routeHarness } from './testing/harness-route';

const base = () => process.env.BASE_URL!;
const axeViolations = async (page: Page) =>
  (await new AxeBuilder({ page }).analyze()).violations.map(
    (v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
type HarnessWindow = {
  harness: {
    join(m: unknown, a: unknown): Promise<void>;
    startVideo(): Promise<void>;
    startContent(): Promise<void>;
    audioPackets(): Promise<number>;
    tiles(): Array<{ attendeeId: string; content: boolean; frames: number }>;
    state: { messages: Array<{ topic: string; text: string }>; stopStatus?: string };
  };
};
const contexts = contextsClosedAfterEach();

test('a video contact goes through the flow to the Support queue and the agent desk, and back', async ({
  browser,
}) => {
  // Other specs share this server: only Alex takes contacts here, starting from Offline.
  await releaseAgents(base());
  // The agent signs in and becomes available.
  test.setTimeout(180_000);
  const agentContext = await browser.newContext({ permissions: ['camera', 'microphone'] });
  contexts.push(agentContext);
  const agent = await agentContext.newPage();
  await trackPeerConnections(agent);
  await agent.goto(`${base()}/agent/`);
  await expect(agent.getByRole('button', { name: 'Sign in as Alex Rivera (alex)' })).toBeVisible();
  expect(await axeViolations(agent)).toEqual([]);
  await agent.getByRole('button', { name: 'Sign in as Alex Rivera (alex)' }).click();
  await agent.getByRole('button', { name: 'Available', exact: true }).click();
  await expect(agent.getByRole('button', { name: 'Available', exact: true })).toHaveAttribute(
    'aria-pressed',
    'true',
  );

  // 1. A call starts: StartWebRTCContact with the official SDK, the customer joins its meeting.
  const customer = await startCustomerContact(base(), 'Dana Customer');
  const contactId = customer.started.ContactId!;
  const customerContext = await browser.newContext({ permissions: ['camera', 'microphone'] });
  contexts.push(customerContext);
  await routeHarness(customerContext, base());
  const customerPage = await customerContext.newPage();
  await trackPeerConnections(customerPage);
  await customerPage.goto(`${base()}/e2e/harness/`);
  const { Meeting, Attendee } = customer.started.ConnectionData!;
  await customerPage.evaluate(([m, a]) => (window as unknown as HarnessWindow).harness.join(m, a), [
    Meeting,
    Attendee,
  ] as const);
  await customerPage.evaluate(() => (window as unknown as HarnessWindow).harness.startVideo());

  // 2. The flow asks for a digit (a caption in the Participant Service transcript); the customer
  //    sends "2".
  await expect
    .poll(() => customer.transcript(), { timeout: 30_000 })
    .toContain('Press 1 for sales, or 2 for support.');
  // The prompts are also spoken into the call (espeak-ng): the customer receives audio with energy
  // before any agent joined.
  await expect
    .poll(async () => (await inboundMedia(customerPage)).audioEnergy, { timeout: 15_000 })
    .toBeGreaterThan(0.01);
  await customer.participant.send(
    new SendMessageCommand({
      ConnectionToken: customer.connectionToken,
      ContentType: 'audio/dtmf',
      Content: '2',
    }),
  );

  // 3. The contact lands in Support and rings the agent, who sees who is calling and accepts.
  const incoming = agent.getByRole('dialog', { name: 'Incoming video contact' });
  // A contact another spec left waiting in a queue may ring first: pass it on.
  for (let i = 0; i < 10; i++) {
    await expect(incoming).toBeVisible();
    if ((await incoming.textContent())?.includes('Dana Customer')) break;
    await incoming.getByRole('button', { name: 'Reject' }).click();
    await agent.waitForTimeout(200);
  }
  await expect(incoming).toContainText('Dana Customer');
  await expect(incoming).toContainText('Support');
  await expect(incoming).toContainText('A-1001');
  await expect(incoming.getByRole('link', { name: 'https://shop.example/kettle' })).toHaveAttribute(
    'target',
    '_blank',
  );
  await expect(agent.getByRole('log')).toContainText('Customer pressed 2');
  expect(await axeViolations(agent)).toEqual([]);
  await incoming.getByRole('button', { name: 'Accept' }).click();

  // 4. Both see and hear each other.
  await expect
    .poll(() => videoFrames(agent, "Dana Customer's camera"), { timeout: 30_000 })
    .toBeGreaterThan(10);
  const agentAudio = await inboundMedia(agent);
  await expect
    .poll(async () => (await inboundMedia(agent)).audioPackets)
    .toBeGreaterThan(agentAudio.audioPackets + 50);
  await expect
    .poll(async () => (await inboundMedia(agent)).audioEnergy)
    .toBeGreaterThan(agentAudio.audioEnergy);
  await expect
    .poll(
      () =>
        customerPage.evaluate(
          () =>
            (window as unknown as HarnessWindow).harness.tiles().find((t) => !t.content)?.frames ??
            0,
        ),
      { timeout: 30_000 },
    )
    .toBeGreaterThan(10);
  const customerAudio = await customerPage.evaluate(() =>
    (window as unknown as HarnessWindow).harness.audioPackets(),
  );
  await expect
    .poll(() =>
      customerPage.evaluate(() => (window as unknown as HarnessWindow).harness.audioPackets()),
    )
    .toBeGreaterThan(customerAudio + 50);

  // DescribeContact shows the queue, the agent and the time of each step.
  const described = await customer.connect.send(
    new DescribeContactCommand({ InstanceId: customer.instanceId, ContactId: contactId }),
  );
  expect(described.Contact?.QueueInfo?.Id).toBe('e6ae982a-8d10-457c-b048-628cc7125a3c');
  expect(described.Contact?.AgentInfo?.Id).toBe('0336b503-1430-41e8-9e50-f660e2ad5be0');
  expect(described.Contact?.AgentInfo?.ConnectedToAgentTimestamp).toBeInstanceOf(Date);

  // 5. The agent enables screen sharing; the customer receives it, shares, and the agent sees it
  //    large.
  await agent.getByRole('button', { name: 'Enable screen sharing' }).click();
  await expect
    .poll(() =>
      customerPage.evaluate(() => (window as unknown as HarnessWindow).harness.state.messages),
    )
    .toContainEqual(
      expect.objectContaining({
        topic: 'AMAZON_CONNECT_SCREEN_SHARING',
        text: '{"message":"ScreenSharingStarted"}',
      }),
    );
  await customerPage.evaluate(() => (window as unknown as HarnessWindow).harness.startContent());
  await expect
    .poll(() => videoFrames(agent, "Dana Customer's shared screen"), { timeout: 30_000 })
    .toBeGreaterThan(10);
  await expect(agent.getByRole('button', { name: 'Disable screen sharing' })).toBeVisible();

  // 6. The agent ends the contact: the customer's call ends, the agent does after-contact work,
  //    then is available.
  await agent.getByRole('button', { name: 'End contact' }).click();
  await expect
    .poll(() =>
      customerPage.evaluate(() => (window as unknown as HarnessWindow).harness.state.stopStatus),
    )
    .toBeTruthy();
  await expect(agent.getByRole('heading', { name: 'After-contact work' })).toBeVisible();
  await agent.getByRole('button', { name: 'Done — become available' }).click();
  await expect(agent.getByRole('button', { name: 'Available', exact: true })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  const ended = await customer.connect.send(
    new DescribeContactCommand({ InstanceId: customer.instanceId, ContactId: contactId }),
  );
  expect(ended.Contact?.DisconnectReason).toBe('AGENT_DISCONNECT');
  // Leave the desk as other specs expect it: the agent offline.
  await agent.getByRole('button', { name: 'Offline', exact: true }).click();
  await expect(agent.getByRole('button', { name: 'Offline', exact: true })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
});

test('a digit pressed during the greeting is buffered: it stops the greeting, the menu is skipped and the contact rings in Support', async ({
  browser,
}) => {
  await releaseAgents(base());
  const agentContext = await browser.newContext({ permissions: ['camera', 'microphone'] });
  contexts.push(agentContext);
  const agent = await agentContext.newPage();
  await agent.goto(`${base()}/agent/`);
  await agent.getByRole('button', { name: 'Sign in as Alex Rivera (alex)' }).click();
  await agent.getByRole('button', { name: 'Available', exact: true }).click();

  // The contact is in its flow, whose first block turns touchtone buffering on; the "2" arrives
  // while the greeting is still going (its speech waits for the customer's media, which has not
  // joined).
  const customer = await startCustomerContact(base(), 'Early Keyer');
  const describe = () =>
    customer.connect.send(
      new DescribeContactCommand({
        InstanceId: customer.instanceId,
        ContactId: customer.started.ContactId!,
      }),
    );
  await expect
    .poll(async () => (await describe()).Contact?.ConnectedToSystemTimestamp)
    .toBeTruthy();
  await customer.participant.send(
    new SendMessageCommand({
      ConnectionToken: customer.connectionToken,
      ContentType: 'audio/dtmf',
      Content: '2',
    }),
  );

  const incoming = agent.getByRole('dialog', { name: 'Incoming video contact' });
  for (let i = 0; i < 10; i++) {
    await expect(incoming).toBeVisible({ timeout: 30_000 });
    if ((await incoming.textContent())?.includes('Early Keyer')) break;
    await incoming.getByRole('button', { name: 'Reject' }).click();
    await agent.waitForTimeout(200);
  }
  await expect(incoming).toContainText('Early Keyer');
  await expect(incoming).toContainText('Support');
  // The key stopped the greeting (which starts as the flow reaches it, before the customer's media
  // joins) and answered the menu from the buffer: the menu was never played.
  const captions = await customer.transcript();
  expect(captions.filter((c) => /Press 1 for sales/.test(c))).toEqual([]);

  await incoming.getByRole('button', { name: 'Reject' }).click();
  await customer.connect.send(
    new StopContactCommand({
      InstanceId: customer.instanceId,
      ContactId: customer.started.ContactId!,
    }),
  );
  await agent.getByRole('button', { name: 'Offline', exact: true }).click();
});
