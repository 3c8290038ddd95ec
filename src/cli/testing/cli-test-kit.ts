/**
 * Test kit for the CLI: run it in-process capturing stdout/stderr, and a loopback HTTP server
 * standing in for the Connect endpoint at the network boundary, recording every request the
 * official SDK client sends (method, path, headers, parsed body).
 */
import {
  createServer,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type ServerResponse,
} from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { CliEnv } from '../connect-target';
import { runCli } from '../run-cli';

/** What one CLI run ended with: exit code and everything written to stdout and stderr. */
export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * The arguments of `start-web-rtc-contact` against `endpointUrl` with instance `i`, flow `f` and a
 * customer called `J`, followed by `extra`.
 */
export const startContactArgs = (endpointUrl: string, ...extra: string[]): string[] => [
  'start-web-rtc-contact',
  '--endpoint-url',
  endpointUrl,
  '--instance-id',
  'i',
  '--contact-flow-id',
  'f',
  '--participant-details',
  'DisplayName=J',
  ...extra,
];

/** Runs the CLI with `argv` and `env`, as the bin would. */
export async function run(argv: string[], env: CliEnv = {}, terminalWidth = 80): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await runCli({
    argv,
    env,
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    terminalWidth,
  });
  return { code, stdout, stderr };
}

/** One request the fake endpoint received from the SDK client, with its JSON body parsed. */
export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: Record<string, unknown> | undefined;
}

/**
 * The StartWebRTCContact response the fake endpoint answers with, so tests can compare the CLI's
 * output to it.
 */
export const SAMPLE_RESPONSE = {
  ContactId: 'c-123',
  ParticipantId: 'p-456',
  ParticipantToken: 'participant-secret-token',
  ConnectionData: {
    Attendee: { AttendeeId: 'att-1', JoinToken: 'join-secret-token' },
    Meeting: {
      MediaRegion: 'us-east-1',
      MeetingId: 'meet-1',
      MediaPlacement: {
        AudioHostUrl: 'wss://h/audio',
        SignalingUrl: 'wss://h/control/meet-1',
        AudioFallbackUrl: 'wss://h/fb',
        TurnControlUrl: 'https://h/turn',
        EventIngestionUrl: 'https://h/events',
      },
      MeetingFeatures: { Audio: { EchoReduction: 'AVAILABLE' } },
    },
  },
};

/**
 * The fake Connect endpoint: its URL, what it received, and how to make it fail or answer slowly.
 */
export interface FakeEndpoint {
  url: string;
  requests: RecordedRequest[];
  /** Makes the next StartWebRTCContact fail with this error. */
  failNext(status: number, name: string, message: string): void;
  /** Holds every response back this long (read-timeout tests). */
  delay(ms: number): void;
  close(): Promise<void>;
}

/**
 * Starts the stand-in endpoint on a free loopback port (https when given a key and certificate).
 */
export async function startFakeEndpoint(tls?: {
  key: string;
  cert: string;
}): Promise<FakeEndpoint> {
  const requests: RecordedRequest[] = [];
  let failure: { status: number; name: string; message: string } | undefined;
  let delayMs = 0;
  const handler = (req: IncomingMessage, res: ServerResponse) => {
    let raw = '';
    req.on('data', (c: Buffer) => (raw += c.toString()));
    req.on('end', () => {
      const path = req.url ?? '';
      requests.push({
        method: req.method ?? '',
        path,
        headers: req.headers,
        body: raw ? JSON.parse(raw) : undefined,
      });
      const send = (status: number, body: unknown, headers: Record<string, string> = {}) =>
        setTimeout(() => {
          if (res.destroyed) return;
          res.writeHead(status, {
            'content-type': 'application/json',
            'x-amzn-requestid': 'req-1',
            ...headers,
          });
          res.end(JSON.stringify(body));
        }, delayMs);
      if (path.endsWith('/contact/webrtc') && failure) {
        const f = failure;
        failure = undefined;
        send(f.status, { Message: f.message }, { 'x-amzn-errortype': f.name });
      } else if (path.endsWith('/contact/webrtc')) send(200, SAMPLE_RESPONSE);
      else if (/\/instance(\?|$)/.test(path))
        send(200, { InstanceSummaryList: [{ Id: 'inst-local', InstanceAlias: 'local' }] });
      else if (path.includes('/contact-flows-summary/'))
        send(200, {
          ContactFlowSummaryList: [{ Id: 'flow-local', ContactFlowType: 'CONTACT_FLOW' }],
        });
      else
        send(
          404,
          { Message: `no route ${path}` },
          { 'x-amzn-errortype': 'UnknownOperationException' },
        );
    });
  };
  const server = tls ? createTlsServer(tls, handler) : createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `${tls ? 'https' : 'http'}://127.0.0.1:${port}/aws`,
    requests,
    failNext: (status, name, message) => (failure = { status, name, message }),
    delay: (ms) => (delayMs = ms),
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
