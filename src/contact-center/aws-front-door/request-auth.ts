/**
 * Who sent a request to /aws, decided as AWS decides it: no signature at all is
 * MissingAuthenticationTokenException (except for the operations AWS serves unsigned); a malformed
 * one IncompleteSignatureException; with credentials to check against, an unknown access key is
 * UnrecognizedClientException and a wrong signature InvalidSignatureException.
 */
import { Readable } from 'node:stream';
import type { FastifyRequest } from 'fastify';
import { parseAuthorization, verifySignature } from './sigv4-verify';

/** An access key pair the front door accepts (LOCAL_AWS_ACCESS_KEY_ID and its secret). */
export interface AwsCredential {
  accessKeyId: string;
  secretAccessKey: string;
}

/** A request's authentication: accepted, or refused with Connect's error name and what is wrong. */
export type AuthOutcome =
  { ok: true; internal: boolean } | { ok: false; status: number; type: string; message: string };

interface AuthOptions {
  credentials?: AwsCredential;
  internal: AwsCredential;
  unsigned: (path: string) => boolean;
  bodyLimitBytes: number;
  /** Where the front door is mounted (`/aws`); `unsigned` is asked about the path below it. */
  prefix: string;
}

/** Reads the body (up to the limit) so it can be hashed, then hands the same bytes on. */
async function readBody(
  payload: NodeJS.ReadableStream,
  limit: number,
): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of payload) {
    size += (chunk as Buffer).length;
    if (size > limit) return undefined;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

function replay(body: Buffer): Readable {
  const stream = Readable.from(body.length > 0 ? [body] : []);
  (stream as unknown as { receivedEncodedLength: number }).receivedEncodedLength = body.length;
  return stream;
}

const fail = (status: number, type: string, message: string): AuthOutcome => ({
  ok: false,
  status,
  type,
  message,
});

/** Authenticates `req` on its raw bytes. Returns the outcome and the body to parse on. */
export async function authenticateRequest(
  req: FastifyRequest,
  payload: NodeJS.ReadableStream,
  options: AuthOptions,
): Promise<{ outcome: AuthOutcome; body: Readable }> {
  const body = await readBody(payload, options.bodyLimitBytes);
  if (!body)
    return {
      outcome: fail(
        413,
        'RequestEntityTooLargeException',
        `The request body is larger than ${options.bodyLimitBytes} bytes.`,
      ),
      body: replay(Buffer.alloc(0)),
    };
  return { outcome: await decide(req, body, options), body: replay(body) };
}

async function decide(
  req: FastifyRequest,
  body: Buffer,
  options: AuthOptions,
): Promise<AuthOutcome> {
  const header = req.headers.authorization;
  const rawPath = (req.raw.url ?? '').split('?')[0] ?? '';
  if (!header) {
    return options.unsigned(rawPath.slice(options.prefix.length))
      ? { ok: true, internal: false }
      : fail(403, 'MissingAuthenticationTokenException', 'Missing Authentication Token');
  }
  const auth = parseAuthorization(header);
  if (!auth) {
    return fail(
      400,
      'IncompleteSignatureException',
      "Authorization header requires 'Credential', 'SignedHeaders' and 'Signature' parameters of AWS Signature Version 4 (AWS4-HMAC-SHA256).",
    );
  }
  const signed = { method: req.method, url: req.raw.url ?? '/', headers: req.headers, body };
  const known =
    auth.accessKeyId === options.internal.accessKeyId ? options.internal : options.credentials;
  // no local credentials configured: any access key works, as documented
  if (!known) return { ok: true, internal: false };
  if (known.accessKeyId !== auth.accessKeyId)
    return fail(
      403,
      'UnrecognizedClientException',
      'The security token included in the request is invalid.',
    );
  const verdict = await verifySignature(signed, auth, known.secretAccessKey);
  if (!verdict.ok)
    return fail(
      verdict.type === 'IncompleteSignatureException' ? 400 : 403,
      verdict.type,
      verdict.message,
    );
  return { ok: true, internal: known === options.internal };
}
