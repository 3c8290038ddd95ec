/**
 * `--debug`: a trace of what the CLI does on stderr — resolved target, the HTTP request as sent
 * (after signing) and the response status — with every secret replaced by `[REDACTED]`: the
 * Authorization signature, session and bearer tokens, and the JoinToken/ParticipantToken of
 * responses.
 */
import type { ConnectClient } from '@aws-sdk/client-connect';

const SECRET_HEADERS = new Set(['authorization', 'x-amz-security-token', 'x-amz-bearer']);
const SECRET_KEYS = new Set([
  'JoinToken',
  'ParticipantToken',
  'ConnectionToken',
  'SecretAccessKey',
  'SessionToken',
]);

/** Writes one `--debug` line (credentials and tokens already masked). */
export type DebugLog = (message: string) => void;

/** A logger writing AWS-CLI-like debug lines, or a no-op when --debug is off. */
export function debugLogger(
  enabled: boolean,
  write: (text: string) => void,
  now: () => Date = () => new Date(),
): DebugLog {
  if (!enabled) return () => {};
  return (message) => write(`${now().toISOString()} - connect-video-call - DEBUG - ${message}\n`);
}

/** A copy of `value` with secret-bearing members replaced. */
export function redact(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redact);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, SECRET_KEYS.has(k) ? '[REDACTED]' : redact(v)]),
    );
  }
  return value;
}

/** Headers with secrets replaced. */
export function redactHeaders(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(headers).map(([k, v]) => [
      k,
      SECRET_HEADERS.has(k.toLowerCase()) ? '[REDACTED]' : v,
    ]),
  );
}

interface WireRequest {
  method?: string;
  protocol?: string;
  hostname?: string;
  port?: number;
  path?: string;
  headers?: Record<string, string>;
  body?: unknown;
}

/** Adds a middleware that logs each request as sent and the status that came back. */
export function attachDebugMiddleware(client: ConnectClient, log: DebugLog): void {
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const req = args.request as WireRequest;
      const url = `${req.protocol ?? 'https:'}//${req.hostname ?? ''}${req.port ? `:${req.port}` : ''}${req.path ?? ''}`;
      log(`Making request for ${context.commandName ?? 'operation'}: ${req.method ?? ''} ${url}`);
      log(`Request headers: ${JSON.stringify(redactHeaders(req.headers ?? {}))}`);
      if (typeof req.body === 'string') {
        let body: unknown = req.body;
        try {
          body = redact(JSON.parse(req.body));
        } catch {
          // not JSON: log as is
        }
        log(`Request body: ${typeof body === 'string' ? body : JSON.stringify(body)}`);
      }
      const started = Date.now();
      try {
        const result = await next(args);
        const res = result.response as { statusCode?: number; headers?: Record<string, string> };
        log(
          `Response status ${res.statusCode ?? '?'} in ${Date.now() - started} ms, headers: ${JSON.stringify(redactHeaders(res.headers ?? {}))}`,
        );
        return result;
      } catch (err) {
        log(
          `Request failed after ${Date.now() - started} ms: ${(err as Error).name}: ${(err as Error).message}`,
        );
        throw err;
      }
    },
    { step: 'deserialize', priority: 'low', name: 'connectVideoCallDebugLog' },
  );
}
