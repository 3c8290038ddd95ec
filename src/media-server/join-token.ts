/**
 * Join tokens: 32 random bytes in base64url without padding, so they are legal WebSocket
 * sub-protocol tokens (`=`, `/` and `,` would make Chromium's WebSocket constructor throw). The
 * content-share session of the Chime SDK presents `<token>#content` for attendee `<id>#content`.
 */
import { randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';

/** What marks a content-share attendee id and its join token. */
export const CONTENT_SUFFIX = '#content';

/** A fresh unguessable token (256 bits). */
export function newJoinToken(): string {
  return randomBytes(32).toString('base64url');
}

/** A fresh attendee id in the shape Chime uses (a UUID). */
export function newAttendeeId(): string {
  return randomUUID();
}

/** Splits a presented token into the base token and whether it is the content-share session's. */
export function parsePresentedToken(presented: string): { base: string; content: boolean } {
  if (presented.endsWith(CONTENT_SUFFIX))
    return { base: presented.slice(0, -CONTENT_SUFFIX.length), content: true };
  return { base: presented, content: false };
}

/** Constant-time comparison, so response timing does not leak how much of a token matched. */
export function tokensEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Reads the join token from `Sec-WebSocket-Protocol: _aws_wt_session, <token>`. */
export function tokenFromProtocols(header: string | string[] | undefined): string | undefined {
  const raw = Array.isArray(header) ? header.join(',') : (header ?? '');
  const parts = raw
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
  if (parts[0] !== '_aws_wt_session') return undefined;
  return parts[1];
}
