/**
 * The local agent desk API (`/local/desk`), shared by its server routes and the agent page. The
 * desk state reaches the page as server-sent events carrying a whole {@link DeskState} on every
 * change.
 */
import { z } from 'zod';

/**
 * The agent's routing status, as Connect's agent states: RINGING while a contact is offered, MISSED
 * after an offer timed out.
 */
export const AgentStatus = z.enum([
  'OFFLINE',
  'AVAILABLE',
  'RINGING',
  'ON_CONTACT',
  'AFTER_CONTACT_WORK',
  'MISSED',
]);
export type AgentStatus = z.infer<typeof AgentStatus>;

/** The signed-in agent; `statusSince` is when the status last changed (epoch milliseconds). */
export const DeskAgent = z.object({
  id: z.string(),
  username: z.string(),
  name: z.string(),
  status: AgentStatus,
  statusSince: z.number(),
});
export type DeskAgent = z.infer<typeof DeskAgent>;

const Capabilities = z.object({ video: z.boolean(), screenShare: z.boolean() });

/** The contact offered to, or handled by, the agent; times are epoch milliseconds. */
export const DeskContact = z.object({
  id: z.string(),
  state: z.enum(['INITIATED', 'IN_FLOW', 'QUEUED', 'RINGING', 'CONNECTED', 'ENDED']),
  customerName: z.string(),
  description: z.string().optional(),
  attributes: z.record(z.string(), z.string()),
  references: z.record(z.string(), z.object({ Type: z.string(), Value: z.string().optional() })),
  relatedContact: z
    .object({ id: z.string(), customerName: z.string().optional(), state: z.string().optional() })
    .optional(),
  queueName: z.string().optional(),
  enqueuedAt: z.number().optional(),
  ringStartedAt: z.number().optional(),
  ringTimeoutSeconds: z.number(),
  acceptedAt: z.number().optional(),
  connectedAt: z.number().optional(),
  endedAt: z.number().optional(),
  /**
   * The customer's page went away (reload, another page, tab closed): the contact ends at this time
   * unless the customer comes back (from the contact's `cvc-away-until` attribute).
   */
  customerAwayUntil: z.number().optional(),
  disconnectReason: z.string().optional(),
  capabilities: z.object({ customer: Capabilities, agent: Capabilities }),
  /**
   * Everyone on the call besides the agent: the customer first, then the people the agent added.
   */
  participants: z
    .array(
      z.object({
        participantId: z.string(),
        attendeeId: z.string(),
        name: z.string(),
        added: z.boolean(),
      }),
    )
    .default([]),
  dtmf: z.array(z.object({ at: z.number(), digits: z.string() })),
  captions: z.array(z.object({ at: z.number(), text: z.string() })),
});
export type DeskContact = z.infer<typeof DeskContact>;

/**
 * A contact the agent handled (connected to), newest first, with the customer's rating once given.
 */
export const DeskHistoryItem = z.object({
  id: z.string(),
  customerName: z.string(),
  endedAt: z.number().optional(),
  /** Call time from the agent's connect to the end, whole seconds. */
  durationSeconds: z.number().optional(),
  rating: z.object({ score: z.number(), comment: z.string().optional() }).optional(),
});
export type DeskHistoryItem = z.infer<typeof DeskHistoryItem>;

/** Everything the desk page shows, sent whole on every change. */
export const DeskState = z.object({
  agent: DeskAgent,
  contact: DeskContact.optional(),
  afterContactWorkSeconds: z.number(),
  /** The agent's last contacts (at most 10), newest first. */
  history: z.array(DeskHistoryItem).default([]),
});
export type DeskState = z.infer<typeof DeskState>;

/** The agent's meeting credentials, camelCase as Streams' `getVideoConnectionInfo()` gives them. */
export const VideoConnectionInfo = z.object({
  attendee: z.object({ attendeeId: z.string(), joinToken: z.string() }),
  meeting: z.object({
    mediaPlacement: z.object({
      audioFallbackUrl: z.string().optional(),
      audioHostUrl: z.string(),
      eventIngestionUrl: z.string().optional(),
      signalingUrl: z.string(),
      turnControlUrl: z.string().optional(),
    }),
    mediaRegion: z.string(),
    meetingFeatures: z.object({ audio: z.object({ echoReduction: z.string() }) }).nullable(),
    meetingId: z.string(),
  }),
});
export type VideoConnectionInfo = z.infer<typeof VideoConnectionInfo>;

/** GET /local/desk/agents — who may sign in at the desk. */
export const AgentList = z.object({
  agents: z.array(DeskAgent.pick({ id: true, username: true, name: true, status: true })),
});
export type AgentList = z.infer<typeof AgentList>;
/** One agent of the list an agent picks from when adding a participant. */
export type AgentSummary = AgentList['agents'][number];

/** POST …/contacts/{id}/participants — the desk adds a colleague or third party to the call. */
export const AddParticipantRequest = z.strictObject({
  displayName: z.string().trim().min(1).max(256),
  video: z.boolean(),
  screenShare: z.boolean(),
});
export type AddParticipantRequest = z.infer<typeof AddParticipantRequest>;
/** The added person's `/join/` link: its meeting credentials travel in the URL fragment only. */
export const AddParticipantResponse = z.object({ participantId: z.string(), joinUrl: z.string() });
export type AddParticipantResponse = z.infer<typeof AddParticipantResponse>;

/** PUT .../status: the statuses an agent may set themselves (the others follow from contacts). */
export const SetStatusRequest = z.strictObject({ status: z.enum(['AVAILABLE', 'OFFLINE']) });
/** POST .../accept: the agent's meeting credentials for the accepted contact. */
export const AcceptResponse = z.object({ connection: VideoConnectionInfo });

const AudioQuality = z.object({
  QualityScore: z.number(),
  PotentialQualityIssues: z.array(
    z.enum(['HighPacketLoss', 'HighRoundTripTime', 'HighJitterBuffer']),
  ),
});
/** The customer's device and both sides' audio quality, as DescribeContact reports them. */
export const CallHealth = z.object({
  customerDevice: z
    .object({
      PlatformName: z.string().optional(),
      PlatformVersion: z.string().optional(),
      OperatingSystem: z.string().optional(),
    })
    .optional(),
  quality: z
    .object({
      Agent: z.object({ Audio: AudioQuality }).optional(),
      Customer: z.object({ Audio: AudioQuality }).optional(),
    })
    .optional(),
});
export type CallHealth = z.infer<typeof CallHealth>;
