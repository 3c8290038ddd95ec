/**
 * The call token: what the browser holds to act on the contact it started (status, DTMF, end).
 * A short-lived HS256 JWT signed with the server's session secret, so the backend stays stateless
 * and any server behind a load balancer with the same SESSION_SECRET accepts it. It carries the
 * customer's own Participant Service connection token, which only that customer may use anyway.
 */
import { SignJWT, jwtVerify } from 'jose';
import { ApiHttpError } from './api-errors';

/**
 * What a call token carries: the contact, its instance and the customer's Participant Service
 * tokens.
 */
export interface CallClaims {
  contactId: string;
  instanceId: string;
  connectionToken: string;
  /** The entry point the call was started for (absent in tokens minted before it was added). */
  entryPointId?: string;
  /**
   * The customer's ParticipantToken (valid for the participant's lifetime): a page that comes back
   * after a reload trades it for a fresh events WebSocket (absent in older tokens).
   */
  participantToken?: string;
}

const ISSUER = 'connect-video-call';
const LIFETIME = '12h';

/** Signs a call token (HS256, 12 hours) for `claims`. */
export async function mintCallToken(claims: CallClaims, secret: Uint8Array): Promise<string> {
  return new SignJWT({
    ins: claims.instanceId,
    ct: claims.connectionToken,
    ...(claims.entryPointId ? { ep: claims.entryPointId } : {}),
    ...(claims.participantToken ? { pt: claims.participantToken } : {}),
  })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(claims.contactId)
    .setIssuer(ISSUER)
    .setIssuedAt()
    .setExpirationTime(LIFETIME)
    .sign(secret);
}

/** Verifies the `Authorization: Bearer` call token and that it belongs to `contactId`. */
export async function verifyCallToken(
  authorization: string | undefined,
  contactId: string,
  secret: Uint8Array,
): Promise<CallClaims> {
  const token = /^Bearer (.+)$/i.exec(authorization ?? '')?.[1];
  if (!token)
    throw new ApiHttpError(
      401,
      'AccessDeniedException',
      'Send the call token from the start response as "Authorization: Bearer <token>".',
    );
  let payload: Record<string, unknown>;
  try {
    ({ payload } = await jwtVerify(token, secret, {
      issuer: ISSUER,
      algorithms: ['HS256'],
      requiredClaims: ['exp'],
    }));
  } catch {
    throw new ApiHttpError(
      401,
      'AccessDeniedException',
      'The call token is invalid or has expired.',
    );
  }
  if (payload.sub !== contactId)
    throw new ApiHttpError(
      403,
      'AccessDeniedException',
      'The call token does not belong to this contact.',
    );
  if (typeof payload.ins !== 'string' || typeof payload.ct !== 'string')
    throw new ApiHttpError(401, 'AccessDeniedException', 'The call token is malformed.');
  return {
    contactId,
    instanceId: payload.ins,
    connectionToken: payload.ct,
    ...(typeof payload.ep === 'string' ? { entryPointId: payload.ep } : {}),
    ...(typeof payload.pt === 'string' ? { participantToken: payload.pt } : {}),
  };
}
