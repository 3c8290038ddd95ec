import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AgentRoster } from './agent-roster';
import { CenterDirectory, type CenterSetup } from './center-directory';
import { systemClock } from '../clock';
import { MemoryContacts } from '../contacts/memory-contacts';
import { walkTo } from '../contacts/testing/contact-journey';
import { QueueRouter } from './queue-router';
import { restoreRouting } from './restore-routing';

const setup: CenterSetup = {
  instance: { id: 'i', region: 'us-east-1' },
  flows: [],
  hoursOfOperation: [],
  queues: [
    { id: 'sales', name: 'Sales' },
    { id: 'support', name: 'Support', maxContacts: 2 },
  ],
  routingProfiles: [
    { id: 'all', name: 'All', queueIds: ['sales', 'support'] },
    { id: 'sales-only', name: 'Sales only', queueIds: ['sales'] },
  ],
  agents: [
    {
      id: 'alex',
      username: 'alex',
      firstName: 'Alex',
      lastName: 'Rivera',
      routingProfileId: 'all',
    },
    { id: 'sam', username: 'sam', firstName: 'Sam', lastName: 'Okafor', routingProfileId: 'all' },
    {
      id: 'kim',
      username: 'kim',
      firstName: 'Kim',
      lastName: 'Lee',
      routingProfileId: 'sales-only',
    },
  ],
  ringTimeoutSeconds: 20,
  afterContactWorkSeconds: 10,
};

/** A new contact whose flow runs: what the router gets to enqueue. */
const inFlow = (contacts: MemoryContacts) => walkTo(contacts, contacts.create().id, 'IN_FLOW');

function kit() {
  const contacts = new MemoryContacts();
  const directory = new CenterDirectory(setup);
  const roster = new AgentRoster(directory, systemClock);
  const router = new QueueRouter({ contacts, directory, roster, now: systemClock });
  contacts.events.on('contact-ended', (c) => router.contactEnded(c));
  const available = (...ids: string[]) =>
    ids.forEach((id) => {
      router.setAvailability(id, 'AVAILABLE');
      vi.advanceTimersByTime(1000);
    });
  return { contacts, roster, router, available };
}

