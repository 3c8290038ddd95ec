/**
 * The real session dependencies over a stubbed `fetch`: a DTMF key press that fails once and is
 * retried sends the same clientToken both times (so Connect's SendMessage takes it once), and the
 * next key press gets a new one.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { QueryClient } from '@tanstack/react-query';
import { createSessionDeps } from './session-deps';

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

afterEach(() => vi.unstubAllGlobals());

describe('session deps: DTMF', () => {
  it('a retried key press carries the same clientToken; the next press a new one', async () => {
    const bodies: Array<{ digits: string; clientToken: string }> = [];
    let failures = 1;
    vi.stubGlobal(
      'fetch',
      vi.fn(async (_url: string, init: RequestInit) => {
        bodies.push(JSON.parse(String(init.body)) as { digits: string; clientToken: string });
        if (failures-- > 0)
          return json(503, {
            error: { name: 'ThrottlingException', message: 'slow down', retryable: true },
          });
        return json(200, { messageId: `m-${bodies.length}`, sentAt: '2026-01-01T00:00:00.000Z' });
      }),
    );
    const deps = createSessionDeps(new QueryClient(), 'http://h');
    await deps.sendDtmf('c-1', 'tok', '2');
    expect(bodies).toHaveLength(2);
    expect(bodies[1]).toEqual(bodies[0]);
    expect(bodies[0]!.clientToken.length).toBeGreaterThanOrEqual(16);
    await deps.sendDtmf('c-1', 'tok', '2');
    expect(bodies[2]!.clientToken).not.toBe(bodies[0]!.clientToken);
  });
});
