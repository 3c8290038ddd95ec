/**
 * Shapes of Amazon Connect's StartWebRTCContact data as they cross our own API, validated on both
 * sides. Names follow the Connect API (PascalCase) so nothing is renamed between the SDK and the widget.
 */
import * as z from 'zod';

/** `SEND` is the only value Connect defines for both capabilities. */
export const CapabilityValue = z.literal('SEND');

/** One party's capabilities; an absent member means the party cannot send that media. */
export const ParticipantCapabilities = z.strictObject({
  Video: CapabilityValue.optional(),
  ScreenShare: CapabilityValue.optional(),
});
export type ParticipantCapabilities = z.infer<typeof ParticipantCapabilities>;

/** StartWebRTCContact `AllowedCapabilities`. */
export const AllowedCapabilities = z.strictObject({
  Customer: ParticipantCapabilities.optional(),
  Agent: ParticipantCapabilities.optional(),
});
export type AllowedCapabilities = z.infer<typeof AllowedCapabilities>;

/** The Chime meeting placement Connect returns; URLs only, the browser never builds them. */
export const MediaPlacement = z.object({
  AudioHostUrl: z.string().min(1),
  AudioFallbackUrl: z.string().optional(),
  SignalingUrl: z.string().min(1),
  TurnControlUrl: z.string().optional(),
  EventIngestionUrl: z.string().optional(),
});

/** StartWebRTCContact `ConnectionData`: a Chime meeting plus this participant's attendee. */
export const ConnectionData = z.object({
  Attendee: z.object({ AttendeeId: z.string().min(1), JoinToken: z.string().min(1) }),
  Meeting: z.object({
    MediaRegion: z.string().optional(),
    MeetingId: z.string().min(1),
    MediaPlacement,
    MeetingFeatures: z
      .object({ Audio: z.object({ EchoReduction: z.string().optional() }).partial().optional() })
      .passthrough()
      .nullish(),
  }),
});
export type ConnectionData = z.infer<typeof ConnectionData>;

/** Payload of a data message on {@link SCREEN_SHARING_TOPIC}, as Amazon Connect agents send it. */
export const ScreenSharingMessage = z.object({ message: z.enum(['ScreenSharingStarted', 'ScreenSharingStopped']) });
export type ScreenSharingMessage = z.infer<typeof ScreenSharingMessage>;

/** The Chime data-message topic on which the agent enables and disables customer screen sharing. */
export const SCREEN_SHARING_TOPIC = 'AMAZON_CONNECT_SCREEN_SHARING';

/** DTMF digits Connect accepts through SendMessage `audio/dtmf`. */
export const DtmfDigits = z.string().regex(/^[0-9*#]{1,64}$/, 'DTMF digits may only contain 0-9, * and #');
