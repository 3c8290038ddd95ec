/**
 * The StartWebRTCContact input and output shapes as the AWS CLI sees them (from the service model):
 * enough to map each `--option` to its member, choose shorthand or JSON, validate types, required
 * members and lengths the way botocore's ParamValidator does, and print skeletons.
 */

export type Shape =
  | { type: 'string'; min?: number; max?: number; enum?: readonly string[] }
  | { type: 'structure'; members: Record<string, Shape>; required?: readonly string[] }
  | { type: 'map'; value: Shape };

const str = (min?: number, max?: number): Shape => ({ type: 'string', min, max });
const SEND = ['SEND'] as const;
const capabilities: Shape = {
  type: 'structure',
  members: { Video: { type: 'string', enum: SEND }, ScreenShare: { type: 'string', enum: SEND } },
};
const reference: Shape = {
  type: 'structure',
  required: ['Type'],
  members: {
    Value: str(0, 4096),
    Type: {
      type: 'string',
      enum: [
        'URL',
        'ATTACHMENT',
        'CONTACT_ANALYSIS',
        'NUMBER',
        'STRING',
        'DATE',
        'EMAIL',
        'EMAIL_MESSAGE',
      ],
    },
    Status: {
      type: 'string',
      enum: ['AVAILABLE', 'DELETED', 'APPROVED', 'REJECTED', 'PROCESSING', 'FAILED'],
    },
    Arn: str(20, 256),
    StatusReason: str(0, 100),
  },
};

/** StartWebRTCContactRequest, members in the order of the reference page. */
export const INPUT: Extract<Shape, { type: 'structure' }> = {
  type: 'structure',
  required: ['ContactFlowId', 'InstanceId', 'ParticipantDetails'],
  members: {
    Attributes: { type: 'map', value: str(0, 32767) },
    ClientToken: str(undefined, 500),
    ContactFlowId: str(undefined, 500),
    InstanceId: str(1, 100),
    AllowedCapabilities: {
      type: 'structure',
      members: { Customer: capabilities, Agent: capabilities },
    },
    ParticipantDetails: {
      type: 'structure',
      required: ['DisplayName'],
      members: { DisplayName: str(1, 256) },
    },
    RelatedContactId: str(1, 256),
    References: { type: 'map', value: reference },
    Description: str(0, 4096),
  },
};

const url = str(1, 2000);
/** StartWebRTCContactResponse. */
export const OUTPUT: Extract<Shape, { type: 'structure' }> = {
  type: 'structure',
  members: {
    ConnectionData: {
      type: 'structure',
      members: {
        Attendee: { type: 'structure', members: { AttendeeId: str(), JoinToken: str() } },
        Meeting: {
          type: 'structure',
          members: {
            MediaRegion: str(),
            MediaPlacement: {
              type: 'structure',
              members: {
                AudioHostUrl: url,
                AudioFallbackUrl: url,
                SignalingUrl: url,
                TurnControlUrl: url,
                EventIngestionUrl: url,
              },
            },
            MeetingFeatures: {
              type: 'structure',
              members: {
                Audio: {
                  type: 'structure',
                  members: {
                    EchoReduction: { type: 'string', enum: ['AVAILABLE', 'UNAVAILABLE'] },
                  },
                },
              },
            },
            MeetingId: str(),
          },
        },
      },
    },
    ContactId: str(),
    ParticipantId: str(),
    ParticipantToken: str(),
  },
};

/** `--contact-flow-id` ⇄ `ContactFlowId`, for every member of the input. */
export function optionName(member: string): string {
  return '--' + member.replace(/([a-z])([A-Z])/g, '$1-$2').toLowerCase();
}

/**
 * Sample JSON for a shape, as `--generate-cli-skeleton` prints it (input: empty strings; output:
 * member names).
 */
export function skeleton(shape: Shape, name: string, useMemberNames: boolean): unknown {
  if (shape.type === 'string') return shape.enum ? shape.enum[0] : useMemberNames ? name : '';
  if (shape.type === 'map') return { KeyName: skeleton(shape.value, 'KeyName', useMemberNames) };
  return Object.fromEntries(
    Object.entries(shape.members).map(([k, s]) => [k, skeleton(s, k, useMemberNames)]),
  );
}
