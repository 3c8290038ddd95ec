/**
 * Issue 9 defects 5, 6 and 8 and issue 10 on /api: body and header timeouts, the documented error
 * shape for every error (404 included), display names without control or bidi characters, call
 * tokens that must expire, and pages the server served itself (its own origin) being allowed.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { SignJWT } from 'jose';
import { customerToken, startBody, testApp } from './testing/api-test-kit';

let app: FastifyInstance;
afterEach(() => app?.close());

const SESSION = new TextEncoder().encode('session-secret-for-tests-0123456789abcdef');
const errorShape = {
  error: { name: expect.any(String), message: expect.any(String), retryable: expect.any(Boolean) },
};

async function listening(
  over: Parameters<typeof testApp>[0] = {},
  extra: Parameters<typeof testApp>[1] = {},
) {
  const t = await testApp(over, extra);
  app = t.app;
  await app.listen({ port: 0, host: '127.0.0.1' });
  return { ...t, port: (app.server.address() as { port: number }).port };
}

describe('/api errors', () => {
  it('answers an unknown path in the documented shape, also when the site is served at /', async () => {
    const dist = mkdtempSync(join(tmpdir(), 'cvc-dist-'));
    mkdirSync(join(dist, 'site'));
    writeFileSync(join(dist, 'site', 'index.html'), '<!doctype html><title>shop</title>');
    ({ app } = await testApp({}, { distDir: dist }));
    for (const [method, url] of [
      ['GET', '/api/nope'],
      ['DELETE', '/api/calls'],
      ['GET', '/api'],
    ] as const) {
      const res = await app.inject({ method, url });
      expect(res.statusCode, `${method} ${url}`).toBe(404);
      expect(res.json()).toEqual({
        error: {
          name: 'ResourceNotFoundException',
          message: expect.stringContaining(url),
          retryable: false,
        },
      });
    }
  });

  it('answers a malformed URL in the documented shape', async () => {
    ({ app } = await testApp());
    const res = await app.inject({ method: 'GET', url: '/api/entry-points/%E0%A4%A' });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject(errorShape);
  });
});

describe('/api display names', () => {
  for (const [what, name] of [
    ['a bidi override', 'Jane \u202Egnp.exe'],
    ['CR/LF', 'Jane\r\nAgent: approved'],
    ['a control character', 'Jane\u0007'],
    ['an isolate', 'Jane\u2067x'],
  ]) {
    it(`refuses ${what} with a 400 that says what is wrong, starting nothing`, async () => {
      const t = await testApp();
      app = t.app;
      const res = await app.inject({
        method: 'POST',
        url: '/api/calls',
        payload: startBody({ displayName: name }),
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().error).toMatchObject({
        name: 'InvalidParameterException',
        message: expect.stringMatching(/displayName.*control|bidi/i),
      });
      expect(t.calls.start).toHaveLength(0);
    });
  }

  it('refuses the same in a customer token name claim', async () => {
    const t = await testApp();
    app = t.app;
    const token = await customerToken({ name: 'Eve\u202E' });
    const res = await app.inject({
      method: 'POST',
      url: '/api/calls',
      payload: startBody({ customerToken: token }),
    });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.message).toMatch(/bidi[^]*at name/);
    expect(t.calls.start).toHaveLength(0);
  });

  it('still accepts names in any script', async () => {
    ({ app } = await testApp());
    const res = await app.inject({
      method: 'POST',
      url: '/api/calls',
      payload: startBody({ displayName: 'José Núñez 山田 محمد' }),
    });
    expect(res.statusCode).toBe(201);
  });
});

describe('/api call tokens', () => {
  it('refuses a correctly signed call token that has no exp', async () => {
    ({ app } = await testApp());
    const token = await new SignJWT({ ins: 'inst-1', ct: 'connection-token' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('contact-1')
      .setIssuer('connect-video-call')
      .setIssuedAt()
      .sign(SESSION);
    const res = await app.inject({
      method: 'GET',
      url: '/api/calls/contact-1',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(res.statusCode).toBe(401);
    expect(res.json()).toMatchObject(errorShape);
  });
});

describe("/api and the server's own origin (issue 10)", () => {
  it('accepts a page served from the 127.0.0.1 address it listens on, though PUBLIC_URL says localhost', async () => {
    const { port, calls } = await listening({ allowedOrigins: ['http://localhost:1'] });
    const res = await fetch(`http://127.0.0.1:${port}/api/calls`, {
      method: 'POST',
      headers: { origin: `http://127.0.0.1:${port}`, 'content-type': 'application/json' },
      body: JSON.stringify(startBody()),
    });
    expect(res.status).toBe(201);
    expect(calls.start).toHaveLength(1);
  });

  it('does not treat a rebound host name or another port as its own origin', async () => {
    const { port, calls } = await listening({ allowedOrigins: ['http://localhost:1'] });
    for (const [origin, host] of [
      [`http://evil.example:${port}`, `evil.example:${port}`],
      [`http://127.0.0.1:${port + 1}`, `127.0.0.1:${port}`],
      [`https://127.0.0.1:${port}`, `127.0.0.1:${port}`],
    ]) {
      const res = await rawPost(port, host!, origin!);
      expect(res, origin).toMatch(/^HTTP\/1.1 403/);
    }
    expect(calls.start).toHaveLength(0);
  });
});

describe('request timeouts', () => {
  it('cuts a request whose body trickles in', async () => {
    const { port } = await listening({}, { timeouts: { headersMs: 1000, requestMs: 1000 } });
    const socket = connect(port, '127.0.0.1');
    socket.on('error', () => undefined);
    socket.write(
      `POST /api/calls HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{`,
    );
    const timer = setInterval(() => socket.write(' '), 200);
    let answer = '';
    socket.on('data', (d) => (answer += d.toString()));
    await new Promise((resolve) => socket.once('close', resolve));
    clearInterval(timer);
    expect(answer).toMatch(/^HTTP\/1.1 408/);
  });

  it('cuts a request whose headers trickle in', async () => {
    const { port } = await listening({}, { timeouts: { headersMs: 1000, requestMs: 5000 } });
    const socket = connect(port, '127.0.0.1');
    socket.on('error', () => undefined);
    socket.write('GET /api/health HTTP/1.1\r\n');
    const timer = setInterval(() => socket.write('X-A: b\r\n'), 200);
    await new Promise((resolve) => socket.once('close', resolve));
    clearInterval(timer);
  });
});

/** A POST with exactly these Host and Origin headers (fetch does not let a test set Host). */
function rawPost(port: number, host: string, origin: string): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    const body = JSON.stringify(startBody());
    let answer = '';
    socket.on('data', (d) => (answer += d.toString()));
    socket.on('error', () => resolve(answer));
    socket.on('close', () => resolve(answer));
    socket.write(
      `POST /api/calls HTTP/1.1\r\nHost: ${host}\r\nOrigin: ${origin}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  });
}
