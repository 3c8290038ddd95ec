/**
 * Validation of StartWebRTCContact input exactly as Connect models and documents it: member lengths
 * and enums (InvalidParameterException), attribute key charset and the 32,768-byte attribute
 * budget, reference types allowed at creation (ATTACHMENT and others: InvalidRequestException),
 * well-formed reference values and the 4,096-byte reference budget.
 */
import { z } from 'zod';
import { connectError } from './aws-error';
import { parseInput } from './parse-input';

const Capabilities = z.strictObject({
  Video: z.literal('SEND').optional(),
  ScreenShare: z.literal('SEND').optional(),
});
/** StartWebRTCContact's AllowedCapabilities, as Connect validates them. */
export const AllowedCapabilitiesInput = z.strictObject({
  Customer: Capabilities.optional(),
  Agent: Capabilities.optional(),
});

interface SegmentValue {
  ValueString?: string;
  ValueInteger?: number;
  ValueMap?: Record<string, SegmentValue>;
  ValueList?: SegmentValue[];
  ValueArn?: string;
}
const SegmentValue: z.ZodType<SegmentValue> = z.lazy(() =>
  z.strictObject({
    ValueString: z.string().max(1024).optional(),
    ValueInteger: z.number().int().optional(),
    ValueMap: z.record(z.string().min(1).max(128), SegmentValue).optional(),
    ValueList: z.array(SegmentValue).optional(),
    ValueArn: z.string().max(1024).optional(),
  }),
);
/** StartWebRTCContact's SegmentAttributes. */
export const SegmentAttributesInput = z.record(z.string().min(1).max(128), SegmentValue);

const REFERENCE_TYPES = [
  'URL',
  'ATTACHMENT',
  'CONTACT_ANALYSIS',
  'NUMBER',
  'STRING',
  'DATE',
  'EMAIL',
  'EMAIL_MESSAGE',
  'EMAIL_MESSAGE_PLAIN_TEXT',
  'EMAIL_MESSAGE_PLAIN_TEXT_REDACTED',
  'EMAIL_MESSAGE_REDACTED',
] as const;
const Reference = z.object({
  Type: z.enum(REFERENCE_TYPES),
  Value: z.string().max(4096).optional(),
  Status: z
    .enum(['AVAILABLE', 'DELETED', 'APPROVED', 'REJECTED', 'PROCESSING', 'FAILED'])
    .optional(),
  Arn: z
    .string()
    .min(20)
    .max(256)
    .regex(/^[-:/A-Za-z0-9]+$/)
    .optional(),
  StatusReason: z.string().max(100).optional(),
});

/** StartWebRTCContact's Attributes. */
export const AttributesInput = z.record(z.string().min(1).max(32767), z.string().max(32767));

/** StartWebRTCContact's request body. */
export const StartWebRTCContactInput = z.object({
  InstanceId: z.string().min(1).max(100),
  ContactFlowId: z.string().min(1).max(500),
  ParticipantDetails: z.object({ DisplayName: z.string().min(1).max(256) }),
  Attributes: AttributesInput.optional(),
  ClientToken: z.string().min(1).max(500).optional(),
  AllowedCapabilities: AllowedCapabilitiesInput.optional(),
  RelatedContactId: z.string().min(1).max(256).optional(),
  References: z.record(z.string().min(1).max(4096), Reference).optional(),
  Description: z.string().max(4096).optional(),
  SegmentAttributes: SegmentAttributesInput.optional(),
});
export type StartWebRTCContactInput = z.infer<typeof StartWebRTCContactInput>;

/** Connect's limit on all attributes of a contact together. */
export const MAX_ATTRIBUTE_BYTES = 32_768;
/** Connect's limit on a contact's references together. */
export const MAX_REFERENCE_BYTES = 4_096;
const CREATION_REFERENCE_TYPES = new Set(['URL', 'NUMBER', 'STRING', 'DATE', 'EMAIL']);
const bytes = (s: string) => Buffer.byteLength(s, 'utf8');

/**
 * Parses a body with a zod schema; the first problem becomes an InvalidParameterException naming
 * the member.
 */
export function parseConnectInput<T>(schema: z.ZodType<T>, body: unknown): T {
  return parseInput(schema, body, connectError.invalidParameter);
}

/**
 * Connect's attribute rules: keys `A-Z a-z 0-9 - _`, at most 32,768 UTF-8 bytes over all keys and
 * values.
 */
export function checkAttributes(attributes: Record<string, string>): void {
  let total = 0;
  for (const [key, value] of Object.entries(attributes)) {
    if (!/^[A-Za-z0-9_-]+$/.test(key))
      throw connectError.invalidParameter(
        `Attributes: key "${key.slice(0, 64)}" may only contain A-Z a-z 0-9 - _`,
      );
    total += bytes(key) + bytes(value);
  }
  if (total > MAX_ATTRIBUTE_BYTES)
    throw connectError.invalidParameter(
      `Attributes: ${total} UTF-8 bytes in total, at most ${MAX_ATTRIBUTE_BYTES} are allowed`,
    );
}

const wellFormed: Record<string, (v: string) => boolean> = {
  URL: (v) => {
    try {
      return ['http:', 'https:'].includes(new URL(v).protocol);
    } catch {
      return false;
    }
  },
  EMAIL: (v) => v.length <= 254 && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v),
  NUMBER: (v) => /^[+-]?\d+(\.\d+)?$/.test(v),
  DATE: (v) => /^\d{1,13}(\.\d+)?$/.test(v),
  STRING: () => true,
};

/** Reference rules at contact creation: allowed types, well-formed values, 4,096 bytes in total. */
export function checkReferences(
  references: NonNullable<StartWebRTCContactInput['References']>,
): void {
  let total = 0;
  for (const [key, ref] of Object.entries(references)) {
    if (!CREATION_REFERENCE_TYPES.has(ref.Type)) {
      throw connectError.invalidRequest(
        `References.${key}: type ${ref.Type} cannot be set when a contact is created (allowed: URL, NUMBER, STRING, DATE, EMAIL)`,
      );
    }
    const value = ref.Value ?? '';
    if (!wellFormed[ref.Type]?.(value)) {
      const expected = ref.Type === 'DATE' ? 'an epoch timestamp' : `a well-formed ${ref.Type}`;
      throw connectError.invalidParameter(`References.${key}: Value must be ${expected}`);
    }
    total += bytes(key) + bytes(value);
  }
  if (total > MAX_REFERENCE_BYTES)
    throw connectError.invalidParameter(
      `References: ${total} UTF-8 bytes in total, at most ${MAX_REFERENCE_BYTES} are allowed`,
    );
}

/** Full validation of a StartWebRTCContact body (existence of ids is checked by the operation). */
export function parseStartWebRTCContact(body: unknown): StartWebRTCContactInput {
  const input = parseConnectInput(StartWebRTCContactInput, body);
  if (input.Attributes) checkAttributes(input.Attributes);
  if (input.References) checkReferences(input.References);
  const subtype = input.SegmentAttributes?.['connect:Subtype'];
  if (subtype && subtype.ValueString !== 'connect:WebRTC') {
    throw connectError.invalidParameter(
      'SegmentAttributes.connect:Subtype: a WebRTC contact has the subtype connect:WebRTC',
    );
  }
  return input;
}
