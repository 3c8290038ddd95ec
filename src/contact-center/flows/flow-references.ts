/**
 * Attribute references of the flow language: `$.Attributes.x`,
 * `$.SegmentAttributes['connect:Subtype']`, `$.Queue.Name`, … resolved against the contact and the
 * running flow. An unresolvable reference is `undefined` (Compare then takes NoMatchingCondition;
 * interpolated text gets an empty string).
 */
import type { ContactRecord, SegmentAttributeValue } from '../contacts/contact-record';
import { DEFAULT_LANGUAGE, DEFAULT_VOICE } from '../speech/voices';

/** What a reference can see while a flow runs. */
export interface FlowScope {
  contact: ContactRecord;
  flowAttributes: Record<string, string>;
  external: Record<string, string>;
  storedCustomerInput?: string;
  /** The working queue set by UpdateContactTargetQueue (or the queue the contact is in). */
  queue?: { id: string; name: string; arn: string };
  instanceArn: string;
  region: string;
}

const SEGMENT = /^(?:\.([A-Za-z0-9_-]+)|\['([^']*)'\]|\["([^"]*)"\])/;

/** Splits `$.A.b['c:d']` into `['A', 'b', 'c:d']`; undefined when it is not a reference. */
export function splitPath(path: string): string[] | undefined {
  if (!path.startsWith('$')) return undefined;
  const parts: string[] = [];
  let rest = path.slice(1);
  while (rest.length > 0) {
    const m = SEGMENT.exec(rest);
    if (!m) return undefined;
    parts.push(m[1] ?? m[2] ?? m[3] ?? '');
    rest = rest.slice(m[0].length);
  }
  return parts.length > 0 ? parts : undefined;
}

function segmentValue(v: SegmentAttributeValue | undefined): string | undefined {
  if (!v) return undefined;
  if (v.ValueString !== undefined) return v.ValueString;
  if (v.ValueInteger !== undefined) return String(v.ValueInteger);
  return v.ValueArn;
}

function systemRoot(scope: FlowScope): Record<string, unknown> {
  const c = scope.contact;
  return {
    ContactId: c.id,
    InitialContactId: c.initialContactId,
    PreviousContactId: c.relatedContactId,
    Channel: 'VOICE',
    InitiationMethod: 'WEBRTC_API',
    InstanceARN: scope.instanceArn,
    AwsRegion: scope.region,
    Name: c.name,
    Description: c.description,
    LanguageCode: c.languageCode ?? DEFAULT_LANGUAGE,
    TextToSpeechVoiceId: c.textToSpeechVoice ?? DEFAULT_VOICE,
    StoredCustomerInput: scope.storedCustomerInput,
    Attributes: c.attributes,
    FlowAttributes: scope.flowAttributes,
    External: scope.external,
    Queue: scope.queue ? { Name: scope.queue.name, ARN: scope.queue.arn } : undefined,
    References: c.references,
  };
}

/** Resolves one whole reference to a string, or undefined. */
export function resolveReference(path: string, scope: FlowScope): string | undefined {
  const parts = splitPath(path);
  if (!parts) return undefined;
  if (parts[0] === 'SegmentAttributes')
    return parts.length === 2
      ? segmentValue(scope.contact.segmentAttributes[parts[1] ?? ''])
      : undefined;
  let node: unknown = systemRoot(scope);
  for (const part of parts) {
    if (node === null || typeof node !== 'object' || !Object.hasOwn(node, part)) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  if (typeof node === 'string') return node;
  if (typeof node === 'number' || typeof node === 'boolean') return String(node);
  return undefined;
}

/** A parameter that is static or one whole JSONPath ("static or one JSONPath" rule class). */
export function resolveValue(value: string, scope: FlowScope): string | undefined {
  return value.startsWith('$.') || value.startsWith('$[') ? resolveReference(value, scope) : value;
}

const EMBEDDED = /\$(?:\.[A-Za-z0-9_-]+|\['[^']*'\]|\["[^"]*"\])+/g;

/** Text with embedded references ("static or dynamic" rule class): each reference is replaced. */
export function interpolate(text: string, scope: FlowScope): string {
  return text.replace(EMBEDDED, (ref) => resolveReference(ref, scope) ?? '');
}
