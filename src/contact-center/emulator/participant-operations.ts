/**
 * Connect Participant Service: CreateParticipantConnection (CONNECTION_CREDENTIALS, WEBSOCKET,
 * WEBRTC_CONNECTION), SendMessage (`audio/dtmf` digits and `text/plain`), DisconnectParticipant
 * (the customer leaving ends the contact) and GetTranscript.
 */
import { z } from 'zod';
import { participantError } from './aws-error';
import { parseInput } from './parse-input';
import type { EmulatorDeps, Operation, OperationRequest } from './emulator-context';
import { authenticate } from './participant-auth';
import { newToken } from './start-webrtc-contact';
import { toParticipantItem } from './transcript-items';

const CONNECTION_MS = 24 * 3600 * 1000; // Connect: a connection token lives one day
const WEBSOCKET_URL_MS = 100 * 1000; // Connect: connect to the WebSocket URL within ~100 s

const parse = <T>(schema: z.ZodType<T>, body: unknown): T =>
  parseInput(schema, body, participantError.validation);

function websocketUrl(deps: EmulatorDeps, req: OperationRequest, token: string): string {
  const base = deps.publicUrl ? new URL(deps.publicUrl) : new URL(`${req.protocol}://${req.host}`);
  const scheme = base.protocol === 'https:' ? 'wss' : 'ws';
  return `${scheme}://${base.host}${deps.prefix}/participant/websocket?token=${token}`;
}

const ConnectionInput = z.object({
  Type: z.array(z.enum(['WEBSOCKET', 'CONNECTION_CREDENTIALS', 'WEBRTC_CONNECTION'])).min(1),
  ConnectParticipant: z.boolean().optional(),
});

/**
 * CreateParticipantConnection: a connection token and the events WebSocket for a participant token.
 */
export const createParticipantConnection: Operation = (deps, req) => {
  const input = parse(ConnectionInput, req.body);
  const { contact, participant } = authenticate(deps, req, 'participant');
  // Connect's rule: a participant away (left or disconnected) for 60 seconds cannot come back.
  if (!deps.media.isAttendeeActive(contact.meeting.MeetingId, participant.attendee.AttendeeId))
    throw participantError.accessDenied(
      'The participant was away from the call for more than 60 seconds and cannot rejoin; create a new participant with CreateParticipant',
    );
  const now = deps.now();
  const expiry = new Date(now + CONNECTION_MS).toISOString();
  const out: Record<string, unknown> = {};
  const ref = { contactId: contact.id, participantId: participant.participantId };
  if (input.Type.includes('CONNECTION_CREDENTIALS')) {
    const token = newToken();
    deps.store.saveToken(token, { kind: 'connection', ...ref, expiresAt: now + CONNECTION_MS });
    out.ConnectionCredentials = { ConnectionToken: token, Expiry: expiry };
  }
  if (input.Type.includes('WEBSOCKET')) {
    const token = newToken();
    deps.store.saveToken(token, { kind: 'websocket', ...ref, expiresAt: now + WEBSOCKET_URL_MS });
    out.Websocket = { Url: websocketUrl(deps, req, token), ConnectionExpiry: expiry };
  }
  if (input.Type.includes('WEBRTC_CONNECTION')) {
    const { AudioHostUrl, AudioFallbackUrl, SignalingUrl, EventIngestionUrl } =
      contact.meeting.MediaPlacement;
    out.WebRTCConnection = {
      Attendee: {
        AttendeeId: participant.attendee.AttendeeId,
        JoinToken: participant.attendee.JoinToken,
      },
      Meeting: {
        MediaPlacement: {
          AudioHostUrl,
          AudioFallbackUrl,
          SignalingUrl,
          ...(EventIngestionUrl ? { EventIngestionUrl } : {}),
        },
        MeetingFeatures: contact.meeting.MeetingFeatures,
        MeetingId: contact.meeting.MeetingId,
      },
    };
  }
  return out;
};

const MessageInput = z.object({
  ContentType: z.string().min(1).max(100),
  Content: z.string().min(1).max(16384),
  ClientToken: z.string().max(500).optional(),
});

/** SendMessage: a participant's message (DTMF digits), once per ClientToken. */
export const sendMessage: Operation = (deps, req) => {
  const input = parse(MessageInput, req.body);
  if (input.ContentType !== 'audio/dtmf' && input.ContentType !== 'text/plain') {
    throw participantError.validation(
      `ContentType ${input.ContentType} is not supported on a WebRTC contact (use audio/dtmf or text/plain)`,
    );
  }
  if (input.ContentType === 'audio/dtmf' && !/^[0-9*#]+$/.test(input.Content)) {
    throw participantError.validation('Content: DTMF digits may only contain 0-9, * and #');
  }
  const { contact, participant } = authenticate(deps, req, 'connection');
  const op = `SendMessage:${participant.participantId}`;
  if (input.ClientToken) {
    const prior = deps.store.findIdempotent(
      contact.instanceId,
      op,
      input.ClientToken,
      deps.now(),
      CONNECTION_MS,
    );
    if (prior) return prior;
  }
  const dtmf = input.ContentType === 'audio/dtmf';
  const item = deps.contacts.addTranscript(contact.id, {
    kind: dtmf ? 'dtmf' : 'message',
    participantRole: participant.role,
    contentType: input.ContentType,
    content: input.Content,
    participantId: participant.participantId,
    displayName: participant.displayName,
  });
  const response = { Id: item.id, AbsoluteTime: new Date(item.at).toISOString() };
  if (input.ClientToken)
    deps.store.rememberIdempotent(contact.instanceId, op, input.ClientToken, response, deps.now());
  if (dtmf) deps.contacts.events.emit('dtmf', { contactId: contact.id, digits: input.Content });
  return response;
};

/** DisconnectParticipant. */
export const disconnectParticipant: Operation = (deps, req) => {
  const { contact, participant } = authenticate(deps, req, 'connection');
  deps.contacts.disconnectParticipant(contact.id, participant.participantId);
  return {};
};

const TranscriptInput = z.object({
  ContactId: z.string().min(1).max(256).optional(),
  MaxResults: z.number().int().min(0).max(100).optional(),
  NextToken: z.string().min(1).max(1000).optional(),
  ScanDirection: z.enum(['FORWARD', 'BACKWARD']).optional(),
  SortOrder: z.enum(['ASCENDING', 'DESCENDING']).optional(),
  StartPosition: z
    .object({
      Id: z.string().optional(),
      AbsoluteTime: z.string().optional(),
      MostRecent: z.number().int().optional(),
    })
    .optional(),
});

/** GetTranscript. */
export const getTranscript: Operation = (deps, req) => {
  const input = parse(TranscriptInput, req.body);
  const { contact } = authenticate(deps, req, 'connection', true);
  if (
    input.ContactId &&
    input.ContactId !== contact.id &&
    input.ContactId !== contact.initialContactId
  ) {
    throw participantError.validation(
      `ContactId ${input.ContactId} is not the contact of this connection`,
    );
  }
  const offset = input.NextToken ? Number.parseInt(input.NextToken, 10) : 0;
  if (!Number.isInteger(offset) || offset < 0)
    throw participantError.validation('NextToken is not valid');
  const items = contact.transcript.map((i) => toParticipantItem(contact, i));
  if (input.SortOrder === 'DESCENDING') items.reverse();
  const max = input.MaxResults ?? 15;
  const page = items.slice(offset, offset + max);
  const next = offset + max < items.length ? String(offset + max) : undefined;
  return {
    InitialContactId: contact.initialContactId,
    Transcript: page,
    ...(next ? { NextToken: next } : {}),
  };
};
