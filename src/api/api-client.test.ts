import { afterEach, describe, expect, it, vi } from 'vitest';
import { apiFetch, apiUrl, ApiClientError } from './api-fetch';
import { parseContactFrame, JOINED, ENDED } from './contact-events';
import { CallStatus } from '../shared/call-api';

const respond = (status: number, body: unknown) =>
  vi.fn(
    async () =>
      new Response(JSON.stringify(body), {
        status,
        headers: { 'content-type': 'application/json' },
      }),
  );

describe('apiFetch', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('joins base URLs with or without /api', () => {
    expect(apiUrl('https://x.test', '/calls')).toBe('https://x.test/api/calls');
    expect(apiUrl('https://x.test/api/', '/calls')).toBe('https://x.test/api/calls');
  });

  it('validates answers and sends the bearer token', async () => {
    const f = respond(200, { contactId: 'c', state: 'queued', queueName: 'Q' });
    vi.stubGlobal('fetch', f);
    const s = await apiFetch({
      baseUrl: 'http://h',
      path: '/calls/c',
      schema: CallStatus,
      callToken: 'tok',
    });
    expect(s.state).toBe('queued');
    const init = (f.mock.calls[0] as unknown as [string, RequestInit])[1];
    expect((init.headers as Record<string, string>).authorization).toBe('Bearer tok');
  });

  it('turns an ApiError answer into ApiClientError with the Connect name', async () => {
    vi.stubGlobal(
      'fetch',
      respond(400, {
        error: { name: 'InvalidParameterException', message: 'displayName: too long' },
      }),
    );
    const err = await apiFetch({ baseUrl: 'http://h', path: '/calls', schema: CallStatus }).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(ApiClientError);
    expect(err).toMatchObject({
      errorName: 'InvalidParameterException',
      status: 400,
      retryable: false,
      message: 'displayName: too long',
    });
  });

  it('marks 5xx and unreachable backends retryable, and rejects malformed answers', async () => {
    vi.stubGlobal('fetch', respond(503, 'oops'));
    await expect(
      apiFetch({ baseUrl: 'http://h', path: '/x', schema: CallStatus }),
    ).rejects.toMatchObject({ status: 503, retryable: true });
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))),
    );
    await expect(
      apiFetch({ baseUrl: 'http://h', path: '/x', schema: CallStatus }),
    ).rejects.toMatchObject({ errorName: 'NetworkError', status: 0, retryable: true });
    vi.stubGlobal('fetch', respond(200, { state: 'nonsense' }));
    await expect(
      apiFetch({ baseUrl: 'http://h', path: '/x', schema: CallStatus }),
    ).rejects.toMatchObject({ errorName: 'InvalidResponse' });
  });
});

describe('contact events', () => {
  const frame = (item: object) =>
    JSON.stringify({ topic: 'aws/chat', content: JSON.stringify(item) });
  it('reads captions, the agent joining and the end', () => {
    expect(
      parseContactFrame(
        frame({
          Type: 'MESSAGE',
          ContentType: 'text/plain',
          Content: 'Welcome',
          ParticipantRole: 'SYSTEM',
          Id: '1',
        }),
      ),
    ).toMatchObject({ type: 'caption', text: 'Welcome', id: '1' });
    expect(
      parseContactFrame(
        frame({ Type: 'EVENT', ContentType: JOINED, ParticipantRole: 'AGENT', DisplayName: 'Ana' }),
      ),
    ).toEqual({ type: 'agent-joined', name: 'Ana' });
    expect(parseContactFrame(frame({ Type: 'EVENT', ContentType: ENDED }))).toEqual({
      type: 'ended',
    });
  });
  it('ignores customer messages, other topics and garbage', () => {
    expect(
      parseContactFrame(frame({ Type: 'EVENT', ContentType: JOINED, ParticipantRole: 'CUSTOMER' })),
    ).toBeNull();
    expect(
      parseContactFrame(
        frame({
          Type: 'MESSAGE',
          ContentType: 'text/plain',
          Content: 'hi',
          ParticipantRole: 'CUSTOMER',
        }),
      ),
    ).toBeNull();
    expect(parseContactFrame(JSON.stringify({ topic: 'aws/heartbeat' }))).toBeNull();
    expect(parseContactFrame('not json')).toBeNull();
  });
});
