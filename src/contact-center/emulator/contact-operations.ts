/**
 * Connect contact operations on the local instance: StopContact, DescribeContact,
 * GetContactAttributes, UpdateContactAttributes and CreateParticipant (another CUSTOMER of a
 * connected WebRTC call, up to 6 participants, who then joins with CreateParticipantConnection
 * WEBRTC_CONNECTION).
 */
import { z } from 'zod';
import type { ContactRecord } from '../contacts/contact-record';
import { participantsOf } from '../contacts/participant-events';
import { connectError } from './aws-error';
import { describeContact } from './describe-contact';
import type { EmulatorDeps, Operation } from './emulator-context';
import { IDEMPOTENCY_WINDOW_MS, newToken, requireInstance } from './start-webrtc-contact';
import { AttributesInput, checkAttributes, parseConnectInput } from './webrtc-contact-input';

const InstanceId = z.string().min(1).max(100);
const ContactId = z.string().min(1).max(256);
/**
 * Credentials of a participant added with CreateParticipant last one day, like connection tokens.
 */
const PARTICIPANT_CREDENTIAL_MS = 24 * 3600 * 1000;
/** Connect: a WebRTC call holds at most 6 participants (the agent, the customer and 4 more). */
export const MAX_CALL_PARTICIPANTS = 6;

/** The contact of the local instance, or ResourceNotFoundException. */
export function findContact(
  deps: EmulatorDeps,
  instanceId: string,
  contactId: string,
): ContactRecord {
  requireInstance(deps, instanceId);
  const contact = deps.contacts.get(contactId);
  if (!contact || contact.instanceId !== instanceId)
    throw connectError.notFound(`Contact ${contactId} does not exist in instance ${instanceId}`);
  return contact;
}

const labels = (req: { labels: Record<string, string> }, ...names: string[]) =>
  parseConnectInput(
    z.object(
      Object.fromEntries(names.map((n) => [n, n === 'InstanceId' ? InstanceId : ContactId])),
    ),
    req.labels,
  ) as Record<string, string>;

/** StopContact: ends the contact (DisconnectReason from the request). */
export const stopContact: Operation = (deps, req) => {
  const input = parseConnectInput(
    z.object({
      ContactId,
      InstanceId,
      DisconnectReason: z.object({ Code: z.string().min(1).max(256).optional() }).optional(),
    }),
    req.body,
  );
  const contact = findContact(deps, input.InstanceId, input.ContactId);
  if (contact.state === 'ENDED')
    throw connectError.contactNotFound(
      `Contact ${input.ContactId} is not active: it has already ended`,
    );
  deps.contacts.end(contact.id, 'API');
  return {};
};

/** DescribeContact. */
export const describeContactOp: Operation = (deps, req) => {
  const { InstanceId: instanceId = '', ContactId: contactId = '' } = labels(
    req,
    'InstanceId',
    'ContactId',
  );
  return { Contact: describeContact(deps, findContact(deps, instanceId, contactId)) };
};

/** GetContactAttributes. */
export const getContactAttributes: Operation = (deps, req) => {
  const { InstanceId: instanceId = '', InitialContactId: contactId = '' } = labels(
    req,
    'InstanceId',
    'InitialContactId',
  );
  const contact = findContact(deps, instanceId, contactId);
  if (contact.initialContactId !== contact.id)
    throw connectError.notFound(`Contact ${contactId} is not an initial contact`);
  return { Attributes: contact.attributes };
};

/** UpdateContactAttributes: merges the attributes, within Connect's size limits. */
export const updateContactAttributes: Operation = (deps, req) => {
  const input = parseConnectInput(
    z.object({ InitialContactId: ContactId, InstanceId, Attributes: AttributesInput }),
    req.body,
  );
  const contact = findContact(deps, input.InstanceId, input.InitialContactId);
  const merged = { ...contact.attributes, ...input.Attributes };
  checkAttributes(merged); // all-or-nothing: a refused update leaves every attribute as it was
  deps.contacts.transition(contact.id, { kind: 'attributes-set', attributes: input.Attributes });
  return {};
};

const CreateParticipantInput = z.object({
  InstanceId,
  ContactId,
  ParticipantDetails: z.object({
    ParticipantRole: z.enum(['AGENT', 'CUSTOMER', 'SYSTEM', 'CUSTOM_BOT', 'SUPERVISOR']).optional(),
    DisplayName: z.string().min(1).max(256).optional(),
    ParticipantCapabilities: z
      .object({ Video: z.literal('SEND').optional(), ScreenShare: z.literal('SEND').optional() })
      .optional(),
  }),
  ClientToken: z.string().min(1).max(500).optional(),
});

/** CreateParticipant: adds a participant to a connected WebRTC contact. */
export const createParticipant: Operation = (deps, req) => {
  const input = parseConnectInput(CreateParticipantInput, req.body);
  const contact = findContact(deps, input.InstanceId, input.ContactId);
  const role = input.ParticipantDetails.ParticipantRole ?? 'CUSTOMER';
  if (role !== 'CUSTOMER')
    throw connectError.invalidRequest(
      `ParticipantDetails.ParticipantRole: a WebRTC contact accepts only CUSTOMER participants, not ${role}`,
    );
  if (contact.initialContactId !== contact.id)
    throw connectError.invalidRequest(
      'ContactId: pass the initial contact id of the WebRTC contact',
    );
  if (contact.state === 'ENDED')
    throw connectError.invalidRequest(
      `Contact ${contact.id} has ended; participants can only join an ongoing contact`,
    );
  const op = `CreateParticipant:${contact.id}`;
  if (input.ClientToken) {
    const prior = deps.store.findIdempotent(
      input.InstanceId,
      op,
      input.ClientToken,
      deps.now(),
      IDEMPOTENCY_WINDOW_MS,
    );
    if (prior) return prior;
  }
  // Connect adds participants only to a call an agent has joined.
  if (contact.state !== 'CONNECTED' || !contact.agentParticipant)
    throw connectError.conflict(
      `Contact ${contact.id} has no connected agent yet; participants can be added once an agent is on the call`,
    );
  const present = participantsOf(contact).filter((p) => !p.disconnectedAt).length;
  if (present >= MAX_CALL_PARTICIPANTS)
    throw connectError.serviceQuotaExceeded(
      `Contact ${contact.id} already has ${present} participants; a WebRTC call holds at most ${MAX_CALL_PARTICIPANTS}`,
    );
  const participant = deps.contacts.addCustomerParticipant(
    contact.id,
    input.ParticipantDetails.DisplayName ?? contact.name,
    input.ParticipantDetails.ParticipantCapabilities,
  );
  const token = newToken();
  const expiresAt = deps.now() + PARTICIPANT_CREDENTIAL_MS;
  const response = {
    ParticipantId: participant.participantId,
    ParticipantCredentials: { ParticipantToken: token, Expiry: new Date(expiresAt).toISOString() },
  };
  deps.store.transaction(() => {
    deps.store.saveToken(token, {
      kind: 'participant',
      contactId: contact.id,
      participantId: participant.participantId,
      expiresAt,
    });
    if (input.ClientToken)
      deps.store.rememberIdempotent(input.InstanceId, op, input.ClientToken, response, deps.now());
  });
  return response;
};
