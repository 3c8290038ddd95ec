/**
 * Test fake: an in-memory {@link LocalContacts} for unit tests of the flow runner, router and desk (the module
 * boundary to the emulator). It behaves like the real one where these parts can tell: a state change
 * appends to history, every change emits 'contact-updated', end() is idempotent and emits 'contact-ended'.
 */
import { EventEmitter } from 'node:events';
import { randomUUID } from 'node:crypto';
import type { ContactParticipant, ContactRecord, TranscriptItem } from '../contact-record';
import type { LocalContacts, LocalContactsEvents } from '../local-contacts';

export class MemoryContacts implements LocalContacts {
  readonly events = new EventEmitter<LocalContactsEvents>();
  private readonly records = new Map<string, ContactRecord>();

  constructor(private readonly now: () => number = Date.now) {}

  /** Creates a contact as StartWebRTCContact would (state INITIATED); does not emit contact-started. */
  create(overrides: Partial<ContactRecord> = {}): ContactRecord {
    const id = overrides.id ?? randomUUID();
    const at = this.now();
    const record: ContactRecord = {
      id, instanceId: 'instance-1', initialContactId: id, contactFlowId: 'flow-1', name: 'Jane Doe',
      attributes: {}, references: {}, segmentAttributes: { 'connect:Subtype': { ValueString: 'connect:WebRTC' } },
      allowedCapabilities: { Customer: { Video: 'SEND', ScreenShare: 'SEND' }, Agent: { Video: 'SEND', ScreenShare: 'SEND' } },
      state: 'INITIATED',
      meeting: { MeetingId: `meeting-${id}`, MediaRegion: 'local', MediaPlacement: { AudioHostUrl: 'x', AudioFallbackUrl: 'x', SignalingUrl: 'ws://x', TurnControlUrl: 'x' }, MeetingFeatures: { Audio: { EchoReduction: 'AVAILABLE' } } },
      customer: { participantId: `customer-${id}`, role: 'CUSTOMER', displayName: 'Jane Doe', attendee: { AttendeeId: `att-c-${id}`, JoinToken: 'secret-c', ExternalUserId: 'customer' } },
      history: [{ state: 'INITIATED', at }], transcript: [], initiatedAt: at, lastUpdatedAt: at,
      ...overrides,
    };
    this.records.set(id, record);
    return structuredClone(record);
  }

  get(contactId: string): ContactRecord | undefined {
    const c = this.records.get(contactId);
    return c && structuredClone(c);
  }

  listActive(): ContactRecord[] {
    return [...this.records.values()].filter((c) => c.state !== 'ENDED').map((c) => structuredClone(c));
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
    return structuredClone(next);
  }

  addTranscript(contactId: string, item: Omit<TranscriptItem, 'id' | 'at'>): TranscriptItem {
    const full: TranscriptItem = { id: randomUUID(), at: this.now(), ...item };
    this.update(contactId, (c) => c.transcript.push(full));
    this.events.emit('transcript', { contactId, item: full });
    return full;
  }

  addAgentParticipant(contactId: string, agent: { id: string; displayName: string }): ContactParticipant {
    const participant: ContactParticipant = {
      participantId: randomUUID(), role: 'AGENT', displayName: agent.displayName,
      attendee: { AttendeeId: `att-a-${agent.id}`, JoinToken: `secret-a-${randomUUID()}`, ExternalUserId: `agent-${agent.id}` },
    };
    this.update(contactId, (c) => void (c.agentParticipant = participant));
    return participant;
  }

  end(contactId: string, reason: string): ContactRecord | undefined {
    const prev = this.records.get(contactId);
    if (!prev || prev.state === 'ENDED') return prev && structuredClone(prev);
    const ended = this.update(contactId, (c) => {
      c.state = 'ENDED';
      c.disconnectedAt = this.now();
      c.disconnectReason = reason;
    });
    this.events.emit('contact-ended', ended);
    return ended;
  }
}
