/**
 * StartWebRTCContact (`PUT /contact/webrtc`): validates, replays a known ClientToken, creates the
 * meeting and the customer's attendee on the media server, and stores contact, token and
 * idempotency entry in one transaction. All of it runs synchronously, so concurrent requests with
 * one token create exactly one contact.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { ContactRecord } from '../contacts/contact-record';
import { connectError } from './aws-error';
import type { EmulatorDeps, Operation } from './emulator-context';
import { parseStartWebRTCContact, type StartWebRTCContactInput } from './webrtc-contact-input';

/** ClientTokens are honoured for 7 days, as Connect documents. */
export const IDEMPOTENCY_WINDOW_MS = 7 * 24 * 3600 * 1000;

/** A new random bearer token (participant or connection): 384 bits, URL-safe. */
export const newToken = (): string => randomBytes(48).toString('base64url');

/** Throws ResourceNotFoundException unless the id is the local instance. */
export function requireInstance(deps: EmulatorDeps, instanceId: string): void {
  if (instanceId !== deps.config.instance.id)
    throw connectError.notFound(
      `Instance ${instanceId} does not exist (the local instance is ${deps.config.instance.id})`,
    );
}

function buildRecord(
  deps: EmulatorDeps,
  input: StartWebRTCContactInput,
  ids: { contactId: string; participantId: string },
): ContactRecord {
  const at = deps.now();
  const meeting = deps.media.createMeeting();
  const attendee = deps.media.createAttendee(meeting.MeetingId, `customer-${ids.participantId}`);
  return {
    id: ids.contactId,
    instanceId: input.InstanceId,
    initialContactId: ids.contactId,
    ...(input.RelatedContactId ? { relatedContactId: input.RelatedContactId } : {}),
    contactFlowId: input.ContactFlowId,
    name: input.ParticipantDetails.DisplayName,
    ...(input.Description !== undefined ? { description: input.Description } : {}),
    attributes: input.Attributes ?? {},
    references: Object.fromEntries(
      Object.entries(input.References ?? {}).map(([k, r]) => [k, { ...r, Value: r.Value ?? '' }]),
    ),
    segmentAttributes: {
      ...input.SegmentAttributes,
      'connect:Subtype': { ValueString: 'connect:WebRTC' },
      'connect:Direction': { ValueString: 'INBOUND' },
    },
    allowedCapabilities: input.AllowedCapabilities ?? {},
    state: 'INITIATED',
    meeting,
    customer: {
      participantId: ids.participantId,
      role: 'CUSTOMER',
      displayName: input.ParticipantDetails.DisplayName,
      attendee,
    },
    history: [{ state: 'INITIATED', at }],
    transcript: [],
    initiatedAt: at,
    connectedToSystemAt: at,
    lastUpdatedAt: at,
  };
}

/**
 * StartWebRTCContact: creates the meeting and the customer's attendee, starts the flow, answers the
 * ConnectionData.
 */
export const startWebRTCContact: Operation = (deps, req) => {
  const input = parseStartWebRTCContact(req.body);
  requireInstance(deps, input.InstanceId);
  if (!deps.config.flows.some((f) => f.id === input.ContactFlowId)) {
    throw connectError.notFound(
      `Contact flow ${input.ContactFlowId} does not exist in instance ${input.InstanceId}`,
    );
  }
  if (input.ClientToken) {
    const prior = deps.store.findIdempotent(
      input.InstanceId,
      'StartWebRTCContact',
      input.ClientToken,
      deps.now(),
      IDEMPOTENCY_WINDOW_MS,
    );
    if (prior) return prior;
  }
  if (input.RelatedContactId) {
    const related = deps.contacts.get(input.RelatedContactId);
    if (!related || related.instanceId !== input.InstanceId) {
      throw connectError.notFound(
        `RelatedContactId: contact ${input.RelatedContactId} does not exist in instance ${input.InstanceId}`,
      );
    }
  }

  const ids = { contactId: randomUUID(), participantId: randomUUID() };
  const record = buildRecord(deps, input, ids);
  const participantToken = newToken();
  const response = {
    ContactId: ids.contactId,
    ParticipantId: ids.participantId,
    ParticipantToken: participantToken,
    ConnectionData: {
      Attendee: {
        AttendeeId: record.customer.attendee.AttendeeId,
        JoinToken: record.customer.attendee.JoinToken,
      },
      Meeting: record.meeting,
    },
  };
  try {
    deps.store.transaction(() => {
      deps.contacts.insert(record);
      deps.store.saveToken(participantToken, {
        kind: 'participant',
        contactId: ids.contactId,
        participantId: ids.participantId,
      });
      if (input.ClientToken)
        deps.store.rememberIdempotent(
          input.InstanceId,
          'StartWebRTCContact',
          input.ClientToken,
          response,
          deps.now(),
        );
    });
  } catch (err) {
    deps.media.endMeeting(record.meeting.MeetingId); // nothing was stored: leave no meeting behind
    throw err;
  }
  try {
    deps.contacts.events.emit('contact-started', record);
  } catch (err) {
    // A listener's failure must not turn a created contact into an error for the caller.
    deps.logger.error({ err, contactId: ids.contactId }, 'contact-started listener failed');
  }
  return response;
};
