/**
 * The widget's backend API (`/api`), shared by the server routes and the browser client.
 * Every response is validated against these schemas on the browser side.
 */
// zod/mini, like connect-schemas.ts: these schemas ship to the customer's browser.
import { z } from 'zod/mini';
import { AllowedCapabilities, ConnectionData, DtmfDigits } from './connect-schemas';
import { DisplayName, RatingComment } from './display-name';

/** Attribute keys follow Connect's rule: alphanumerics, `-` and `_` only. */
const AttributeKey = z
  .string()
  .check(z.regex(/^[A-Za-z0-9_-]{1,128}$/, 'attribute keys may only contain A-Z a-z 0-9 - _'));

/**
 * The highest camera quality an entry point lets the customer send: capture size (16:9, 15 fps) and
 * a bitrate cap to match. Below the cap, sending still adapts to the network.
 */
export const MaxVideoQuality = z.enum(['360p', '540p', '720p']);
export type MaxVideoQuality = z.infer<typeof MaxVideoQuality>;

/** GET /api/entry-points/:id — what the widget may know about an entry point before a call. */
export const EntryPointInfo = z.object({
  id: z.string(),
  allowedCapabilities: AllowedCapabilities,
  allowedAttributes: z.array(z.string()),
  requiresCustomerToken: z.boolean(),
  /** The ended screen asks how the call went (absent: yes). */
  rating: z.optional(z.boolean()),
  /**
   * Seconds the contact waits for a customer whose page went away (reload, another page of the
   * site); 0 or absent (a backend without a store for it): leaving the page ends the call.
   */
  rejoinGraceSeconds: z.optional(z.number()),
});
export type EntryPointInfo = z.infer<typeof EntryPointInfo>;

/**
 * POST /api/calls — start a contact. The browser never chooses the instance, flow or capabilities.
 */
export const StartCallRequest = z.strictObject({
  entryPoint: z.string().check(z.minLength(1), z.maxLength(64)),
  displayName: DisplayName,
  attributes: z.optional(z.record(AttributeKey, z.string().check(z.maxLength(1024)))),
  /**
   * Generated once per call attempt by the browser; a retry with the same token never creates a
   * second contact.
   */
  clientToken: z.string().check(z.minLength(16), z.maxLength(500)),
  /**
   * Optional customer JWT signed by the website (HS256); its `attributes` claim wins over
   * `attributes`.
   */
  customerToken: z.optional(z.string().check(z.maxLength(8192))),
  locale: z.optional(z.string().check(z.maxLength(35))),
});
export type StartCallRequest = z.infer<typeof StartCallRequest>;

/** POST /api/calls: the started contact and everything the widget needs to join it. */
export const StartCallResponse = z.object({
  contactId: z.string(),
  participantId: z.string(),
  connectionData: ConnectionData,
  allowedCapabilities: AllowedCapabilities,
  /** Bearer token for the other /api/calls endpoints of this contact (opaque to the browser). */
  callToken: z.string(),
  /**
   * Participant Service WebSocket for contact events (captions, participant joined, ended), when
   * available.
   */
  eventsUrl: z.optional(z.string()),
  /**
   * The entry point's camera quality cap; absent: none, the quality adapts to the network up to
   * 720p.
   */
  maxVideoQuality: z.optional(MaxVideoQuality),
});
export type StartCallResponse = z.infer<typeof StartCallResponse>;

/** GET /api/calls/:contactId — where the contact is, read from Connect (DescribeContact). */
export const CallStatus = z.object({
  contactId: z.string(),
  state: z.enum(['in-flow', 'queued', 'connected', 'ended']),
  /**
   * The queue's name (DescribeQueue), once the contact is in a queue; absent when Connect does not
   * tell it.
   */
  queueName: z.optional(z.string()),
  enqueuedAt: z.optional(z.string()),
  agentConnectedAt: z.optional(z.string()),
  endedAt: z.optional(z.string()),
  disconnectReason: z.optional(z.string()),
});
export type CallStatus = z.infer<typeof CallStatus>;

/** POST /api/calls/:contactId/dtmf */
export const SendDtmfRequest = z.strictObject({
  digits: DtmfDigits,
  /**
   * One per key press, the same on each retry of it: Connect's SendMessage ClientToken, so the
   * digit arrives once.
   */
  clientToken: z.optional(z.string().check(z.minLength(16), z.maxLength(500))),
});
/** POST /api/calls/:contactId/dtmf: the Participant Service message that carried the digits. */
export const SendDtmfResponse = z.object({ messageId: z.string(), sentAt: z.string() });

/** POST /api/calls/cancel (body: the StartCallRequest of the start being cancelled) */
export const CancelStartResponse = z.object({ contactId: z.string(), cancelled: z.literal(true) });
export type CancelStartResponse = z.infer<typeof CancelStartResponse>;

/** POST /api/calls/:contactId/rating — how the call went, once, shortly after it ended. */
export const RateCallRequest = z.strictObject({
  score: z.number().check(z.int(), z.gte(1), z.lte(5)),
  comment: z.optional(RatingComment),
});
export type RateCallRequest = z.infer<typeof RateCallRequest>;
/** POST /api/calls/:contactId/rating: the rating is stored on the contact. */
export const RateCallResponse = z.object({ rated: z.literal(true) });

/** The contact attributes a rating is stored in (Connect attribute keys: A-Z a-z 0-9 - _). */
export const RATING_ATTRIBUTES = {
  score: 'cvc-rating',
  comment: 'cvc-rating-comment',
  at: 'cvc-rated-at',
} as const;

/**
 * POST /api/calls/:contactId/away — the customer's page went away (reload, another page, tab
 * closed): the contact ends at `endsAt` unless the customer comes back first (the entry point's
 * grace period).
 */
export const AwayResponse = z.object({ endsAt: z.string() });

/**
 * POST /api/calls/:contactId/back — the customer's page is back: the deferred end is cancelled. The
 * contact's status, and a fresh contact-events WebSocket (the old URL was single use) when
 * available.
 */
export const BackResponse = z.object({ status: CallStatus, eventsUrl: z.optional(z.string()) });
export type BackResponse = z.infer<typeof BackResponse>;

/**
 * The contact attribute the backend sets while the customer is away (ISO time the contact ends at,
 * empty once back): the agent's desk shows "customer reconnecting" with a countdown from it.
 */
export const AWAY_UNTIL_ATTRIBUTE = 'cvc-away-until';

/** POST /api/calls/:contactId/end */
export const EndCallResponse = z.object({ ended: z.literal(true) });

/**
 * Every error from /api: the Connect error name where one applies, and a message saying what is
 * wrong.
 */
export const ApiError = z.object({
  error: z.object({ name: z.string(), message: z.string(), retryable: z.optional(z.boolean()) }),
});
export type ApiError = z.infer<typeof ApiError>;
