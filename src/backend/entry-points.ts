/**
 * Entry points: named, server-side call configurations. The site owner decides the instance, flow,
 * capabilities and which attributes the page may set; the browser only names the entry point.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { MaxVideoQuality } from '../shared/call-api';
import { AllowedCapabilities } from '../shared/connect-schemas';

/**
 * One entry point: the Connect instance, flow and capabilities a page's widget starts calls with,
 * and the widget's settings for them.
 */
export const EntryPoint = z.strictObject({
  id: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'entry point ids are lowercase letters, digits and -'),
  instanceId: z.string().min(1).max(100),
  contactFlowId: z.string().min(1).max(500),
  allowedCapabilities: z._default(AllowedCapabilities, {}),
  /** Attribute keys the page may set; anything else is refused. */
  allowedAttributes: z.array(z.string().regex(/^[A-Za-z0-9_-]+$/)).default([]),
  /** Fixed attributes always sent (e.g. the site or brand). */
  attributes: z.record(z.string(), z.string()).default({}),
  /** Shown to the agent; `{displayName}` and `{attr.<key>}` are filled in. */
  description: z.string().max(4096).optional(),
  /** References shown to the agent; values may use the same placeholders. */
  references: z
    .record(
      z.string(),
      z.object({ Type: z.enum(['URL', 'NUMBER', 'STRING', 'DATE', 'EMAIL']), Value: z.string() }),
    )
    .default({}),
  /** Require a customer JWT signed by the website for this entry point. */
  requireCustomerToken: z.boolean().default(false),
  /** Ask the customer for a 1–5 rating on the ended screen (stored as contact attributes). */
  rating: z.boolean().default(true),
  /**
   * Seconds the contact waits for a customer whose page went away (reload, another page of the
   * site) before it ends; at most Connect's 60-second participant rule. 0 ends the call when the
   * page goes.
   */
  rejoinGraceSeconds: z.number().int().min(0).max(60).default(30),
  /**
   * The highest camera quality the customer sends (`360p`, `540p` or `720p`: capture size and a
   * bitrate cap). Absent: no cap below the meeting's 720p, and the quality adapts to the network.
   */
  maxVideoQuality: z.optional(MaxVideoQuality),
});
export type EntryPoint = z.infer<typeof EntryPoint>;

/** Entry points by id, as the /api routes look them up. */
export type EntryPointRegistry = ReadonlyMap<string, EntryPoint>;

/** Reads and validates an entry-points JSON file (an array of entry points). */
export function loadEntryPointsFile(path: string): EntryPoint[] {
  const raw: unknown = JSON.parse(readFileSync(path, 'utf8'));
  const parsed = z.array(EntryPoint).safeParse(raw);
  if (!parsed.success)
    throw new Error(`Invalid entry points in ${path}: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

/** The registry of `list`, refusing two entry points with one id. */
export function entryPointRegistry(list: EntryPoint[]): EntryPointRegistry {
  const map = new Map<string, EntryPoint>();
  for (const ep of list) {
    if (map.has(ep.id)) throw new Error(`Entry point "${ep.id}" is defined twice`);
    map.set(ep.id, ep);
  }
  return map;
}

/** Fills `{displayName}` and `{attr.<key>}` placeholders in a description or reference template. */
export function fillTemplate(
  template: string,
  values: { displayName: string; attributes: Record<string, string> },
): string {
  return template.replace(
    /\{(displayName|attr\.([A-Za-z0-9_-]+))\}/g,
    (_m, what: string, key?: string) =>
      what === 'displayName' ? values.displayName : (values.attributes[key ?? ''] ?? ''),
  );
}
