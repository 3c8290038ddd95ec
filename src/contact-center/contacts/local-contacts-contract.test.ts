/**
 * The LocalContacts contract, run over the real contacts (SQLite store and the real media server)
 * and over MemoryContacts, the fake the flow, router, desk and prompt tests use: a test against the
 * fake can only pass where the real thing behaves the same.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { ContactRecord } from './contact-record';
import {
  EVENT_CHAT_ENDED,
  EVENT_PARTICIPANT_JOINED,
  EVENT_PARTICIPANT_LEFT,
} from './participant-events';
import {
  CONTACTS_IMPLEMENTATIONS,
  testClock as clock,
  type ContactsSubject,
} from './testing/contacts-subjects';
import { walkTo } from './testing/contact-journey';

describe.each(CONTACTS_IMPLEMENTATIONS)('LocalContacts contract: $name', ({ make }) => {
  let s: ContactsSubject;
  const log: string[] = [];
  const listen = () => {
    s.contacts.events.on('contact-updated', (c) => log.push(`updated:${c.state}`));
    s.contacts.events.on('transcript', (e) => log.push(`transcript:${e.item.contentType}`));
    s.contacts.events.on('contact-ended', (c) => log.push(`ended:${c.disconnectReason}`));
  };
  const setUp = () => {
    s = make();
    log.length = 0;
    listen();
    return s.contacts;
  };
  afterEach(async () => s?.close());

  it('gets a contact by id, undefined for an unknown one, and lists the active ones', () => {
    const contacts = setUp();
    const a = s.create();
    const b = s.create();
    expect(contacts.get(a.id)).toMatchObject({ id: a.id, state: 'INITIATED', name: a.name });
    expect(contacts.get('no-such-contact')).toBeUndefined();
    expect(
      contacts
        .listActive()
        .map((c) => c.id)
        .sort(),
    ).toEqual([a.id, b.id].sort());
    contacts.end(a.id, 'API');
    expect(contacts.listActive().map((c) => c.id)).toEqual([b.id]);
    expect(contacts.get(a.id)?.state).toBe('ENDED');
  });

  it('a transition applies its change, bumps lastUpdatedAt, writes history, emits and returns the new record', () => {
    const contacts = setUp();
    const c = s.create();
    const seen: ContactRecord[] = [];
    contacts.events.on('contact-updated', (r) => seen.push(r));
    clock.tick();
    const next = contacts.transition(c.id, {
      kind: 'attributes-set',
      attributes: { topic: 'kettle' },
    });
    expect(next).toMatchObject({
      attributes: { topic: 'kettle' },
      lastUpdatedAt: clock.t,
      history: [{ state: 'INITIATED' }],
    });
    clock.tick();
    const inFlow = contacts.transition(c.id, { kind: 'flow-started', detail: 'flow Main' });
    expect(inFlow.history).toEqual([
      { state: 'INITIATED', at: c.initiatedAt },
      { state: 'IN_FLOW', at: clock.t, detail: 'flow Main' },
    ]);
    expect(contacts.get(c.id)).toMatchObject({
      state: 'IN_FLOW',
      attributes: { topic: 'kettle' },
      connectedToSystemAt: clock.t,
      lastUpdatedAt: clock.t,
    });
    expect(seen.map((r) => r.state)).toEqual(['INITIATED', 'IN_FLOW']);
    expect(seen[1]).toEqual(inFlow);
  });

  it('a whole journey: each step is one history entry at the clock, with its detail', () => {
    const contacts = setUp();
    const c = s.create();
    const steps = [
      () => contacts.transition(c.id, { kind: 'flow-started', detail: 'flow Main' }),
      () =>
        contacts.transition(c.id, {
          kind: 'queued',
          detail: 'queued in Sales',
          queue: { id: 'sales', name: 'Sales', enqueuedAt: clock.t },
        }),
      () => contacts.transition(c.id, { kind: 'offered', agentId: 'alex', detail: 'ringing Alex' }),
      () =>
        contacts.transition(c.id, {
          kind: 'offer-declined',
          agentId: 'alex',
          detail: 'rejected by Alex',
        }),
      () => contacts.transition(c.id, { kind: 'queued', detail: 'queued in Sales' }),
      () => contacts.transition(c.id, { kind: 'offered', agentId: 'sam', detail: 'ringing Sam' }),
      () =>
        contacts.transition(c.id, { kind: 'accepted', agentId: 'sam', detail: 'accepted by Sam' }),
      () => contacts.end(c.id, 'CUSTOMER_DISCONNECT'),
    ];
    const times = steps.map((step) => {
      clock.tick();
      step();
      return clock.t;
    });
    const ended = contacts.get(c.id)!;
    expect(ended.history).toEqual([
      { state: 'INITIATED', at: c.initiatedAt },
      { state: 'IN_FLOW', at: times[0], detail: 'flow Main' },
      { state: 'QUEUED', at: times[1], detail: 'queued in Sales' },
      { state: 'RINGING', at: times[2], detail: 'ringing Alex' },
      { state: 'RINGING', at: times[3], detail: 'rejected by Alex' },
      { state: 'QUEUED', at: times[4], detail: 'queued in Sales' },
      { state: 'RINGING', at: times[5], detail: 'ringing Sam' },
      { state: 'CONNECTED', at: times[6], detail: 'accepted by Sam' },
      { state: 'ENDED', at: times[7] },
    ]);
    expect(ended).toMatchObject({
      queue: { id: 'sales', enqueuedAt: times[1] },
      declinedBy: ['alex'],
      agent: { id: 'sam', ringStartedAt: times[5], acceptedAt: times[6] },
      disconnectedAt: times[7],
      disconnectReason: 'CUSTOMER_DISCONNECT',
    });
  });

  it('a transition of an unknown contact, or an illegal one, throws, changes nothing and emits nothing', () => {
    const contacts = setUp();
    const c = s.create();
    expect(() => contacts.transition('no-such-contact', { kind: 'noted', detail: 'x' })).toThrow(
      /no-such-contact does not exist/,
    );
    expect(() =>
      contacts.transition(c.id, { kind: 'accepted', agentId: 'alex', detail: 'accepted' }),
    ).toThrow(`Contact ${c.id} cannot take "accepted" from INITIATED to CONNECTED`);
    expect(contacts.get(c.id)).toEqual(c);
    expect(log).toEqual([]);
    const ended = contacts.end(c.id, 'API');
    log.length = 0;
    expect(() => contacts.transition(c.id, { kind: 'flow-started', detail: 'flow' })).toThrow(
      `Contact ${c.id} cannot take "flow-started" from ENDED to IN_FLOW`,
    );
    expect(() => contacts.transition(c.id, { kind: 'noted', detail: 'late' })).toThrow(
      /cannot take "noted" from ENDED to ENDED/,
    );
    expect(contacts.get(c.id)).toEqual(ended);
    expect(log).toEqual([]);
  });

  it('addTranscript gives the item an id and the time, stores it, and emits contact-updated then transcript', () => {
    const contacts = setUp();
    const c = s.create();
    const events: unknown[] = [];
    contacts.events.on('transcript', (e) => events.push(e));
    clock.tick();
    const item = contacts.addTranscript(c.id, {
      kind: 'caption',
      participantRole: 'SYSTEM',
      contentType: 'text/plain',
      content: 'Hello',
    });
    expect(item).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      at: clock.t,
      kind: 'caption',
      participantRole: 'SYSTEM',
      contentType: 'text/plain',
      content: 'Hello',
    });
    expect(contacts.get(c.id)?.transcript).toEqual([item]);
    expect(events).toEqual([{ contactId: c.id, item }]);
    expect(log).toEqual(['updated:INITIATED', 'transcript:text/plain']);
    expect(() => contacts.addTranscript('no-such-contact', item)).toThrow(/does not exist/);
  });

  it("addAgentParticipant stores the agent's participant (attendee agent-<id>); connecting it announces the agent", () => {
    const contacts = setUp();
    const c = s.create();
    walkTo(contacts, c.id, 'RINGING');
    const agent = contacts.addAgentParticipant(c.id, { id: 'alex', displayName: 'Alex' });
    expect(agent).toMatchObject({
      participantId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      role: 'AGENT',
      displayName: 'Alex',
      attendee: {
        ExternalUserId: 'agent-alex',
        JoinToken: expect.stringMatching(/^[A-Za-z0-9_-]+$/),
      },
    });
    expect(agent.attendee.AttendeeId).not.toBe(c.customer.attendee.AttendeeId);
    expect(contacts.get(c.id)?.agentParticipant).toEqual(agent);
    log.length = 0;
    const connected = contacts.transition(c.id, {
      kind: 'accepted',
      agentId: 'alex',
      detail: 'accepted by Alex',
    });
    expect(log).toEqual([
      'updated:CONNECTED',
      'updated:CONNECTED',
      `transcript:${EVENT_PARTICIPANT_JOINED}`,
    ]);
    expect(connected.transcript.at(-1)).toMatchObject({
      kind: 'event',
      participantRole: 'AGENT',
      contentType: EVENT_PARTICIPANT_JOINED,
      participantId: agent.participantId,
      displayName: 'Alex',
    });
    contacts.transition(c.id, { kind: 'attributes-set', attributes: { more: 'x' } });
    expect(
      contacts.get(c.id)?.transcript.filter((i) => i.contentType === EVENT_PARTICIPANT_JOINED),
    ).toHaveLength(1);
  });

  it('end records the reason, disconnects every participant, announces the leaver and the end, and is idempotent', () => {
    const contacts = setUp();
    const c = s.create();
    const agent = contacts.addAgentParticipant(c.id, { id: 'alex', displayName: 'Alex' });
    const ended: ContactRecord[] = [];
    contacts.events.on('contact-ended', (r) => ended.push(r));
    log.length = 0;
    clock.tick();
    const first = contacts.end(c.id, 'AGENT_DISCONNECT');
    expect(first).toMatchObject({
      state: 'ENDED',
      disconnectReason: 'AGENT_DISCONNECT',
      disconnectedAt: clock.t,
    });
    expect(first?.history.map((h) => h.state)).toEqual(['INITIATED', 'ENDED']);
    expect(first?.customer.disconnectedAt).toBe(clock.t);
    expect(first?.agentParticipant?.disconnectedAt).toBe(clock.t);
    expect(first?.transcript.map((i) => [i.contentType, i.participantId])).toEqual([
      [EVENT_PARTICIPANT_LEFT, agent.participantId],
      [EVENT_CHAT_ENDED, undefined],
    ]);
    expect(log).toEqual([
      'updated:ENDED',
      'updated:ENDED',
      `transcript:${EVENT_PARTICIPANT_LEFT}`,
      'updated:ENDED',
      `transcript:${EVENT_CHAT_ENDED}`,
      'ended:AGENT_DISCONNECT',
    ]);
    expect(ended).toEqual([first]);
    clock.tick();
    expect(contacts.end(c.id, 'API')).toEqual(first);
    expect(ended).toHaveLength(1);
    expect(contacts.end('no-such-contact', 'API')).toBeUndefined();
  });

  it('a flow or API end announces no leaver, only the end', () => {
    const contacts = setUp();
    const c = s.create();
    const ended = contacts.end(c.id, 'CONTACT_FLOW_DISCONNECT');
    expect(ended?.transcript.map((i) => i.contentType)).toEqual([EVENT_CHAT_ENDED]);
    expect(log.filter((l) => l.startsWith('transcript'))).toEqual([
      `transcript:${EVENT_CHAT_ENDED}`,
    ]);
  });
});
