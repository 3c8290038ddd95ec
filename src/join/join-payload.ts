/**
 * What the CLI's `--join-url` hands to the join page: the contact's ConnectionData (a Chime meeting
 * and the customer's attendee) as base64url JSON in the URL fragment, which browsers never send to
 * a server, so the join token stays out of every server log. Used by the CLI (encode) and the page
 * (decode); plain Web APIs only, so it runs in Node and in the browser.
 */
import { z } from 'zod';
import { AllowedCapabilities, ConnectionData } from '../shared/connect-schemas';

/** What a /join/ link carries in its fragment: the meeting credentials and the names. */
export const JoinPayload = z.object({
  v: z.literal(1),
  contactId: z.string().min(1),
  displayName: z.string().optional(),
  connectionData: ConnectionData,
  /**
   * Who opens the link: the contact's customer (the CLI's link) or a participant the agent added.
   */
  joiningAs: z.optional(z.enum(['customer', 'participant'])),
  /** What the contact was started with; absent means audio only, as in Connect. */
  allowedCapabilities: z.optional(AllowedCapabilities),
});
export type JoinPayload = z.infer<typeof JoinPayload>;

function toBase64Url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(encoded: string): string {
  const b64 = encoded.replace(/-/g, '+').replace(/_/g, '/');
  const binary = atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4));
  return new TextDecoder().decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
}

/** The join page link for a contact: `${siteUrl}/join/#<base64url JSON>`. */
export function joinUrl(siteUrl: string, payload: JoinPayload): string {
  return `${siteUrl.replace(/\/+$/, '')}/join/#${toBase64Url(JSON.stringify(payload))}`;
}

/**
 * Reads a payload from a location hash (with or without `#`); throws a readable Error when it is
 * not one.
 */
export function decodeJoinPayload(hash: string): JoinPayload {
  const fragment = hash.replace(/^#/, '');
  if (!fragment)
    throw new Error(
      'This link has no call details. Place a call with --join-url and open the link it prints.',
    );
  let raw: unknown;
  try {
    raw = JSON.parse(fromBase64Url(fragment));
  } catch {
    throw new Error('The call details in this link are damaged. Copy the whole link again.');
  }
  const parsed = JoinPayload.safeParse(raw);
  if (!parsed.success)
    throw new Error(
      `The call details in this link are not valid: ${z.prettifyError(parsed.error)}`,
    );
  return parsed.data;
}
