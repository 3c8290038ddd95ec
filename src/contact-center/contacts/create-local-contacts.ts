/**
 * The implementation of {@link LocalContacts} over the on-disk store and the media service. Every
 * change is a named transition (contact-transitions.ts, which checks it and writes the history)
 * taken by `write`, which persists it and emits the events the flow runner, router, agent desk and
 * Participant WebSocket listen to.
 */
import { EventEmitter } from 'node:events';
import { randomUUID } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import type { Clock } from '../clock';
import type { MediaService } from '../../media-server/media-service';
import type { ContactStore } from '../store/contact-store';
import type { ContactParticipant, ContactRecord, TranscriptItem } from './contact-record';
import { applyTransition, type AnyTransition } from './contact-transitions';
import type { LocalContacts, LocalContactsEvents } from './local-contacts';
import {
  EVENT_PARTICIPANT_JOINED,
  EVENT_PARTICIPANT_LEFT,
  endingEventItems,
  participantEventItem,
  participantsOf,
} from './participant-events';

/** LocalContacts plus what only the emulator needs. */
export interface LocalContactsImpl extends LocalContacts {
  /**
   * Persists a new contact (no events: the emulator emits 'contact-started' once the response is
   * stored).
   */
  insert(record: ContactRecord): void;
  /**
   * Adds another CUSTOMER participant with its own attendee (Connect CreateParticipant) and
   * announces it with a participant-joined event, so every client can name its tile.
   */
  addCustomerParticipant(
    contactId: string,
    displayName: string,
    capabilities?: ContactParticipant['capabilities'],
  ): ContactParticipant;
  /** Marks one participant as gone; the contact ends when the customer leaves. */
  disconnectParticipant(contactId: string, participantId: string): void;
}

/**
 * The contacts of the local contact center over its store: the one writer of contact records,
 * through named transitions.
 */
export function createLocalContacts(deps: {
  store: ContactStore;
  media: MediaService;
  logger: FastifyBaseLogger;
  now: Clock;
}): LocalContactsImpl {
  const { store, media, now } = deps;
  const events = new EventEmitter<LocalContactsEvents>();
  // one 'transcript' listener per open participant WebSocket, plus flows, router and desk
  events.setMaxListeners(0);
  const cache = new Map<string, ContactRecord>(store.activeContacts().map((c) => [c.id, c]));

  const get = (id: string): ContactRecord | undefined => {
    const hit = cache.get(id);
    if (hit) return hit;
    const stored = store.getContact(id);
    if (stored && stored.state !== 'ENDED') cache.set(id, stored);
    return stored;
  };
  const mustGet = (id: string): ContactRecord => {
    const c = get(id);
    if (!c) throw new Error(`Contact ${id} does not exist`);
    return c;
  };

  /** The one writer of a contact: applies the transition, persists, caches and announces it. */
  const write = (contactId: string, t: AnyTransition): ContactRecord => {
    const prev = mustGet(contactId);
    const next = applyTransition(prev, t, now());
    store.saveContact(next);
    if (next.state === 'ENDED') cache.delete(next.id);
    else cache.set(next.id, next);
    events.emit('contact-updated', next);
    if (next.state === 'CONNECTED' && prev.state !== 'CONNECTED' && next.agentParticipant) {
      participantEvent(contactId, EVENT_PARTICIPANT_JOINED, next.agentParticipant);
    }
    return mustGet(contactId);
  };

  const addTranscript = (
    contactId: string,
    item: Omit<TranscriptItem, 'id' | 'at'>,
  ): TranscriptItem => {
    mustGet(contactId);
    const full: TranscriptItem = { id: randomUUID(), at: now(), ...item };
    write(contactId, { kind: 'transcript-added', item: full });
    events.emit('transcript', { contactId, item: full });
    return full;
  };

  const participantEvent = (
    contactId: string,
    contentType: string,
    p: ContactParticipant,
  ): void => {
    addTranscript(contactId, participantEventItem(contentType, p));
  };

  const end = (contactId: string, reason: string): ContactRecord | undefined => {
    const prev = get(contactId);
    if (!prev || prev.state === 'ENDED') return prev;
    write(contactId, { kind: 'ended', reason });
    for (const item of endingEventItems(prev, reason)) addTranscript(contactId, item);
    media.endMeeting(prev.meeting.MeetingId);
    const ended = mustGet(contactId);
    events.emit('contact-ended', ended);
    return ended;
  };

  return {
    events,
    get,
    listActive: () => [...cache.values()].filter((c) => c.state !== 'ENDED'),
    transition: write,
    addTranscript,
    end,
    insert(record) {
      store.saveContact(record);
      cache.set(record.id, record);
    },
    addAgentParticipant(contactId, agent) {
      const contact = mustGet(contactId);
      const participantId = randomUUID();
      const attendee = media.createAttendee(contact.meeting.MeetingId, `agent-${agent.id}`);
      const participant: ContactParticipant = {
        participantId,
        role: 'AGENT',
        displayName: agent.displayName,
        attendee,
      };
      write(contactId, { kind: 'participant-added', participant });
      return participant;
    },
    addCustomerParticipant(contactId, displayName, capabilities) {
      const participantId = randomUUID();
      const attendee = media.createAttendee(
        mustGet(contactId).meeting.MeetingId,
        `customer-${participantId}`,
      );
      const participant: ContactParticipant = {
        participantId,
        role: 'CUSTOMER',
        displayName,
        attendee,
        ...(capabilities && Object.keys(capabilities).length > 0 ? { capabilities } : {}),
      };
      write(contactId, { kind: 'participant-added', participant });
      participantEvent(contactId, EVENT_PARTICIPANT_JOINED, participant);
      return participant;
    },
    disconnectParticipant(contactId, participantId) {
      const contact = mustGet(contactId);
      if (contact.customer.participantId === participantId) {
        end(contactId, 'CUSTOMER_DISCONNECT');
        return;
      }
      const p = participantsOf(contact).find((x) => x.participantId === participantId);
      if (!p || p.disconnectedAt) return;
      write(contactId, { kind: 'participant-left', participantId });
      participantEvent(contactId, EVENT_PARTICIPANT_LEFT, p);
    },
  };
}
