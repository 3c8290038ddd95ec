/**
 * Service-agnostic AWS Signature Version 4 verification for the emulator: the request is signed
 * again with the secret of the access key it names, over exactly the headers it says it signed and
 * with the date, region and service of its own credential scope (so any AWS service emulated under
 * /aws is covered), using the SDK's own signer. Outcomes carry the error AWS answers with.
 */
import { Hash } from '@smithy/hash-node';
import { SignatureV4 } from '@smithy/signature-v4';
import { timingSafeEqual } from 'node:crypto';

/** The raw request as it came off the wire. */
export interface SignedRequest {
  method: string;
  /** Path and query exactly as sent (percent-encoded). */
  url: string;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** What an `Authorization: AWS4-HMAC-SHA256 …` header says. */
export interface SigV4Authorization {
  accessKeyId: string;
  date: string;
  region: string;
  service: string;
  signedHeaders: string[];
  signature: string;
}

const AUTH =
  /^AWS4-HMAC-SHA256\s+Credential=([^/\s,]+)\/(\d{8})\/([^/\s,]+)\/([^/\s,]+)\/aws4_request,\s*SignedHeaders=([a-z0-9;_.-]+),\s*Signature=([0-9a-f]{64})$/;
/** AWS refuses a signature dated more than 15 minutes away from its clock. */
const MAX_SKEW_MS = 15 * 60 * 1000;

/** Parses the Authorization header; undefined when it is not a complete SigV4 header. */
export function parseAuthorization(header: string): SigV4Authorization | undefined {
  const m = AUTH.exec(header.trim());
  if (!m) return undefined;
  const [, accessKeyId = '', date = '', region = '', service = '', signed = '', signature = ''] = m;
  return { accessKeyId, date, region, service, signedHeaders: signed.split(';'), signature };
}

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v.join(',') : v);

function amzDate(value: string | undefined): Date | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value ?? '');
  return m ? new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!)) : undefined;
}

function query(search: URLSearchParams): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const key of new Set(search.keys())) {
    const all = search.getAll(key);
    out[key] = all.length === 1 ? all[0]! : all;
  }
  return out;
}

/** A Signature V4 check: valid, or the reason it is not (the error names AWS answers with). */
export type VerifyOutcome =
  | { ok: true }
  | {
      ok: false;
      type: 'InvalidSignatureException' | 'IncompleteSignatureException';
      message: string;
    };

/** Checks `auth` (parsed from `req`) against `secretAccessKey`; `now` is the server's clock. */
export async function verifySignature(
  req: SignedRequest,
  auth: SigV4Authorization,
  secretAccessKey: string,
  now = Date.now(),
): Promise<VerifyOutcome> {
  const signingDate = amzDate(one(req.headers['x-amz-date']));
  if (
    !signingDate ||
    !auth.signedHeaders.includes('x-amz-date') ||
    !auth.signedHeaders.includes('host')
  ) {
    return {
      ok: false,
      type: 'IncompleteSignatureException',
      message:
        'The request must sign the host and x-amz-date headers with AWS Signature Version 4.',
    };
  }
  if (Math.abs(now - signingDate.getTime()) > MAX_SKEW_MS) {
    return {
      ok: false,
      type: 'InvalidSignatureException',
      message: `Signature expired: ${one(req.headers['x-amz-date'])} is more than 15 minutes away from the server's time.`,
    };
  }
  const headers: Record<string, string> = {};
  for (const name of auth.signedHeaders) headers[name] = one(req.headers[name]) ?? '';
  const url = new URL(req.url, 'http://signed.invalid');
  const signer = new SignatureV4({
    credentials: { accessKeyId: auth.accessKeyId, secretAccessKey },
    region: auth.region,
    service: auth.service,
    sha256: Hash.bind(null, 'sha256'),
    applyChecksum: false,
  });
  const signed = await signer.sign(
    {
      method: req.method,
      protocol: 'http:',
      hostname: headers.host ?? '',
      path: url.pathname,
      query: query(url.searchParams),
      headers,
      body: req.body,
    },
    {
      signingDate,
      signableHeaders: new Set(auth.signedHeaders),
      signingRegion: auth.region,
      signingService: auth.service,
    },
  );
  const expected =
    /Signature=([0-9a-f]{64})/.exec(
      String(signed.headers.authorization ?? signed.headers.Authorization),
    )?.[1] ?? '';
  const match =
    expected.length === auth.signature.length &&
    timingSafeEqual(Buffer.from(expected), Buffer.from(auth.signature));
  return match
    ? { ok: true }
    : {
        ok: false,
        type: 'InvalidSignatureException',
        message:
          'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.',
      };
}
