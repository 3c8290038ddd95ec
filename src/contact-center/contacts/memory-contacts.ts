/**
 * An in-memory {@link LocalContacts}: the contacts of flow test executions (StartTestCaseExecution,
 * `connect-video-call test-flows`), which must never reach the contact center's store, queues or
 * agents, and the double of the unit tests of the flow runner, router and desk. It passes the same
 * contract as the real contacts (local-contacts-contract.test.ts): history, events, the agent's
 * joined event, end's participant events; it has no media meetings (the meeting and attendees are
 * made up) and returns copies.
 */
import { EventEmitter } from 'node:events';
import { randomUUID } from 'node:crypto';
import { systemClock, type Clock } from '../clock';
import type { ContactParticipant, ContactRecord, TranscriptItem } from './contact-record';
import { applyTransition, type AnyTransition, type ContactTransition } from './contact-transitions';
import type { LocalContacts, LocalContactsEvents } from './local-contacts';
import {
  EVENT_PARTICIPANT_JOINED,
  endingEventItems,
  participantEventItem,
} from './participant-events';

/**
 * A contact in state INITIATED, as StartWebRTCContact leaves it, with a made-up meeting; also seeds
 * a real store in tests.
 */
export function testContactRecord(
  at: number,
  overrides: Partial<ContactRecord> = {},
): ContactRecord {
  const id = overrides.id ?? randomUUID();
  return {
    id,
    instanceId: 'instance-1',
    initialContactId: id,
    contactFlowId: 'flow-1',
    name: 'Jane Doe',
    attributes: {},
    references: {},
    segmentAttributes: { 'connect:Subtype': { ValueString: 'connect:WebRTC' } },
    allowedCapabilities: {
      Customer: { Video: 'SEND', ScreenShare: 'SEND' },
      Agent: { Video: 'SEND', ScreenShare: 'SEND' },
    },
    state: 'INITIATED',
    meeting: {
      MeetingId: `meeting-${id}`,
      MediaRegion: 'local',
      MediaPlacement: {
        AudioHostUrl: 'x',
        AudioFallbackUrl: 'x',
        SignalingUrl: 'ws://x',
        TurnControlUrl: 'x',
      },
      MeetingFeatures: { Audio: { EchoReduction: 'AVAILABLE' } },
    },
    customer: {
      participantId: `customer-${id}`,
      role: 'CUSTOMER',
      displayName: 'Jane Doe',
      attendee: { AttendeeId: `att-c-${id}`, JoinToken: 'secret-c', ExternalUserId: 'customer' },
    },
    history: [{ state: 'INITIATED', at }],
    transcript: [],
    initiatedAt: at,
    lastUpdatedAt: at,
    ...overrides,
  };
}

/** LocalContacts in a Map: records are copied in and out, so callers never share state with it. */
export class MemoryContacts implements LocalContacts {
  readonly events = new EventEmitter<LocalContactsEvents>();
  private readonly records = new Map<string, ContactRecord>();

  constructor(private readonly now: Clock = systemClock) {}

  /**
   * Creates a contact as StartWebRTCContact would (state INITIATED); does not emit contact-started.
   */
  create(overrides: Partial<ContactRecord> = {}): ContactRecord {
    const record = testContactRecord(this.now(), overrides);
    this.records.set(record.id, record);
    return structuredClone(record);
  }

  get(contactId: string): ContactRecord | undefined {
    const c = this.records.get(contactId);
    return c && structuredClone(c);
  }

  listActive(): ContactRecord[] {
    return [...this.records.values()]
      .filter((c) => c.state !== 'ENDED')
      .map((c) => structuredClone(c));
  }

  transition(contactId: string, t: ContactTransition): ContactRecord {
    return this.write(contactId, t);
  }

  /**
   * The one writer of a contact, as the real contacts': applies the transition, stores and
   * announces it.
   */
  private write(contactId: string, t: AnyTransition): ContactRecord {
    const prev = this.records.get(contactId);
    if (!prev) throw new Error(`Contact ${contactId} does not exist`);
    const next = applyTransition(prev, t, this.now());
    this.records.set(contactId, next);
    this.events.emit('contact-updated', structuredClone(next));
    // As the real contacts do: the agent's connect is announced to the customer's transcript.
    if (next.state === 'CONNECTED' && prev.state !== 'CONNECTED' && next.agentParticipant)
      this.addTranscript(
        contactId,
        participantEventItem(EVENT_PARTICIPANT_JOINED, next.agentParticipant),
      );
    return this.get(contactId)!;
  }

  addTranscript(contactId: string, item: Omit<TranscriptItem, 'id' | 'at'>): TranscriptItem {
    const full: TranscriptItem = { id: randomUUID(), at: this.now(), ...item };
    this.write(contactId, { kind: 'transcript-added', item: full });
    this.events.emit('transcript', { contactId, item: full });
    return full;
  }

  addAgentParticipant(
    contactId: string,
    agent: { id: string; displayName: string },
  ): ContactParticipant {
    const participant: ContactParticipant = {
      participantId: randomUUID(),
      role: 'AGENT',
      displayName: agent.displayName,
      attendee: {
        AttendeeId: `att-a-${agent.id}`,
        JoinToken: `secret-a-${randomUUID()}`,
        ExternalUserId: `agent-${agent.id}`,
      },
    };
    this.write(contactId, { kind: 'participant-added', participant });
    return participant;
  }

  end(contactId: string, reason: string): ContactRecord | undefined {
    const prev = this.records.get(contactId);
    if (!prev || prev.state === 'ENDED') return prev && structuredClone(prev);
    this.write(contactId, { kind: 'ended', reason });
    for (const item of endingEventItems(prev, reason)) this.addTranscript(contactId, item);
    const ended = this.get(contactId)!;
    this.events.emit('contact-ended', ended);
    return ended;
  }
}
