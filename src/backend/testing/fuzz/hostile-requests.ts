/**
 * Fuzz kit: malformed HTTP requests for every route of the server (the /api endpoints, every
 * emulator operation, the agent desk API and the static site), as raw bytes written to a socket.
 */
import { randomBytes } from 'node:crypto';

/**
 * One malformed request case: a name for the report and the raw bytes (given the Host header
 * value).
 */
export interface RequestCase {
  name: string;
  bytes: (host: string) => Buffer;
}

const AGENT = '0336b503-1430-41e8-9e50-f660e2ad5be0';
const INSTANCE = '2639718f-95c5-4bc8-9a3a-1540ddcb76c9';
const FLOW = 'd501a97f-adeb-401a-a3f8-e8455e83aa7d';

/** Every route as method + path (ids where the route needs some). */
export const ROUTES: Array<[string, string]> = [
  ['GET', '/api/health'],
  ['GET', '/api/entry-points/default'],
  ['POST', '/api/calls'],
  ['GET', '/api/calls/c-1'],
  ['POST', '/api/calls/c-1/dtmf'],
  ['POST', '/api/calls/c-1/end'],
  ['POST', '/api/calls/cancel'],
  ['PUT', '/aws/contact/webrtc'],
  ['POST', '/aws/contact/stop'],
  ['GET', `/aws/contacts/${INSTANCE}/c-1`],
  ['GET', `/aws/contact/attributes/${INSTANCE}/c-1`],
  ['POST', '/aws/contact/attributes'],
  ['POST', '/aws/contact/create-participant'],
  ['GET', '/aws/instance'],
  ['GET', `/aws/contact-flows-summary/${INSTANCE}`],
  ['GET', `/aws/contact-flows/${INSTANCE}/${FLOW}`],
  ['POST', '/aws/participant/connection'],
  ['POST', '/aws/participant/message'],
  ['POST', '/aws/participant/disconnect'],
  ['POST', '/aws/participant/transcript'],
  ['GET', '/local/desk/agents'],
  ['GET', `/local/desk/agents/${AGENT}/state`],
  ['POST', `/local/desk/agents/${AGENT}/status`],
  ['POST', `/local/desk/agents/${AGENT}/contacts/c-1/accept`],
  ['POST', `/local/desk/agents/${AGENT}/contacts/c-1/reject`],
  ['GET', `/local/desk/agents/${AGENT}/contacts/c-1/connection`],
  ['POST', `/local/desk/agents/${AGENT}/contacts/c-1/end`],
  ['POST', `/local/desk/agents/${AGENT}/after-contact-work/complete`],
  ['GET', '/'],
  ['GET', '/agent/'],
];

const SIGV4 = `AWS4-HMAC-SHA256 Credential=AKIDFUZZ/20260101/us-east-1/connect/aws4_request, SignedHeaders=host;x-amz-date, Signature=${'0'.repeat(64)}`;
const req = (head: string, headers: string[], body: Buffer | string = '') =>
  Buffer.concat([
    Buffer.from(`${head}\r\n${headers.join('\r\n')}\r\n\r\n`, 'latin1'),
    Buffer.from(body),
  ]);
const common = (host: string) => [
  `Host: ${host}`,
  `Authorization: ${SIGV4}`,
  'X-Amz-Date: 20260101T000000Z',
  'X-Amz-Bearer: fuzz-token',
  'Authorization-Bearer: x',
  'Connection: close',
];

