/**
 * The LocalContacts contract, run over the real contacts (SQLite store and the real media server) and
 * over MemoryContacts, the fake the flow, router, desk and prompt tests use: a test against the fake
 * can only pass where the real thing behaves the same.
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

  it('update applies the change, bumps lastUpdatedAt, records a new state in history, emits and returns the new record', () => {
    const contacts = setUp();
    const c = s.create();
    const seen: ContactRecord[] = [];
    contacts.events.on('contact-updated', (r) => seen.push(r));
    clock.tick();
    const next = contacts.update(c.id, (r) => void (r.attributes.topic = 'kettle'));
    expect(next).toMatchObject({
      attributes: { topic: 'kettle' },
      lastUpdatedAt: clock.t,
      history: [{ state: 'INITIATED' }],
    });
    clock.tick();
    const queued = contacts.update(c.id, (r) => void (r.state = 'QUEUED'));
    expect(queued.history).toEqual([
      { state: 'INITIATED', at: c.initiatedAt },
      { state: 'QUEUED', at: clock.t },
    ]);
    expect(contacts.get(c.id)).toMatchObject({
      state: 'QUEUED',
      attributes: { topic: 'kettle' },
      lastUpdatedAt: clock.t,
    });
    expect(seen.map((r) => r.state)).toEqual(['INITIATED', 'QUEUED']);
    expect(seen[1]).toEqual(queued);
  });

  it('update of an unknown contact, or a change that throws, changes nothing and emits nothing', () => {
    const contacts = setUp();
    const c = s.create();
    expect(() => contacts.update('no-such-contact', () => {})).toThrow(
      /no-such-contact does not exist/,
    );
    expect(() =>
      contacts.update(c.id, (r) => {
        r.state = 'QUEUED';
        throw new Error('refused');
      }),
    ).toThrow('refused');
    expect(contacts.get(c.id)).toMatchObject({
      state: 'INITIATED',
      history: [{ state: 'INITIATED' }],
    });
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
    const connected = contacts.update(c.id, (r) => void (r.state = 'CONNECTED'));
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
    contacts.update(c.id, (r) => void (r.attributes.more = 'x'));
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
