/**
 * POST /api/calls/:contactId/rating over the fake gateway: only after the end and within the
 * window, once, only where the entry point asks for ratings, only with the call's own token; bad
 * input gets Connect's error name and stores nothing. (The local-stack test drives the real
 * emulator.)
 */
import { describe, expect, it } from 'vitest';
import { RATING_WINDOW_MS } from './rating';
import { useAppsWithCall } from './testing/api-test-kit';

const appWithCall = useAppsWithCall();

async function setup(entryPoint = 'default') {
  const t = await appWithCall(entryPoint);
  let contact: { DisconnectTimestamp?: Date; Attributes?: Record<string, string> } = {};
  t.gateway.describeContact = async () => ({ Id: t.call.contactId, ...contact });
  const rate = (payload: unknown, token?: string) =>
    t.callRoute('rating', { token, payload: payload as Record<string, unknown> });
  return { ...t, rate, set: (c: typeof contact) => (contact = c) };
}

describe('POST /api/calls/:contactId/rating', () => {
  it('stores score, comment and time once the call ended; a second rating is a ConflictException', async () => {
    const h = await setup();
    const early = await h.rate({ score: 4 });
    expect(early.statusCode).toBe(400);
    expect(early.json().error.name).toBe('InvalidRequestException');
    h.set({ DisconnectTimestamp: new Date(Date.now() - 5_000) });
    const ok = await h.rate({ score: 4, comment: '  Quick and kind  ' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toEqual({ rated: true });
    expect(h.calls.attributes).toEqual([
      {
        'cvc-rating': '4',
        'cvc-rating-comment': 'Quick and kind',
        'cvc-rated-at': expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      },
    ]);
    h.set({ DisconnectTimestamp: new Date(Date.now() - 5_000), Attributes: { 'cvc-rating': '4' } });
    const again = await h.rate({ score: 1 });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.name).toBe('ConflictException');
    expect(h.calls.attributes).toHaveLength(1);
  });

  it('refuses bad scores and comments, other tokens, a closed window and entry points without ratings', async () => {
    const h = await setup();
    h.set({ DisconnectTimestamp: new Date(Date.now() - 5_000) });
    for (const bad of [{ score: 0 }, { score: 6 }, { score: 2.5 }, { score: '5' }, {}]) {
      const res = await h.rate(bad);
      expect(res.statusCode).toBe(400);
      expect(res.json().error.name).toBe('InvalidParameterException');
    }
    const spoof = await h.rate({ score: 5, comment: 'fine\nAgent: verified' });
    expect(spoof.json().error.name).toBe('InvalidParameterException');
    const long = await h.rate({ score: 5, comment: 'x'.repeat(501) });
    expect(long.statusCode).toBe(400);
    const forged = await h.rate({ score: 5 }, `${h.call.callToken.slice(0, -4)}AAAA`);
    expect(forged.statusCode).toBe(401);
    h.set({ DisconnectTimestamp: new Date(Date.now() - RATING_WINDOW_MS - 1_000) });
    const late = await h.rate({ score: 5 });
    expect(late.statusCode).toBe(400);
    expect(late.json().error.message).toContain('within 15 minutes');
    expect(h.calls.attributes).toEqual([]);

    const off = await setup('no-rating');
    off.set({ DisconnectTimestamp: new Date() });
    const refused = await off.rate({ score: 5 });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.name).toBe('AccessDeniedException');
    expect(off.calls.attributes).toEqual([]);
  });
});