describe('queue routing', () => {
  beforeEach(() => vi.useFakeTimers({ now: new Date('2026-11-23T15:00:00Z') }));
  afterEach(() => vi.useRealTimers());

  it('rings the longest-idle available agent who serves the queue', () => {
    const { contacts, roster, router, available } = kit();
    available('kim', 'sam', 'alex');
    const c = inFlow(contacts);
    expect(router.enqueue(c.id, { queueId: 'support' })).toBe(true);
    // kim is idle longest but does not serve Support
    expect(roster.get('sam').status).toBe('RINGING');
    expect(contacts.get(c.id)).toMatchObject({
      state: 'RINGING',
      queue: { id: 'support', name: 'Support' },
      agent: { id: 'sam' },
    });
    const sales = inFlow(contacts);
    router.enqueue(sales.id, { queueId: 'sales' });
    expect(roster.get('kim')).toMatchObject({ status: 'RINGING', contactId: sales.id });
  });

  it('rings the next agent when the first does not answer within the ring timeout', () => {
    const { contacts, roster, router, available } = kit();
    available('alex', 'sam');
    const c = inFlow(contacts);
    router.enqueue(c.id, { queueId: 'support' });
    expect(roster.get('alex').status).toBe('RINGING');
    vi.advanceTimersByTime(20_000);
    expect(roster.get('alex').status).toBe('MISSED');
    expect(roster.get('sam')).toMatchObject({ status: 'RINGING', contactId: c.id });
    const after = contacts.get(c.id);
    expect(after?.history.some((h) => h.detail === 'Alex Rivera did not answer within 20 s')).toBe(
      true,
    );
    expect(after?.declinedBy).toEqual(['alex']);
  });

  it('a rejected contact rings another agent; the rejecting agent stays available', () => {
    const { contacts, roster, router, available } = kit();
    available('alex', 'sam');
    const c = inFlow(contacts);
    router.enqueue(c.id, { queueId: 'support' });
    router.reject('alex', c.id);
    expect(roster.get('alex').status).toBe('AVAILABLE');
    expect(roster.get('sam').status).toBe('RINGING');
  });

  it('accept connects the agent; end gives after-contact work, then available again', () => {
    const { contacts, roster, router, available } = kit();
    available('alex');
    const c = inFlow(contacts);
    router.enqueue(c.id, { queueId: 'sales' });
    vi.advanceTimersByTime(3000);
    const participant = router.accept('alex', c.id);
    expect(participant.role).toBe('AGENT');
    const connected = contacts.get(c.id);
    expect(connected).toMatchObject({
      state: 'CONNECTED',
      agentParticipant: { participantId: participant.participantId },
    });
    expect((connected?.agent?.acceptedAt ?? 0) - (connected?.agent?.ringStartedAt ?? 0)).toBe(3000);
    contacts.end(c.id, 'AGENT_DISCONNECT');
    expect(roster.get('alex')).toMatchObject({ status: 'AFTER_CONTACT_WORK', contactId: c.id });
    vi.advanceTimersByTime(10_000);
    expect(roster.get('alex').status).toBe('AVAILABLE');
    expect(contacts.get(c.id)?.agent).toMatchObject({
      afterContactWorkStartedAt: expect.any(Number),
      afterContactWorkEndedAt: expect.any(Number),
    });
  });

  it('a customer who leaves while queued or ringing ends cleanly and frees the agent', () => {
    const { contacts, roster, router, available } = kit();
    const queued = inFlow(contacts);
    router.enqueue(queued.id, { queueId: 'sales' });
    contacts.end(queued.id, 'CUSTOMER_DISCONNECT');
    available('alex');
    expect(roster.get('alex').status).toBe('AVAILABLE'); // nothing left to ring
    const ringing = inFlow(contacts);
    router.enqueue(ringing.id, { queueId: 'sales' });
    contacts.end(ringing.id, 'CUSTOMER_DISCONNECT');
    expect(roster.get('alex')).toMatchObject({ status: 'AVAILABLE', contactId: undefined });
    vi.advanceTimersByTime(60_000);
    expect(roster.get('alex').status).toBe('AVAILABLE');
  });

  it('refuses bad requests with Connect error names and changes nothing', () => {
    const { contacts, roster, router, available } = kit();
    available('alex');
    const c = inFlow(contacts);
    expect(() => router.accept('sam', c.id)).toThrow(
      expect.objectContaining({ name: 'ResourceConflictException' }),
    );
    expect(() => router.setAvailability('nobody', 'AVAILABLE')).toThrow(
      expect.objectContaining({ name: 'ResourceNotFoundException' }),
    );
    expect(roster.get('alex').status).toBe('AVAILABLE');
    expect(contacts.get(c.id)?.state).toBe('IN_FLOW');
  });

  it('honours queue capacity and agent queues', () => {
    const { contacts, roster, router } = kit();
    expect(router.enqueue(inFlow(contacts).id, { queueId: 'support' })).toBe(true);
    expect(router.enqueue(inFlow(contacts).id, { queueId: 'support' })).toBe(true);
    expect(router.enqueue(inFlow(contacts).id, { queueId: 'support' })).toBe(false);
    const direct = inFlow(contacts);
    router.enqueue(direct.id, { queueId: 'agent/kim', agentId: 'kim' });
    router.setAvailability('alex', 'AVAILABLE');
    expect(roster.get('alex').contactId).not.toBe(direct.id);
    router.setAvailability('kim', 'AVAILABLE');
    expect(roster.get('kim')).toMatchObject({ status: 'RINGING', contactId: direct.id });
  });

  it('after a restart, queued and ringing contacts wait again in order', () => {
    const { contacts, roster, router } = kit();
    const older = contacts.create({
      state: 'RINGING',
      queue: { id: 'sales', name: 'Sales', enqueuedAt: 1 },
    });
    const newer = contacts.create({
      state: 'QUEUED',
      queue: { id: 'sales', name: 'Sales', enqueuedAt: 2 },
    });
    restoreRouting({ contacts, roster, router }, contacts.listActive());
    expect(contacts.get(newer.id)?.state).toBe('QUEUED');
    router.setAvailability('alex', 'AVAILABLE');
    expect(roster.get('alex').contactId).toBe(older.id);
  });
});

describe('status changes while a contact rings', () => {
  beforeEach(() => vi.useFakeTimers({ now: new Date('2026-11-23T15:00:00Z') }));
  afterEach(() => vi.useRealTimers());

  it('going Offline while ringing puts the contact back in its queue and no other contact rings the agent', () => {
    const { contacts, roster, router, available } = kit();
    available('alex');
    const first = inFlow(contacts);
    const second = inFlow(contacts);
    router.enqueue(first.id, { queueId: 'sales' });
    vi.advanceTimersByTime(10);
    router.enqueue(second.id, { queueId: 'sales' });
    expect(roster.get('alex').contactId).toBe(first.id);
    router.setAvailability('alex', 'OFFLINE');
    expect(roster.get('alex')).toMatchObject({ status: 'OFFLINE', contactId: undefined });
    expect(contacts.get(first.id)?.state).toBe('QUEUED');
    expect(contacts.get(second.id)?.state).toBe('QUEUED');
    router.setAvailability('sam', 'AVAILABLE');
    // first keeps its place at the head of the queue
    expect(roster.get('sam').contactId).toBe(first.id);
    vi.advanceTimersByTime(60_000);
    expect(roster.get('alex').status).toBe('OFFLINE');
  });

  it('after-contact work ended by going Offline does not ring the agent', () => {
    const { contacts, roster, router, available } = kit();
    available('alex');
    const c = inFlow(contacts);
    router.enqueue(c.id, { queueId: 'sales' });
    router.accept('alex', c.id);
    contacts.end(c.id, 'CUSTOMER_DISCONNECT');
    router.enqueue(inFlow(contacts).id, { queueId: 'sales' });
    router.setAvailability('alex', 'OFFLINE');
    expect(roster.get('alex')).toMatchObject({ status: 'OFFLINE' });
    expect(contacts.get(c.id)?.agent?.afterContactWorkEndedAt).toEqual(expect.any(Number));
  });
});
