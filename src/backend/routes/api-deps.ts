/**
 * What the /api routes depend on, and the one body validator they share. Kept apart from the route
 * registration so the route modules do not import each other.
 */
import { z } from 'zod';
import type { ConnectGateway } from '../connect-gateway';
import type { EntryPointRegistry } from '../entry-points';
import type { DeferredEnds } from '../deferred-end/deferred-ends';
import { ApiHttpError } from './api-errors';

/**
 * The /api security settings: allowed origins, trusted hosts, limits, proxies and the token
 * secrets.
 */
export interface ApiSecurity {
  /** Origins (scheme://host[:port]) whose pages may call the API; `*` allows any. */
  allowedOrigins: string[];
  /**
   * Host names this server answers to (PUBLIC_URL's, loopback, MEDIA_ICE_ADDRESS); a page served
   * under one is same-origin.
   */
  trustedHosts?: string[];
  rateLimitPerMinute: number;
  bodyLimitBytes: number;
  trustProxy: boolean;
  customerJwtSecret?: string;
  requireCustomerJwt?: boolean;
  /** Signs call tokens; random per process unless SESSION_SECRET is set. */
  sessionSecret: Uint8Array;
}

/** The part of the gateway the routes use (tests may fake exactly this boundary). */
export type CallGateway = Pick<
  ConnectGateway,
  | 'startWebRTCContact'
  | 'describeContact'
  | 'describeQueue'
  | 'createConnection'
  | 'sendDtmf'
  | 'disconnect'
  | 'updateContactAttributes'
>;

/**
 * Everything the /api routes use: the gateway to Connect, the entry points, the security settings
 * and the stores.
 */
export interface ApiDeps {
  gateway: CallGateway;
  entryPoints: EntryPointRegistry;
  security: ApiSecurity;
  /** Where a customer's away time is kept (absent: leaving the page ends the call at once). */
  deferredEnds?: DeferredEnds;
}

/**
 * Validates a request body against a shared schema; a mismatch is an InvalidParameterException
 * naming the fields.
 */
export function parseBody<T extends z.core.$ZodType>(schema: T, body: unknown): z.infer<T> {
  const parsed = z.safeParse(schema, body ?? {});
  if (parsed.success) return parsed.data;
  const detail = parsed.error.issues
    .map((i) => `${i.path.join('.') || 'body'}: ${i.message}`)
    .join('; ');
  throw new ApiHttpError(400, 'InvalidParameterException', `Invalid request: ${detail}`);
}
