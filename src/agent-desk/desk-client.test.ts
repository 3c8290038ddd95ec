import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiClientError } from '../api/api-fetch';
import { deskClient } from './desk-client';

const respond = (status: number, body: unknown) =>
  vi.fn(
    async (_url: string, _init?: RequestInit) =>
      new Response(JSON.stringify(body), {
        status,
        headers: { 'content-type': 'application/json' },
      }),
  );

describe('desk client (through the shared fetch wrapper)', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('lists agents validated by the shared AgentList schema', async () => {
    const f = respond(200, {
      agents: [{ id: 'a1', username: 'ana', name: 'Ana', status: 'OFFLINE' }],
    });
    vi.stubGlobal('fetch', f);
    expect(await deskClient.listAgents()).toEqual([
      { id: 'a1', username: 'ana', name: 'Ana', status: 'OFFLINE' },
    ]);
    expect(f.mock.calls[0]?.[0]).toBe('/local/desk/agents');
    vi.stubGlobal('fetch', respond(200, { agents: [{ id: 'a1', status: 'ASLEEP' }] }));
    await expect(deskClient.listAgents()).rejects.toMatchObject({ name: 'InvalidResponse' });
  });

  it('a refused request carries the Connect error name and message', async () => {
    const f = respond(409, { error: { name: 'InvalidStateException', message: 'not ringing' } });
    vi.stubGlobal('fetch', f);
    const err = await deskClient.accept('a1', 'c1').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiClientError);
    expect(err).toMatchObject({
      name: 'InvalidStateException',
      message: 'not ringing',
      status: 409,
    });
    expect(f.mock.calls[0]?.[0]).toBe('/local/desk/agents/a1/contacts/c1/accept');
    expect(f.mock.calls[0]?.[1]?.method).toBe('POST');
  });
});
