/**
 * The /api security contract (origins, limits, customer JWT, malformed input) over every way the
 * backend is served.
 */
import { describe, expect, it } from 'vitest';
import { customerToken, startBody, TEST_ORIGIN } from './testing/api-test-kit';
import { API_TRANSPORTS, useServedApp } from './testing/api-transports';

describe.each(API_TRANSPORTS)('over $name', (transport) => {
  const api = useServedApp(transport);

  describe('/api origin allow-list (CORS)', () => {
    it('answers the preflight of an allowed origin', async () => {
      await api.serve();
      const res = await api.app.inject({
        method: 'OPTIONS',
        url: '/api/calls',
        headers: {
          origin: TEST_ORIGIN,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'content-type',
        },
      });
      expect(res.statusCode).toBe(204);
      expect(res.headers['access-control-allow-origin']).toBe(TEST_ORIGIN);
    });

    it('refuses a foreign origin without starting a contact', async () => {
      const t = await api.serve();
      const res = await api.app.inject({
        method: 'POST',
        url: '/api/calls',
        headers: { origin: 'https://evil.example' },
        payload: startBody(),
      });
      expect(res.statusCode).toBe(403);
      expect(res.json().error).toMatchObject({
        name: 'AccessDeniedException',
        message: expect.stringContaining('https://evil.example'),
      });
      expect(res.headers['access-control-allow-origin']).toBeUndefined();
      expect(t.calls.start).toHaveLength(0);
    });

    it('accepts requests without an Origin (server to server)', async () => {
      await api.serve();
      expect(
        (await api.app.inject({ method: 'GET', url: '/api/entry-points/default' })).statusCode,
      ).toBe(200);
    });
  });

  describe('/api limits', () => {
    it('rate-limits one client and says when to retry', async () => {
      await api.serve({ rateLimitPerMinute: 3 });
      const codes = [];
      for (let i = 0; i < 5; i++)
        codes.push(
          (await api.app.inject({ method: 'GET', url: '/api/entry-points/default' })).statusCode,
        );
      expect(codes).toEqual([200, 200, 200, 429, 429]);
      const res = await api.app.inject({ method: 'GET', url: '/api/entry-points/default' });
      expect(res.json().error).toMatchObject({ name: 'ThrottlingException', retryable: true });
      expect(res.headers['retry-after']).toBeDefined();
    });

    it('refuses a body over the size limit with a JSON error', async () => {
      const t = await api.serve({ bodyLimitBytes: 1024 });
      const res = await api.app.inject({
        method: 'POST',
        url: '/api/calls',
        payload: startBody({ displayName: 'x'.repeat(2000) }),
      });
      expect(res.statusCode).toBe(413);
      expect(res.json().error.name).toBe('PayloadTooLargeException');
      expect(t.calls.start).toHaveLength(0);
    });

    it('answers malformed JSON with InvalidParameterException', async () => {
      await api.serve();
      const res = await api.app.inject({
        method: 'POST',
        url: '/api/calls',
        headers: { 'content-type': 'application/json' },
        payload: '{"entryPoint":',
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.name).toBe('InvalidParameterException');
    });
  });

  describe('/api customer JWT', () => {
    it('lets the attributes and name claims override what the page sends', async () => {
      const t = await api.serve();
      const token = await customerToken({
        name: 'Verified Jane',
        attributes: { product: 'from-token', tier: 'gold' },
      });
      const res = await api.app.inject({
        method: 'POST',
        url: '/api/calls',
        payload: startBody({ attributes: { product: 'from-page' }, customerToken: token }),
      });
      expect(res.statusCode).toBe(201);
      expect(t.calls.start[0]?.Attributes).toEqual({
        site: 'shop',
        product: 'from-token',
        tier: 'gold',
      });
      expect(t.calls.start[0]?.ParticipantDetails?.DisplayName).toBe('Verified Jane');
    });

    it.each([
      [
        'a bad signature',
        () => customerToken({}, 300, 'another-secret-another-secret-another-secret'),
        'not valid',
      ],
      ['an expired token', () => customerToken({}, -60), 'expired'],
      ['an expiry more than 10 minutes ahead', () => customerToken({}, 3600), 'within 10 minutes'],
      [
        'a token without exp',
        async () => (await customerToken({})).replace(/^[^.]+\.[^.]+/, 'x.y'),
        'not valid',
      ],
    ])('refuses %s', async (_what, make, message) => {
      const t = await api.serve();
      const res = await api.app.inject({
        method: 'POST',
        url: '/api/calls',
        payload: startBody({ customerToken: await make() }),
      });
      expect(res.statusCode).toBe(401);
      expect(res.json().error).toMatchObject({
        name: 'AccessDeniedException',
        message: expect.stringContaining(message),
      });
      expect(t.calls.start).toHaveLength(0);
    });

    it('requires a token where the entry point says so', async () => {
      await api.serve();
      const res = await api.app.inject({
        method: 'POST',
        url: '/api/calls',
        payload: startBody({ entryPoint: 'members' }),
      });
      expect(res.statusCode).toBe(401);
      expect(
        (await api.app.inject({ method: 'GET', url: '/api/entry-points/members' })).json()
          .requiresCustomerToken,
      ).toBe(true);
      const ok = await api.app.inject({
        method: 'POST',
        url: '/api/calls',
        payload: startBody({ entryPoint: 'members', customerToken: await customerToken({}) }),
      });
      expect(ok.statusCode).toBe(201);
    });
  });

  describe('malformed requests', () => {
    it('answers a broken percent-encoding with a JSON error, for /api and the emulator alike', async () => {
      await api.serve();
      const res = await api.app.inject({ method: 'GET', url: '/api/calls/%ZZ' });
      expect(res.statusCode).toBe(400);
      expect(res.headers['x-amzn-errortype']).toBe('InvalidParameterException');
      expect(res.json().error.name).toBe('InvalidParameterException');
    });
  });
});