/** The malformed variants sent to each route. */
const VARIANTS: Array<{ name: string; build: (m: string, p: string, host: string) => Buffer }> = [
  {
    name: 'invalid JSON body',
    build: (m, p, h) =>
      req(
        `${m} ${p} HTTP/1.1`,
        [...common(h), 'Content-Type: application/json', 'Content-Length: 9'],
        '{"a":1,,}',
      ),
  },
  {
    name: 'JSON of the wrong shape',
    build: (m, p, h) =>
      req(
        `${m} ${p} HTTP/1.1`,
        [...common(h), 'Content-Type: application/json', 'Content-Length: 35'],
        '[{"__proto__":{"polluted":true}},1]',
      ),
  },
  {
    name: 'Content-Length beyond the body, then EOF',
    build: (m, p, h) =>
      req(
        `${m} ${p} HTTP/1.1`,
        [...common(h), 'Content-Type: application/json', 'Content-Length: 100000'],
        '{"a":',
      ),
  },
  {
    name: 'body over the limit (2 MiB)',
    build: (m, p, h) =>
      req(
        `${m} ${p} HTTP/1.1`,
        [...common(h), 'Content-Type: application/json', `Content-Length: ${2 << 20}`],
        Buffer.alloc(2 << 20, 0x20),
      ),
  },
  {
    name: 'bad chunked encoding',
    build: (m, p, h) =>
      req(
        `${m} ${p} HTTP/1.1`,
        [...common(h), 'Content-Type: application/json', 'Transfer-Encoding: chunked'],
        'zz\r\n{}\r\n0\r\n\r\n',
      ),
  },
  {
    name: 'Content-Length and Transfer-Encoding together',
    build: (m, p, h) =>
      req(
        `${m} ${p} HTTP/1.1`,
        [...common(h), 'Content-Length: 4', 'Transfer-Encoding: chunked'],
        '0\r\n\r\nGET / HTTP/1.1\r\n\r\n',
      ),
  },
  {
    name: 'invalid percent-encoding in the path',
    build: (m, p, h) => req(`${m} ${p}/%E0%A4%A HTTP/1.1`, common(h)),
  },
  {
    name: 'Origin: null',
    build: (m, p, h) =>
      req(
        `${m} ${p} HTTP/1.1`,
        [...common(h), 'Origin: null', 'Content-Type: application/json', 'Content-Length: 2'],
        '{}',
      ),
  },
  {
    name: 'foreign Host (DNS rebinding)',
    build: (m, p) =>
      req(
        `${m} ${p} HTTP/1.1`,
        [
          ...common('evil.example'),
          'Origin: http://evil.example',
          'Content-Type: application/json',
          'Content-Length: 2',
        ],
        '{}',
      ),
  },
];

/** Requests malformed in ways no route changes, and garbage that is no request at all. */
const GARBAGE: RequestCase[] = [
  {
    name: 'unexpected content type',
    bytes: (h) =>
      req(
        'POST /api/calls HTTP/1.1',
        [
          `Host: ${h}`,
          'Content-Type: multipart/form-data; boundary=x',
          'Content-Length: 5',
          'Connection: close',
        ],
        '--x--',
      ),
  },
  {
    name: 'oversized header (64 KiB)',
    bytes: (h) => req('GET /api/health HTTP/1.1', [`Host: ${h}`, `X-Big: ${'a'.repeat(65_536)}`]),
  },
  {
    name: 'control characters in a header',
    bytes: (h) => req('GET /local/desk/agents HTTP/1.1', [`Host: ${h}`, 'X-Bad: a\u0001b\u007f']),
  },
  {
    name: 'unknown method',
    bytes: (h) => req('FUZZ /aws/instance HTTP/1.1', [`Host: ${h}`, 'Connection: close']),
  },
  { name: 'random bytes instead of a request', bytes: () => randomBytes(2048) },
  { name: 'HTTP/9.9 request line', bytes: (h) => req('GET / HTTP/9.9', [`Host: ${h}`]) },
  {
    name: 'request line of 100 KiB',
    bytes: (h) => req(`GET /${'a'.repeat(100_000)} HTTP/1.1`, [`Host: ${h}`]),
  },
  {
    name: 'upgrade to an unknown path',
    bytes: (h) =>
      req('GET /nope HTTP/1.1', [
        `Host: ${h}`,
        'Upgrade: websocket',
        'Connection: Upgrade',
        'Sec-WebSocket-Version: 13',
        'Sec-WebSocket-Key: AAAAAAAAAAAAAAAAAAAAAA==',
      ]),
  },
  {
    name: 'upgrade with a bad key and version',
    bytes: (h) =>
      req('GET /control/x HTTP/1.1', [
        `Host: ${h}`,
        'Upgrade: websocket',
        'Connection: Upgrade',
        'Sec-WebSocket-Version: 99',
        'Sec-WebSocket-Key: !',
      ]),
  },
];

/** Every route × every variant, then the garbage. */
export function requestCases(): RequestCase[] {
  const cases = ROUTES.flatMap(([method, path]) =>
    VARIANTS.map((v) => ({
      name: `${method} ${path}: ${v.name}`,
      bytes: (host: string) => v.build(method, path, host),
    })),
  );
  return [...cases, ...GARBAGE];
}
