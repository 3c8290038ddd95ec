import type { ContactRecord } from '../contacts/contact-record';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { CallHealth, DeskState } from '../../shared/agent-desk-api';
import { AgentRoster } from '../routing/agent-roster';
import { CenterDirectory } from '../routing/center-directory';
import { systemClock } from '../clock';
import { MemoryContacts } from '../contacts/memory-contacts';
import { walkTo } from '../contacts/testing/contact-journey';
import { QueueRouter } from '../routing/queue-router';
import { testConfig } from '../flows/testing/flow-test-kit';
import { DeskHub } from './desk-hub';
import { deskRoutes } from './desk-routes';

const ALEX = '0336b503-1430-41e8-9e50-f660e2ad5be0';
const SUPPORT = 'e6ae982a-8d10-457c-b048-628cc7125a3c';
let app: FastifyInstance | undefined;
afterEach(async () => app?.close());

async function start() {
  const setup = testConfig();
  const contacts = new MemoryContacts();
  const directory = new CenterDirectory(setup);
  const roster = new AgentRoster(directory, systemClock);
  const router = new QueueRouter({ contacts, directory, roster, now: systemClock });
  contacts.events.on('contact-ended', (c) => router.contactEnded(c));
  const hub = new DeskHub({
    contacts,
    roster,
    ringTimeoutSeconds: 20,
    afterContactWorkSeconds: 10,
    now: systemClock,
  });
  app = Fastify();
  // The customer's device as stored on the contact; quality as the media service would score it.
  const callHealth = (c: ContactRecord): CallHealth => ({
    ...(c.customer.deviceInfo ? { customerDevice: c.customer.deviceInfo } : {}),
    quality: { Customer: { Audio: { QualityScore: 4.2, PotentialQualityIssues: [] } } },
  });
  await app.register(deskRoutes({ contacts, roster, router, hub, callHealth }), {
    prefix: '/local',
  });
  const base = await app.listen({ port: 0, host: '127.0.0.1' });
  return { base: `${base}/local/desk`, contacts, router };
}

/** Reads desk states from the SSE stream as they arrive. */
async function openEvents(url: string) {
  const res = await fetch(url);
  expect(res.headers.get('content-type')).toBe('text/event-stream');
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  const next = async (): Promise<DeskState> => {
    for (;;) {
      const end = buffer.indexOf('\n\n');
      if (end >= 0) {
        const frame = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const data = frame.split('\n').find((l) => l.startsWith('data: '));
        if (data) return DeskState.parse(JSON.parse(data.slice(6)));
        continue;
      }
      const { value, done } = await reader.read();
      if (done) throw new Error('stream closed');
      buffer += decoder.decode(value, { stream: true });
    }
  };
  const until = async (check: (s: DeskState) => boolean) => {
    for (;;) {
      const s = await next();
      if (check(s)) return s;
    }
  };
  return { next, until, close: () => reader.cancel() };
}

const post = (url: string, body?: unknown, headers: Record<string, string> = {}) =>
  fetch(url, {
    method: 'POST',
    headers: body ? { 'content-type': 'application/json', ...headers } : headers,
    body: body ? JSON.stringify(body) : undefined,
  });

