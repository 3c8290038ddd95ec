/**
 * Handlers built from a configuration: validated when the handler is created (nothing is built for
 * a bad one), then wired by the composition root exactly like the standalone server in aws mode.
 */
import type { FastifyBaseLogger } from 'fastify';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { testEntryPoint } from '../routes/testing/api-test-kit';
import type { ServerConfigInput } from '../server-config';
import { createFetchHandler } from './fetch-handler';
import { createLambdaHandler } from './lambda-handler';
import { createNodeHandler } from './node-handler';
import { lambdaEvent } from '../routes/testing/lambda-events';

const SECRET = 'session-secret-for-tests-0123456789abcdef';
const awsConfig: ServerConfigInput = {
  CONNECT_MODE: 'aws',
  AWS_REGION: 'eu-west-2',
  SESSION_SECRET: SECRET,
  ALLOWED_ORIGINS: ['https://shop.example'],
  LOG_LEVEL: 'silent',
};

describe.each([
  ['createFetchHandler', createFetchHandler],
  ['createNodeHandler', createNodeHandler],
  ['createLambdaHandler', createLambdaHandler],
] as const)('%s from a configuration', (_name, create) => {
  it.each<[ServerConfigInput, RegExp]>([
    [{ ...awsConfig, CONNECT_MODE: 'local' }, /CONNECT_MODE must be "aws"/],
    [{ ...awsConfig, SESSION_SECRET: undefined }, /SESSION_SECRET is required/],
    [{ ...awsConfig, SESSION_SECRET: 'short' }, /SESSION_SECRET must be at least 32 characters/],
    [{ ...awsConfig, RATE_LIMIT_PER_MINUTE: 'many' }, /RATE_LIMIT_PER_MINUTE/],
  ])('refuses %j when created', (config, message) => {
    expect(() => create({ config, entryPoints: [testEntryPoint] })).toThrow(message);
  });

  it('needs entry points', () => {
    expect(() => create({ config: awsConfig })).toThrow(/No entry points/);
  });
});

describe('a handler built from a configuration', () => {
  it('serves the entry points and the origin policy it was configured with (Fetch)', async () => {
    const handle = createFetchHandler({ config: awsConfig, entryPoints: [testEntryPoint] });
    const ok = await handle(
      new Request('https://calls.example/api/entry-points/default', {
        headers: { origin: 'https://shop.example' },
      }),
    );
    expect(ok.status).toBe(200);
    expect(ok.headers.get('access-control-allow-origin')).toBe('https://shop.example');
    expect(await ok.json()).toMatchObject({ id: 'default', allowedAttributes: ['product'] });
    const foreign = await handle(
      new Request('https://calls.example/api/entry-points/default', {
        headers: { origin: 'https://evil.example' },
      }),
    );
    expect(foreign.status).toBe(403);
  });

  it('answers a JSON error on every request when the app cannot be built (Lambda)', async () => {
    const handle = createLambdaHandler({
      config: { ...awsConfig, ENTRY_POINTS_FILE: '/no/such/entry-points.json' },
    });
    const out = await handle(
      lambdaEvent('http-api', { method: 'GET', url: '/api/entry-points/default' }),
    );
    expect(out.statusCode).toBe(500);
    expect(JSON.parse(out.body).error).toMatchObject({
      name: 'InternalServerException',
      retryable: true,
    });
  });

  it('logs why the app could not be built, once, where its 500 answer says to look', async () => {
    const lines: Array<{ level: number; msg: string; err?: { message: string } }> = [];
    const logger = pino(
      { level: 'info' },
      { write: (line: string) => void lines.push(JSON.parse(line)) },
    ) as FastifyBaseLogger;
    const handle = createLambdaHandler({
      config: { ...awsConfig, ENTRY_POINTS_FILE: '/no/such/entry-points.json' },
      logger,
    });
    const event = lambdaEvent('http-api', { method: 'GET', url: '/api/entry-points/default' });
    expect((await handle(event)).statusCode).toBe(500);
    expect((await handle(event)).statusCode).toBe(500);
    const errors = lines.filter((l) => l.level >= 50);
    expect(errors).toHaveLength(1);
    expect(errors[0]!.msg).toMatch(/failed to start/);
    expect(errors[0]!.err?.message).toMatch(/no\/such\/entry-points\.json/);
  });
});
