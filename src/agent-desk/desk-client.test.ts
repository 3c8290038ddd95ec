import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiClientError } from '../api/api-fetch';
import { deskClient, watchDesk } from './desk-client';

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

/** The browser's EventSource as far as watchDesk uses it: named events, open and error. */
class FakeEventSource extends EventTarget {
  static last: FakeEventSource | undefined;
  onopen: (() => void) | null = null;
  onerror: (() => void) | null = null;
  closed = false;
  constructor(readonly url: string) {
    super();
    FakeEventSource.last = this;
  }
  send(data: string) {
    this.dispatchEvent(new MessageEvent('desk', { data }));
  }
  close() {
    this.closed = true;
  }
}

describe('watchDesk', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });

  it('passes on every state it can read and reports, never drops silently, one it cannot', () => {
    vi.stubGlobal('EventSource', FakeEventSource);
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const states: unknown[] = [];
    const stop = watchDesk(
      'a1',
      (s) => states.push(s),
      () => undefined,
    );
    const source = FakeEventSource.last!;
    expect(source.url).toBe('/local/desk/agents/a1/events');
    const agent = { id: 'a1', username: 'ana', name: 'Ana', status: 'AVAILABLE', statusSince: 1 };
    source.send(JSON.stringify({ agent, afterContactWorkSeconds: 10 }));
    expect(states).toHaveLength(1);
    source.send(
      JSON.stringify({ agent: { ...agent, status: 'ASLEEP' }, afterContactWorkSeconds: 10 }),
    );
    source.send('{not json');
    expect(states).toHaveLength(1);
    expect(errors).toHaveBeenCalledTimes(2);
    expect(String(errors.mock.calls[0]![1])).toContain('agent.status');
    expect(errors.mock.calls[1]![1]).toBe('not JSON');
    stop();
    expect(source.closed).toBe(true);
  });
});
