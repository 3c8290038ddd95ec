/**
 * The widget's backend API (`/api`), shared by the server routes and the browser client.
 * Every response is validated against these schemas on the browser side.
 */
import * as z from 'zod';
import { AllowedCapabilities, ConnectionData, DtmfDigits } from './connect-schemas';

/** Attribute keys follow Connect's rule: alphanumerics, `-` and `_` only. */
export const AttributeKey = z.string().regex(/^[A-Za-z0-9_-]{1,128}$/, 'attribute keys may only contain A-Z a-z 0-9 - _');

/** GET /api/entry-points/:id — what the widget may know about an entry point before a call. */
export const EntryPointInfo = z.object({
  id: z.string(),
  allowedCapabilities: AllowedCapabilities,
  allowedAttributes: z.array(z.string()),
  requiresCustomerToken: z.boolean(),
});
export type EntryPointInfo = z.infer<typeof EntryPointInfo>;

/** POST /api/calls — start a contact. The browser never chooses the instance, flow or capabilities. */
export const StartCallRequest = z.strictObject({
  entryPoint: z.string().min(1).max(64),
  displayName: z.string().trim().min(1).max(256),
  attributes: z.record(AttributeKey, z.string().max(1024)).optional(),
  /** Generated once per call attempt by the browser; a retry with the same token never creates a second contact. */
  clientToken: z.string().min(16).max(500),
  /** Optional customer JWT signed by the website (HS256); its `attributes` claim wins over `attributes`. */
  customerToken: z.string().max(8192).optional(),
  locale: z.string().max(35).optional(),
});
export type StartCallRequest = z.infer<typeof StartCallRequest>;

export const StartCallResponse = z.object({
  contactId: z.string(),
  participantId: z.string(),
  connectionData: ConnectionData,
  allowedCapabilities: AllowedCapabilities,
  /** Bearer token for the other /api/calls endpoints of this contact (opaque to the browser). */
  callToken: z.string(),
  /** Participant Service WebSocket for contact events (captions, participant joined, ended), when available. */
  eventsUrl: z.string().optional(),
});
export type StartCallResponse = z.infer<typeof StartCallResponse>;

/** GET /api/calls/:contactId — where the contact is, read from Connect (DescribeContact). */
export const CallStatus = z.object({
  contactId: z.string(),
  state: z.enum(['in-flow', 'queued', 'connected', 'ended']),
  queueName: z.string().optional(),
  enqueuedAt: z.string().optional(),
  agentConnectedAt: z.string().optional(),
  endedAt: z.string().optional(),
  disconnectReason: z.string().optional(),
});
export type CallStatus = z.infer<typeof CallStatus>;

/** POST /api/calls/:contactId/dtmf */
export const SendDtmfRequest = z.strictObject({ digits: DtmfDigits });
export const SendDtmfResponse = z.object({ messageId: z.string(), sentAt: z.string() });

/** POST /api/calls/:contactId/end */
export const EndCallResponse = z.object({ ended: z.literal(true) });

/** Every error from /api: the Connect error name where one applies, and a message saying what is wrong. */
export const ApiError = z.object({
  error: z.object({ name: z.string(), message: z.string(), retryable: z.boolean().optional() }),
});
export type ApiError = z.infer<typeof ApiError>;
