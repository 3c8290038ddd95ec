/**
 * TURN credentials for JOIN_ACK, as Chime sends them. With a TURN service configured (e.g. coturn
 * with `use-auth-secret` and `static-auth-secret` on the media server's address), they are
 * time-limited TURN REST API credentials: username `<expiry>:<attendeeId>`, password
 * base64(HMAC-SHA1(secret, username)); the SDK then relays all media through it
 * (`iceTransportPolicy: 'relay'`). Without one, credentials with no URIs: the SDK accepts them (no
 * "missing TURN credentials" error) and, having no TURN server to use, keeps host-candidate ICE
 * (CreatePeerConnectionTask only sets relay when `uris` is non-empty).
 */
import { createHmac, randomBytes } from 'node:crypto';
import type { JoinAck } from './signaling-frames';

/** A TURN service that shares a secret with this server (TURN REST API). */
export interface TurnService {
  /** Host name or address of the TURN service, as browsers reach it. */
  host: string;
  port: number;
  /** coturn's `static-auth-secret`. Never logged. */
  secret: string;
}

/** How long TURN credentials are valid: a day, longer than any call. */
export const TURN_TTL_SECONDS = 86_400;

type TurnCredentials = NonNullable<JoinAck['turnCredentials']>;

/** The `turn_credentials` of one JOIN_ACK for `attendeeId`. */
export function turnCredentials(
  service: TurnService | undefined,
  attendeeId: string,
  nowMs = Date.now(),
): TurnCredentials {
  if (!service)
    return {
      username: 'local-no-turn',
      password: randomBytes(16).toString('base64url'),
      ttl: TURN_TTL_SECONDS,
      uris: [],
    };
  const username = `${Math.floor(nowMs / 1000) + TURN_TTL_SECONDS}:${attendeeId}`;
  const password = createHmac('sha1', service.secret).update(username).digest('base64');
  const base = `turn:${service.host}:${service.port}`;
  return {
    username,
    password,
    ttl: TURN_TTL_SECONDS,
    uris: [`${base}?transport=udp`, `${base}?transport=tcp`],
  };
}
