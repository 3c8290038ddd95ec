/**
 * The contact operations the flow runner, the router and the agent desk use. The emulator owns the
 * implementation (store, media meetings, validation); the other parts only see this interface and
 * its events, so each can be built and tested against a fake.
 */
import type { EventEmitter } from 'node:events';
import type { ContactParticipant, ContactRecord, TranscriptItem } from './contact-record';
import type { ContactTransition } from './contact-transitions';

/** What the contacts tell their listeners (the desk, routing, the participant sockets). */
export interface LocalContactsEvents {
  /** StartWebRTCContact created a contact: the flow runner starts its flow. */
  'contact-started': [ContactRecord];
  /** Anything about the contact changed (state, queue, agent, attributes, transcript). */
  'contact-updated': [ContactRecord];
  /** The customer sent DTMF digits through the Participant Service (SendMessage audio/dtmf). */
  dtmf: [{ contactId: string; digits: string }];
  /** A transcript item was added (captions from prompts, DTMF, participant events). */
  transcript: [{ contactId: string; item: TranscriptItem }];
  /**
   * The contact ended, for any reason (StopContact, customer or agent disconnect, flow disconnect).
   */
  'contact-ended': [ContactRecord];
}

/**
 * The contacts of the local contact center: create, read, and change them only by named
 * transitions.
 */
export interface LocalContacts {
  readonly events: EventEmitter<LocalContactsEvents>;
  get(contactId: string): ContactRecord | undefined;
  /** Contacts not yet ended (used on restart and by the router). */
  listActive(): ContactRecord[];
  /**
   * Takes a named transition (see contact-transitions.ts): checks it against the contact's state,
   * writes history, persists, emits 'contact-updated' (and the agent's joined event on its
   * connect). Returns the new record; an unknown contact or an illegal transition throws and
   * changes nothing.
   */
  transition(contactId: string, t: ContactTransition): ContactRecord;
  /** Appends to the transcript, persists, and emits 'transcript'. */
  addTranscript(contactId: string, item: Omit<TranscriptItem, 'id' | 'at'>): TranscriptItem;
  /**
   * Creates the agent's attendee in the contact's meeting (as Streams' getVideoConnectionInfo gives
   * a real agent).
   */
  addAgentParticipant(
    contactId: string,
    agent: { id: string; displayName: string },
  ): ContactParticipant;
  /**
   * Ends the contact and its meeting with a Connect disconnect reason (e.g. CUSTOMER_DISCONNECT).
   * Idempotent.
   */
  end(contactId: string, reason: string): ContactRecord | undefined;
}
