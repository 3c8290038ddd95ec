import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  ConnectClient,
  DescribeContactCommand,
  StartWebRTCContactCommand,
  StopContactCommand,
} from '@aws-sdk/client-connect';
import {
  ConnectParticipantClient,
  CreateParticipantConnectionCommand,
  DisconnectParticipantCommand,
  GetTranscriptCommand,
  SendMessageCommand,
} from '@aws-sdk/client-connectparticipant';
import { afterEach, describe, expect, it } from 'vitest';
import { startLocalStack, type LocalStack } from '../backend/testing/start-local-stack';

const INSTANCE = '2639718f-95c5-4bc8-9a3a-1540ddcb76c9';
const FLOW = 'd501a97f-adeb-401a-a3f8-e8455e83aa7d';
const SUPPORT = 'e6ae982a-8d10-457c-b048-628cc7125a3c';
const ALEX = '0336b503-1430-41e8-9e50-f660e2ad5be0';
let stack: LocalStack | undefined;
afterEach(async () => stack?.close());

async function poll<T>(probe: () => Promise<T>, ok: (v: T) => boolean, ms = 10_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await probe();
    if (ok(v) || Date.now() > deadline) return v;
    await new Promise((r) => setTimeout(r, 25));
  }
}

async function customer(baseUrl: string) {
  const cfg = {
    region: 'us-east-1',
    endpoint: `${baseUrl}/aws`,
    credentials: { accessKeyId: 'x', secretAccessKey: 'x' },
  };
  const connect = new ConnectClient(cfg);
  const participant = new ConnectParticipantClient(cfg);
  const started = await connect.send(
    new StartWebRTCContactCommand({
      InstanceId: INSTANCE,
      ContactFlowId: FLOW,
      ParticipantDetails: { DisplayName: 'Dana' },
      ClientToken: randomUUID(),
    }),
  );
  const conn = await participant.send(
    new CreateParticipantConnectionCommand({
      ParticipantToken: started.ParticipantToken,
      Type: ['CONNECTION_CREDENTIALS'],
    }),
  );
  const token = conn.ConnectionCredentials!.ConnectionToken!;
  const describe = async () =>
    (
      await connect.send(
        new DescribeContactCommand({ InstanceId: INSTANCE, ContactId: started.ContactId }),
      )
    ).Contact!;
  const transcript = async () =>
    (await participant.send(new GetTranscriptCommand({ ConnectionToken: token }))).Transcript ?? [];
  const dtmf = (digits: string) =>
    participant.send(
      new SendMessageCommand({
        ConnectionToken: token,
        ContentType: 'audio/dtmf',
        Content: digits,
      }),
    );
  return {
    connect,
    participant,
    started,
    token,
    describe,
    transcript,
    dtmf,
    contactId: started.ContactId!,
  };
}

const desk = (baseUrl: string) => ({
  state: async () => (await fetch(`${baseUrl}/local/desk/agents/${ALEX}/state`)).json(),
  post: (path: string, body?: unknown) =>
    fetch(`${baseUrl}/local/desk/agents/${ALEX}${path}`, {
      method: 'POST',
      headers: body ? { 'content-type': 'application/json' } : {},
      body: body ? JSON.stringify(body) : undefined,
    }),
});

describe('flows and queues with the real emulator (official SDK clients)', () => {
  it('runs the flow, routes DTMF 2 to Support, rings the agent, and DescribeContact shows each step', async () => {
    stack = await startLocalStack();
    const agent = desk(stack.baseUrl);
    await agent.post('/status', { status: 'AVAILABLE' });
    const c = await customer(stack.baseUrl);
    const items = await poll(c.transcript, (t) =>
      t.some((i) => i.Content === 'Press 1 for sales, or 2 for support.'),
    );
    expect(items.map((i) => i.Content)).toContain('Hello Dana, thank you for calling us on video.');
    await c.dtmf('2');
    const ringing = await poll(agent.state, (s) => s.agent.status === 'RINGING');
    expect(ringing.contact).toMatchObject({
      id: c.contactId,
      queueName: 'Support',
      customerName: 'Dana',
      dtmf: [{ digits: '2' }],
    });
    const accepted = await (await agent.post(`/contacts/${c.contactId}/accept`)).json();
    expect(accepted.connection.meeting.meetingId).toBe(
      c.started.ConnectionData?.Meeting?.MeetingId,
    );
    expect(accepted.connection.attendee.attendeeId).not.toBe(
      c.started.ConnectionData?.Attendee?.AttendeeId,
    );
    const described = await c.describe();
    expect(described.QueueInfo?.Id).toBe(SUPPORT);
    expect(described.AgentInfo?.Id).toBe(ALEX);
    expect(described.Attributes).toMatchObject({ department: 'support' });

    await c.connect.send(new StopContactCommand({ InstanceId: INSTANCE, ContactId: c.contactId }));
    const acw = await poll(agent.state, (s) => s.agent.status === 'AFTER_CONTACT_WORK');
    expect(acw.contact.state).toBe('ENDED');
  });

  it('ends a contact cleanly when the customer leaves while queued', async () => {
    stack = await startLocalStack();
    const c = await customer(stack.baseUrl);
    await poll(c.transcript, (t) => t.some((i) => i.Content?.startsWith('Press 1')));
    await c.dtmf('2');
    expect((await poll(c.describe, (d) => d.QueueInfo?.Id === SUPPORT)).QueueInfo?.Id).toBe(
      SUPPORT,
    );
    await c.participant.send(new DisconnectParticipantCommand({ ConnectionToken: c.token }));
    const ended = await poll(c.describe, (d) => d.DisconnectTimestamp !== undefined);
    expect(ended.DisconnectReason).toBe('CUSTOMER_DISCONNECT');
    const agent = desk(stack.baseUrl);
    await agent.post('/status', { status: 'AVAILABLE' });
    // nothing left in the queue to ring
    expect((await agent.state()).agent.status).toBe('AVAILABLE');
  });

  it('picks up a contact still queued after a restart', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'cvc-ops-'));
    try {
      stack = await startLocalStack({ dataDir });
      const c = await customer(stack.baseUrl);
      await poll(c.transcript, (t) => t.some((i) => i.Content?.startsWith('Press 1')));
      await c.dtmf('2');
      await poll(c.describe, (d) => d.QueueInfo?.Id === SUPPORT);
      await stack.close();
      stack = await startLocalStack({ dataDir });
      const agent = desk(stack.baseUrl);
      await agent.post('/status', { status: 'AVAILABLE' });
      const ringing = await poll(agent.state, (s) => s.agent.status === 'RINGING');
      expect(ringing.contact.id).toBe(c.contactId);
    } finally {
      await stack?.close();
      stack = undefined;
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
