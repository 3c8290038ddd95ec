/**
 * Participant Service authentication: the `X-Amz-Bearer` token (ParticipantToken for
 * CreateParticipantConnection, ConnectionToken afterwards) is looked up by its hash. Unknown, wrong
 * kind, expired, or belonging to a participant who left: AccessDeniedException.
 */
import type { ContactParticipant, ContactRecord } from '../contacts/contact-record';
import { findParticipant } from '../contacts/participant-events';
import type { TokenKind } from '../store/contact-store';
import { participantError } from './aws-error';
import type { EmulatorDeps, OperationRequest } from './emulator-context';

/** The participant a connection token belongs to. */
export interface Authenticated {
  contact: ContactRecord;
  participant: ContactParticipant;
}

const NAMES: Record<TokenKind, string> = {
  participant: 'ParticipantToken',
  connection: 'ConnectionToken',
  websocket: 'WebSocket token',
};

/** Resolves the bearer token; `allowEnded` lets GetTranscript read a finished contact. */
export function authenticate(
  deps: EmulatorDeps,
  req: Pick<OperationRequest, 'bearer'>,
  kind: TokenKind,
  allowEnded = false,
): Authenticated {
  const name = NAMES[kind];
  if (!req.bearer)
    throw participantError.accessDenied(
      `The ${name} is missing: send it in the X-Amz-Bearer header`,
    );
  const token = deps.store.findToken(req.bearer);
  if (!token || token.kind !== kind)
    throw participantError.accessDenied(`The ${name} is not valid`);
  if (token.expiresAt !== undefined && token.expiresAt <= deps.now())
    throw participantError.accessDenied(`The ${name} has expired`);
  const contact = deps.contacts.get(token.contactId);
  const participant = contact && findParticipant(contact, token.participantId);
  if (!contact || !participant) throw participantError.accessDenied(`The ${name} is not valid`);
  if (!allowEnded && (participant.disconnectedAt !== undefined || contact.state === 'ENDED')) {
    throw participantError.accessDenied(
      `The ${name} is no longer valid: the participant has left or the contact has ended`,
    );
  }
  return { contact, participant };
}
