/**
 * Test kit: the ways a request reaches the /api app, so one contract suite runs over all of them.
 * Fastify injection, the standalone server on a loopback port, the Fetch handler, the Node handler
 * on a plain `http` server, and the Lambda handler fed API Gateway HTTP API and function URL
 * events. useServedApp serves the api-test-kit app over one of them, a fresh one per test.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { afterEach } from 'vitest';
import { createFetchHandler } from '../../handlers/fetch-handler';
import { createLambdaHandler } from '../../handlers/lambda-handler';
import { createNodeHandler } from '../../handlers/node-handler';
import type { ApiSecurity } from '../api-deps';
import { testApp } from './api-test-kit';
import { lambdaEvent, type ApiRequest } from './lambda-events';

/** The transport-neutral request every contract test is written in. */
export type { ApiRequest } from './lambda-events';

/** A response as the tests read it, whichever transport carried it. */
export interface ApiResponse {
  statusCode: number;
  headers: Record<string, string | string[] | number | undefined>;
  json(): any; // eslint-disable-line @typescript-eslint/no-explicit-any -- tests read arbitrary JSON bodies
}

/** One app served over one transport: send requests, then close what the transport opened. */
export interface ApiClient {
  inject(request: ApiRequest): Promise<ApiResponse>;
  close(): Promise<void>;
}

/** One way a request reaches the app (its name titles the test), turning an app into a client. */
export interface ApiTransport {
  name: string;
  connect(app: FastifyInstance): Promise<ApiClient>;
}

const encode = (r: ApiRequest) => {
  const headers: Record<string, string> = { ...r.headers };
  if (r.payload === undefined || typeof r.payload === 'string')
    return { headers, body: r.payload as string | undefined };
  headers['content-type'] ??= 'application/json';
  return { headers, body: JSON.stringify(r.payload) };
};

const response = (
  statusCode: number,
  headers: Record<string, string | undefined>,
  text: string,
): ApiResponse => ({
  statusCode,
  headers,
  json: () => JSON.parse(text),
});

const fromFetch = async (res: Response) =>
  response(res.status, Object.fromEntries(res.headers), await res.text());

const fetchAt = (base: string) => (r: ApiRequest) => {
  const { headers, body } = encode(r);
  return fetch(base + r.url, {
    method: r.method,
    headers,
    ...(body !== undefined ? { body } : {}),
  }).then(fromFetch);
};

async function listenOn(app: FastifyInstance): Promise<ApiClient> {
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  return { inject: fetchAt(`http://127.0.0.1:${port}`), close: () => app.close() };
}

async function nodeServer(app: FastifyInstance): Promise<ApiClient> {
  const server = createServer(createNodeHandler({ app }));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    inject: fetchAt(`http://127.0.0.1:${port}`),
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await app.close();
    },
  };
}

function lambda(kind: 'http-api' | 'function-url') {
  return async (app: FastifyInstance): Promise<ApiClient> => {
    const handler = createLambdaHandler({ app });
    return {
      inject: async (r) => {
        const { headers, body } = encode(r);
        const out = await handler(lambdaEvent(kind, { ...r, headers, payload: body }));
        const text = out.isBase64Encoded ? Buffer.from(out.body, 'base64').toString() : out.body;
        return response(
          out.statusCode,
          Object.fromEntries(
            Object.entries(out.headers).map(([k, v]) => [k.toLowerCase(), String(v)]),
          ),
          text,
        );
      },
      close: () => app.close(),
    };
  };
}

/** Every way the /api contract is served. */
export const API_TRANSPORTS: ApiTransport[] = [
  {
    name: 'Fastify inject',
    connect: async (app) => ({
      inject: async (r) => app.inject(r as never),
      close: () => app.close(),
    }),
  },
  { name: 'standalone server', connect: listenOn },
  {
    name: 'Fetch handler',
    connect: async (app) => {
      const handle = createFetchHandler({ app });
      return {
        inject: (r) => {
          const { headers, body } = encode(r);
          return handle(
            new Request(`https://calls.example${r.url}`, {
              method: r.method,
              headers,
              ...(body !== undefined ? { body } : {}),
            }),
          ).then(fromFetch);
        },
        close: () => app.close(),
      };
    },
  },
  { name: 'Node http handler', connect: nodeServer },
  { name: 'Lambda (HTTP API)', connect: lambda('http-api') },
  { name: 'Lambda (function URL)', connect: lambda('function-url') },
];

/**
 * For the tests of a `describe.each(API_TRANSPORTS)` block: `serve()` builds testApp (the recording
 * gateway fake) with these security settings and serves it through `transport`; `app` is its client
 * until the test ends, when it is closed.
 */
export function useServedApp(transport: ApiTransport) {
  let client: ApiClient | undefined;
  afterEach(async () => {
    await client?.close();
    client = undefined;
  });
  return {
    get app(): ApiClient {
      if (!client) throw new Error('useServedApp: call serve() first');
      return client;
    },
    async serve(security: Partial<ApiSecurity> = {}) {
      const t = await testApp(security);
      client = await transport.connect(t.app);
      return { ...t, app: client };
    },
  };
}
