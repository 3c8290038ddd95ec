/**
 * Shapes of Amazon Connect's StartWebRTCContact data as they cross our own API, validated on both
 * sides. Names follow the Connect API (PascalCase) so nothing is renamed between the SDK and the
 * widget.
 */
// zod/mini (functional API): the same schemas for a fraction of the weight in the customer's
// browser; server code composes them with the classic API, which accepts them as they are.
import { z } from 'zod/mini';

/** `SEND` is the only value Connect defines for both capabilities. */
const CapabilityValue = z.literal('SEND');

/** One party's capabilities; an absent member means the party cannot send that media. */
export const ParticipantCapabilities = z.strictObject({
  Video: z.optional(CapabilityValue),
  ScreenShare: z.optional(CapabilityValue),
});
export type ParticipantCapabilities = z.infer<typeof ParticipantCapabilities>;

/** StartWebRTCContact `AllowedCapabilities`. */
export const AllowedCapabilities = z.strictObject({
  Customer: z.optional(ParticipantCapabilities),
  Agent: z.optional(ParticipantCapabilities),
});
export type AllowedCapabilities = z.infer<typeof AllowedCapabilities>;

/** The Chime meeting placement Connect returns; URLs only, the browser never builds them. */
export const MediaPlacement = z.object({
  AudioHostUrl: z.string().check(z.minLength(1)),
  AudioFallbackUrl: z.optional(z.string()),
  SignalingUrl: z.string().check(z.minLength(1)),
  TurnControlUrl: z.optional(z.string()),
  EventIngestionUrl: z.optional(z.string()),
});

/** StartWebRTCContact `ConnectionData`: a Chime meeting plus this participant's attendee. */
export const ConnectionData = z.object({
  Attendee: z.object({
    AttendeeId: z.string().check(z.minLength(1)),
    JoinToken: z.string().check(z.minLength(1)),
  }),
  Meeting: z.object({
    MediaRegion: z.optional(z.string()),
    MeetingId: z.string().check(z.minLength(1)),
    MediaPlacement,
    MeetingFeatures: z.nullish(
      z.looseObject({
        Audio: z.optional(z.partial(z.object({ EchoReduction: z.optional(z.string()) }))),
      }),
    ),
  }),
});
export type ConnectionData = z.infer<typeof ConnectionData>;

/** Payload of a data message on {@link SCREEN_SHARING_TOPIC}, as Amazon Connect agents send it. */
export const ScreenSharingMessage = z.object({
  message: z.enum(['ScreenSharingStarted', 'ScreenSharingStopped']),
});
export type ScreenSharingMessage = z.infer<typeof ScreenSharingMessage>;

/** The Chime data-message topic on which the agent enables and disables customer screen sharing. */
export const SCREEN_SHARING_TOPIC = 'AMAZON_CONNECT_SCREEN_SHARING';

/** DTMF digits Connect accepts through SendMessage `audio/dtmf`. */
export const DtmfDigits = z
  .string()
  .check(z.regex(/^[0-9*#]{1,64}$/, 'DTMF digits may only contain 0-9, * and #'));
