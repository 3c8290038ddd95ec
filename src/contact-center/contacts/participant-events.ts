/**
 * The Participant Service event content types a WebRTC contact produces, and helpers to find a
 * participant of a contact. Shared by the contacts implementation, the emulator and the WebSocket.
 */
import type { ContactParticipant, ContactRecord } from './contact-record';

/** The Participant Service's event content types, as Connect sends them. */
export const EVENT_PARTICIPANT_JOINED =
  'application/vnd.amazonaws.connect.event.participant.joined';
/** A participant left the contact. */
export const EVENT_PARTICIPANT_LEFT = 'application/vnd.amazonaws.connect.event.participant.left';
/** The contact ended (Connect names it chat.ended for every channel). */
export const EVENT_CHAT_ENDED = 'application/vnd.amazonaws.connect.event.chat.ended';

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
