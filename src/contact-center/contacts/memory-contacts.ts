/**
 * An in-memory {@link LocalContacts}: the contacts of flow test executions (StartTestCaseExecution,
 * `connect-video-call test-flows`), which must never reach the contact center's store, queues or
 * agents, and the double of the unit tests of the flow runner, router and desk. It passes the same
 * contract as the real contacts (local-contacts-contract.test.ts): history, events, the agent's joined
 * event, end's participant events; it has no media meetings (the meeting and attendees are made up)
 * and returns copies.
 */
import { EventEmitter } from 'node:events';
import { randomUUID } from 'node:crypto';
import { systemClock, type Clock } from '../clock';
import type { ContactParticipant, ContactRecord, TranscriptItem } from './contact-record';
import type { LocalContacts, LocalContactsEvents } from './local-contacts';
import {
  EVENT_CHAT_ENDED,
  EVENT_PARTICIPANT_JOINED,
  EVENT_PARTICIPANT_LEFT,
  participantsOf,
} from './participant-events';

/** A contact in state INITIATED, as StartWebRTCContact leaves it, with a made-up meeting; also seeds a real store in tests. */
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

  /** Creates a contact as StartWebRTCContact would (state INITIATED); does not emit contact-started. */
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

  update(contactId: string, change: (contact: ContactRecord) => void): ContactRecord {
    const prev = this.records.get(contactId);
    if (!prev) throw new Error(`Contact ${contactId} does not exist`);
    const next = structuredClone(prev);
    change(next);
    next.lastUpdatedAt = this.now();
    if (next.state !== prev.state) next.history.push({ state: next.state, at: next.lastUpdatedAt });
    this.records.set(contactId, next);
    this.events.emit('contact-updated', structuredClone(next));
    // As the real contacts do: the agent's connect is announced to the customer's transcript.
    if (next.state === 'CONNECTED' && prev.state !== 'CONNECTED' && next.agentParticipant)
      this.announce(contactId, EVENT_PARTICIPANT_JOINED, next.agentParticipant);
    return this.get(contactId)!;
  }

  addTranscript(contactId: string, item: Omit<TranscriptItem, 'id' | 'at'>): TranscriptItem {
    const full: TranscriptItem = { id: randomUUID(), at: this.now(), ...item };
    this.update(contactId, (c) => c.transcript.push(full));
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
    this.update(contactId, (c) => void (c.agentParticipant = participant));
    return participant;
  }

  end(contactId: string, reason: string): ContactRecord | undefined {
    const prev = this.records.get(contactId);
    if (!prev || prev.state === 'ENDED') return prev && structuredClone(prev);
    const at = this.now();
    const leaver =
      reason === 'AGENT_DISCONNECT'
        ? prev.agentParticipant
        : reason === 'CUSTOMER_DISCONNECT'
          ? prev.customer
          : undefined;
    this.update(contactId, (c) => {
      c.state = 'ENDED';
      c.disconnectedAt = at;
      c.disconnectReason = reason;
      for (const p of participantsOf(c)) p.disconnectedAt ??= at;
    });
    if (leaver) this.announce(contactId, EVENT_PARTICIPANT_LEFT, leaver);
    this.addTranscript(contactId, {
      kind: 'event',
      participantRole: 'SYSTEM',
      contentType: EVENT_CHAT_ENDED,
      content: '',
    });
    const ended = this.get(contactId)!;
    this.events.emit('contact-ended', ended);
    return ended;
  }

  /** A participant event in the transcript, as the Participant Service shows it. */
  private announce(contactId: string, contentType: string, p: ContactParticipant): void {
    this.addTranscript(contactId, {
      kind: 'event',
      participantRole: p.role,
      contentType,
      content: '',
      participantId: p.participantId,
      displayName: p.displayName,
    });
  }
}