describe('agent desk API', () => {
  it('streams the desk state in real time through a whole contact', async () => {
    const { base, contacts, router } = await start();
    const agents = await (await fetch(`${base}/agents`)).json();
    expect(agents.agents.map((a: { username: string }) => a.username)).toEqual(['alex', 'sam']);

    const events = await openEvents(`${base}/agents/${ALEX}/events`);
    expect((await events.next()).agent.status).toBe('OFFLINE');
    expect((await post(`${base}/agents/${ALEX}/status`, { status: 'AVAILABLE' })).status).toBe(200);
    expect((await events.next()).agent.status).toBe('AVAILABLE');

    const c = contacts.create({
      name: 'Dana',
      description: 'Video call from Dana',
      attributes: { product: 'kettle' },
      references: { page: { Type: 'URL', Value: 'https://shop.example/kettle' } },
    });
    walkTo(contacts, c.id, 'IN_FLOW');
    router.enqueue(c.id, { queueId: SUPPORT });
    const ringing = await events.until(
      (s) => s.agent.status === 'RINGING' && s.contact?.state === 'RINGING',
    );
    expect(ringing.contact).toMatchObject({
      id: c.id,
      customerName: 'Dana',
      description: 'Video call from Dana',
      queueName: 'Support',
      attributes: { product: 'kettle' },
      references: { page: { Type: 'URL', Value: 'https://shop.example/kettle' } },
      capabilities: { agent: { video: true, screenShare: true } },
    });

    const accepted = await (await post(`${base}/agents/${ALEX}/contacts/${c.id}/accept`)).json();
    expect(accepted.connection).toMatchObject({
      attendee: { attendeeId: `att-a-${ALEX}` },
      meeting: { meetingId: c.meeting.MeetingId, mediaPlacement: { signalingUrl: 'ws://x' } },
    });
    expect(accepted.connection.attendee.joinToken).toMatch(/^secret-a-/);
    await events.until((s) => s.agent.status === 'ON_CONTACT' && s.contact?.state === 'CONNECTED');

    contacts.transition(c.id, {
      kind: 'device-noted',
      attendeeId: c.customer.attendee.AttendeeId,
      deviceInfo: { PlatformName: 'Firefox', PlatformVersion: '153.0' },
    });
    const health = await fetch(`${base}/agents/${ALEX}/contacts/${c.id}/health`);
    expect(health.headers.get('cache-control')).toBe('no-store');
    expect(CallHealth.parse(await health.json())).toEqual({
      customerDevice: { PlatformName: 'Firefox', PlatformVersion: '153.0' },
      quality: { Customer: { Audio: { QualityScore: 4.2, PotentialQualityIssues: [] } } },
    });
    // Another agent's contact is not theirs to read.
    expect(
      (await fetch(`${base}/agents/nobody/contacts/${c.id}/health`)).status,
    ).toBeGreaterThanOrEqual(400);

    contacts.events.emit('dtmf', { contactId: c.id, digits: '2' });
    contacts.addTranscript(c.id, {
      kind: 'caption',
      participantRole: 'SYSTEM',
      contentType: 'text/plain',
      content: 'Hello',
    });
    const live = await events.until(
      (s) => (s.contact?.dtmf.length ?? 0) > 0 && (s.contact?.captions.length ?? 0) > 0,
    );
    expect(live.contact?.dtmf[0]?.digits).toBe('2');
    expect(live.contact?.captions[0]?.text).toBe('Hello');

    expect((await post(`${base}/agents/${ALEX}/contacts/${c.id}/end`)).status).toBe(200);
    const acw = await events.until((s) => s.agent.status === 'AFTER_CONTACT_WORK');
    expect(acw.contact).toMatchObject({ state: 'ENDED', disconnectReason: 'AGENT_DISCONNECT' });
    await post(`${base}/agents/${ALEX}/after-contact-work/complete`);
    const free = await events.until((s) => s.agent.status === 'AVAILABLE');
    expect(free.contact).toBeUndefined();
    expect(free.history).toEqual([
      { id: c.id, customerName: 'Dana', endedAt: expect.any(Number), durationSeconds: 0 },
    ]);
    // The customer's rating arrives later as contact attributes: the history shows it at once.
    contacts.transition(c.id, {
      kind: 'attributes-set',
      attributes: { 'cvc-rating': '5', 'cvc-rating-comment': 'Great' },
    });
    const rated = await events.until((s) => s.history[0]?.rating !== undefined);
    expect(rated.history[0]?.rating).toEqual({ score: 5, comment: 'Great' });
    await events.close();
  });

  it('answers bad requests with Connect error names and changes nothing', async () => {
    const { base, contacts } = await start();
    const missing = await fetch(`${base}/agents/nobody/state`);
    expect(missing.status).toBe(404);
    expect((await missing.json()).error.name).toBe('ResourceNotFoundException');
    const bad = await post(`${base}/agents/${ALEX}/status`, { status: 'BUSY' });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error).toMatchObject({
      name: 'InvalidRequestException',
      message: expect.stringContaining('AVAILABLE'),
    });
    const c = contacts.create();
    const notRinging = await post(`${base}/agents/${ALEX}/contacts/${c.id}/accept`);
    expect(notRinging.status).toBe(409);
    expect((await notRinging.json()).error.name).toBe('ResourceConflictException');
    const foreign = await post(
      `${base}/agents/${ALEX}/status`,
      { status: 'AVAILABLE' },
      { origin: 'https://evil.example' },
    );
    expect(foreign.status).toBe(403);
    expect((await (await fetch(`${base}/agents/${ALEX}/state`)).json()).agent.status).toBe(
      'OFFLINE',
    );
    expect(contacts.get(c.id)?.state).toBe('INITIATED');
  });
});
