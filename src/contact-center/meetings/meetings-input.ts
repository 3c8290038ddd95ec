/**
 * Chime SDK Meetings (2021-07-15) request members as the model constrains them: lengths, patterns,
 * enums and list sizes (BadRequestException naming the member), plus the documented rules the model
 * cannot express: `aws:` prefixes are reserved, FHD video / UHD content need an attendee MaxCount
 * of at most 25, and capability combinations are checked against the meeting's features.
 */
import { z } from 'zod';
import { meetingsError } from '../emulator/aws-error';
import { parseInput } from '../emulator/parse-input';
import type { AttendeeCapabilities, MeetingFeatures } from './meeting-record';

/** Media Regions the API accepts (its documented list, GovCloud included). */
export const MEDIA_REGIONS = [
  'af-south-1',
  'ap-northeast-1',
  'ap-northeast-2',
  'ap-south-1',
  'ap-southeast-1',
  'ap-southeast-2',
  'ca-central-1',
  'eu-central-1',
  'eu-north-1',
  'eu-south-1',
  'eu-west-1',
  'eu-west-2',
  'eu-west-3',
  'sa-east-1',
  'us-east-1',
  'us-east-2',
  'us-west-1',
  'us-west-2',
  'us-gov-east-1',
  'us-gov-west-1',
] as const;

