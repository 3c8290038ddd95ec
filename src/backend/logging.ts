/**
 * Logger options: request lines without query strings or bodies, and every header or field that can
 * carry a secret (SigV4 signatures, bearer tokens, join tokens, participant tokens) redacted, so
 * tokens and personal data never reach the logs.
 */
import type { FastifyServerOptions } from 'fastify';

const REDACTED = [
  'req.headers.authorization',
  'req.headers["x-amz-bearer"]',
  'req.headers["x-amz-security-token"]',
  'req.headers["sec-websocket-protocol"]',
  'req.headers.cookie',
  '*.ParticipantToken',
  '*.ConnectionToken',
  '*.JoinToken',
  '*.callToken',
  '*.customerToken',
  '*.DisplayName',
  '*.displayName',
];

/** Strips the query string: it may hold tokens or personal data. */
export function safeUrl(url: string | undefined): string {
  return (url ?? '').split('?')[0] ?? '';
}

/**
 * pino options at `level`: JSON lines with the contact id where known, tokens and secrets redacted.
 */
export function loggerOptions(level = 'info'): FastifyServerOptions['logger'] {
  return {
    level,
    redact: { paths: REDACTED, censor: '[redacted]' },
    serializers: {
      req: (req: { method: string; url: string; id: string }) => ({
        method: req.method,
        url: safeUrl(req.url),
        id: req.id,
      }),
    },
  };
}
