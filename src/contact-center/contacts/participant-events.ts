/**
 * The Participant Service event content types a WebRTC contact produces, the transcript events of a
 * joining, leaving or ending, and helpers to find a participant of a contact. Shared by both contacts
 * implementations, the emulator and the WebSocket.
 */
import type { ContactParticipant, ContactRecord, TranscriptItem } from './contact-record';

/** The Participant Service's event content types, as Connect sends them. */
export const EVENT_PARTICIPANT_JOINED =
  'application/vnd.amazonaws.connect.event.participant.joined';
/** A participant left the contact. */
export const EVENT_PARTICIPANT_LEFT = 'application/vnd.amazonaws.connect.event.participant.left';
/** The contact ended (Connect names it chat.ended for every channel). */
export const EVENT_CHAT_ENDED = 'application/vnd.amazonaws.connect.event.chat.ended';

/** A transcript item before the contacts give it its id and time. */
type NewTranscriptItem = Omit<TranscriptItem, 'id' | 'at'>;

/** The transcript event that `p` joined or left (`contentType`), as the Participant Service shows it. */
export function participantEventItem(
  contentType: string,
  p: ContactParticipant,
): NewTranscriptItem {
  return {
    kind: 'event',
    participantRole: p.role,
    contentType,
    content: '',
    participantId: p.participantId,
    displayName: p.displayName,
  };
}

/**
 * What the transcript gets, in order, when `contact` ends for `reason`: the leaving side's
 * participant.left (the agent's on AGENT_DISCONNECT, the customer's on CUSTOMER_DISCONNECT), then
 * chat.ended.
 */
export function endingEventItems(contact: ContactRecord, reason: string): NewTranscriptItem[] {
  const leaver =
    reason === 'AGENT_DISCONNECT'
      ? contact.agentParticipant
      : reason === 'CUSTOMER_DISCONNECT'
        ? contact.customer
        : undefined;
  return [
    ...(leaver ? [participantEventItem(EVENT_PARTICIPANT_LEFT, leaver)] : []),
    { kind: 'event', participantRole: 'SYSTEM', contentType: EVENT_CHAT_ENDED, content: '' },
  ];
}

/** Every participant of the contact: the customer, extra customer devices, then the agent. */
export function participantsOf(contact: ContactRecord): ContactParticipant[] {
  return [
    contact.customer,
    ...(contact.extraParticipants ?? []),
    ...(contact.agentParticipant ? [contact.agentParticipant] : []),
  ];
}

/** The participant of a contact with `participantId`, or undefined. */
export function findParticipant(
  contact: ContactRecord,
  participantId: string,
): ContactParticipant | undefined {
  return participantsOf(contact).find((p) => p.participantId === participantId);
}