/** The model's pattern for ExternalUserId and ExternalMeetingId. */
const EXTERNAL_ID = /^[-_&@+=,(){}[\]/«».:|'"#a-zA-Z0-9À-ÿ\s]*$/;
/** An ExternalUserId or ExternalMeetingId as Chime validates it. */
export const ExternalId = z
  .string()
  .min(2)
  .max(64)
  .regex(EXTERNAL_ID, 'contains a character outside [-_&@+=,(){}[]/«».:|\'"#a-zA-Z0-9À-ÿ\\s]')
  .refine((v) => !v.toLowerCase().startsWith('aws:'), 'values that begin with aws: are reserved');

const Capability = z.enum(['SendReceive', 'Send', 'Receive', 'None']);
/** An attendee's capabilities in a request. */
export const Capabilities = z.object({ Audio: Capability, Video: Capability, Content: Capability });
/** One attendee of a create request. */
export const AttendeeItem = z.object({
  ExternalUserId: ExternalId,
  Capabilities: Capabilities.optional(),
});
export type AttendeeItem = z.infer<typeof AttendeeItem>;

const Arn = z
  .string()
  .min(1)
  .max(1024)
  .regex(/^arn[/:\-_.a-zA-Z0-9]+$/, 'is not an ARN');
const FeaturesInput = z.object({
  Audio: z.object({ EchoReduction: z.enum(['AVAILABLE', 'UNAVAILABLE']).optional() }).optional(),
  Video: z.object({ MaxResolution: z.enum(['None', 'HD', 'FHD']).optional() }).optional(),
  Content: z.object({ MaxResolution: z.enum(['None', 'FHD', 'UHD']).optional() }).optional(),
  Attendee: z.object({ MaxCount: z.number().int().min(1).max(250).optional() }).optional(),
});

const meetingMembers = {
  ClientRequestToken: z
    .string()
    .min(2)
    .max(64)
    .regex(/^[-_a-zA-Z0-9]*$/, 'may only contain A-Z a-z 0-9 - _'),
  MediaRegion: z
    .string()
    .min(2)
    .max(64)
    .refine(
      (r) => (MEDIA_REGIONS as readonly string[]).includes(r),
      `is not a Media Region (${MEDIA_REGIONS.join(', ')})`,
    ),
  ExternalMeetingId: ExternalId,
  MeetingHostId: ExternalId.optional(),
  NotificationsConfiguration: z
    .object({
      LambdaFunctionArn: Arn.optional(),
      SnsTopicArn: Arn.optional(),
      SqsQueueArn: Arn.optional(),
    })
    .optional(),
  MeetingFeatures: FeaturesInput.optional(),
  PrimaryMeetingId: z.string().min(2).max(64).optional(),
  TenantIds: z
    .array(
      z
        .string()
        .min(2)
        .max(256)
        .regex(/^(?!.*?(.)\1{3})[-_!@#$a-zA-Z0-9]*$/, 'is not a valid tenant id'),
    )
    .min(1)
    .max(5)
    .optional(),
  Tags: z
    .array(
      z.object({
        Key: z
          .string()
          .min(1)
          .max(128)
          .regex(/^[a-zA-Z+-=._:/]+$/),
        Value: z
          .string()
          .max(256)
          .regex(/^[\s\w+-=.:/@]*$/),
      }),
    )
    .max(50)
    .optional(),
  MediaPlacementNetworkType: z.enum(['DualStack', 'Ipv4Only']).optional(),
};
/** CreateMeeting's request body. */
export const CreateMeetingInput = z.object(meetingMembers);
/** CreateMeetingWithAttendees's request body. */
export const CreateMeetingWithAttendeesInput = z.object({
  ...meetingMembers,
  Attendees: z.array(AttendeeItem).min(1).max(20),
});
export type CreateMeetingInput = z.infer<typeof CreateMeetingInput>;

/** Parses members with a schema; problems are BadRequestException naming the member. */
export const parseMeetingsInput = <T>(schema: z.ZodType<T>, body: unknown): T =>
  parseInput(schema, body, meetingsError.badRequest);

/** The model's GuidString, for MeetingId and AttendeeId labels. */
export const guid = (value: string | undefined, name: string): string =>
  parseMeetingsInput(
    z.object({
      [name]: z
        .string()
        .regex(/^[a-fA-F0-9]{8}(?:-[a-fA-F0-9]{4}){3}-[a-fA-F0-9]{12}$/, 'is not a GUID'),
    }),
    { [name]: value },
  )[name] as string;

/** The meeting's features with the documented defaults (video HD, content FHD, 250 attendees). */
export function resolveFeatures(input: CreateMeetingInput): MeetingFeatures {
  const f = input.MeetingFeatures ?? {};
  const video = f.Video?.MaxResolution ?? 'HD';
  const content = f.Content?.MaxResolution ?? 'FHD';
  const max = f.Attendee?.MaxCount;
  if ((video === 'FHD' || content === 'UHD') && (max === undefined || max > 25)) {
    throw meetingsError.badRequest(
      'MeetingFeatures.Attendee.MaxCount: FHD video or UHD content needs a MaxCount of at most 25',
    );
  }
  if (input.PrimaryMeetingId !== undefined)
    throw meetingsError.badRequest(
      'PrimaryMeetingId: media replication is not available on the local media server',
    );
  return {
    ...(f.Audio ? { Audio: f.Audio } : {}),
    Video: { MaxResolution: video },
    Content: { MaxResolution: content },
    Attendee: { MaxCount: max ?? 250 },
  };
}

const receives = (c: string) => c === 'SendReceive' || c === 'Receive';

/**
 * Capabilities as given (checked against the meeting) or the default: everything the meeting
 * allows.
 */
export function resolveCapabilities(
  given: AttendeeCapabilities | undefined,
  features: MeetingFeatures,
  where: string,
): AttendeeCapabilities {
  const noVideo = features.Video.MaxResolution === 'None';
  const noContent = features.Content.MaxResolution === 'None';
  if (!given)
    return {
      Audio: 'SendReceive',
      Video: noVideo ? 'None' : 'SendReceive',
      Content: noVideo || noContent ? 'None' : 'SendReceive',
    };
  if (noVideo && given.Video !== 'None')
    throw meetingsError.badRequest(
      `${where}.Video: the meeting's video MaxResolution is None, so Video must be None`,
    );
  if (noContent && given.Content !== 'None')
    throw meetingsError.badRequest(
      `${where}.Content: the meeting's content MaxResolution is None, so Content must be None`,
    );
  if (receives(given.Content) && !receives(given.Video)) {
    throw meetingsError.badRequest(
      `${where}: Content ${given.Content} needs Video SendReceive or Receive (Video is ${given.Video})`,
    );
  }
  return given;
}
