/**
 * Optional customer authentication: the website signs a short JWT (HS256, shared secret) for its
 * signed-in customer. Its `attributes` claim wins over anything the page sends, and its `name`
 * claim (if any) becomes the display name, so a verified identity cannot be overridden from the
 * browser.
 */
import { jwtVerify } from 'jose';
import { z } from 'zod';
import { DisplayName } from '../../shared/display-name';
import { ApiHttpError } from './api-errors';

/** A customer token may be valid for at most this long into the future. */
export const MAX_CUSTOMER_TOKEN_SECONDS = 600;

const Claims = z.object({
  exp: z.number(),
  name: z.optional(DisplayName),
  attributes: z.record(z.string(), z.string()).optional(),
});
/**
 * The customer claims the site's backend may sign into a customer JWT (name and contact
 * attributes).
 */
export type CustomerClaims = z.infer<typeof Claims>;

/**
 * Verifies a site-signed customer JWT and returns its claims; an invalid one is a 401 with what is
 * wrong.
 */
export async function verifyCustomerToken(
  token: string,
  secret: Uint8Array,
  nowMs = Date.now(),
): Promise<CustomerClaims> {
  let payload: unknown;
  try {
    ({ payload } = await jwtVerify(token, secret, {
      algorithms: ['HS256'],
      requiredClaims: ['exp'],
      currentDate: new Date(nowMs),
    }));
  } catch (err) {
    const why =
      (err as { code?: string }).code === 'ERR_JWT_EXPIRED'
        ? 'has expired'
        : 'is not valid (bad signature, algorithm or format)';
    throw new ApiHttpError(401, 'AccessDeniedException', `The customer token ${why}.`);
  }
  const parsed = Claims.safeParse(payload);
  if (!parsed.success)
    throw new ApiHttpError(
      401,
      'AccessDeniedException',
      `The customer token's claims are invalid: ${z.prettifyError(parsed.error)}`,
    );
  if (parsed.data.exp > nowMs / 1000 + MAX_CUSTOMER_TOKEN_SECONDS) {
    throw new ApiHttpError(
      401,
      'AccessDeniedException',
      `The customer token must expire within ${MAX_CUSTOMER_TOKEN_SECONDS / 60} minutes.`,
    );
  }
  return parsed.data;
}
