/**
 * POST /api/calls/:contactId/away and /back over the fake gateway and the in-memory deferred ends:
 * away schedules the end after the entry point's grace and tells the agent (contact attribute),
 * back cancels it and hands out a fresh events URL, End cancels it, only the call's own token is
 * accepted; the sweeper ends exactly the contacts whose customer did not come back.
 */
import { describe, expect, it } from 'vitest';
import { sweepDeferredEnds } from '../deferred-end/deferred-end-sweeper';
import { useAppsWithCall } from './testing/api-test-kit';

const appWithCall = useAppsWithCall();
const quiet = { info: () => undefined, warn: () => undefined };

async function setup(entryPoint = 'default') {
  const t = await appWithCall(entryPoint);
  const post = (what: 'away' | 'back' | 'end', token?: string) => t.callRoute(what, { token });
  return { ...t, post };
}

describe('away and back', () => {
  it('away ends the contact after the grace period when the customer does not come back', async () => {
    const h = await setup('short-grace');
    const before = Date.now();
    const away = await h.post('away');
    expect(away.statusCode).toBe(200);
    const endsAt = Date.parse(away.json().endsAt as string);
    expect(endsAt - before).toBeGreaterThanOrEqual(5000);
    expect(endsAt - Date.now()).toBeLessThanOrEqual(5000);
    expect(h.calls.attributes).toEqual([{ 'cvc-away-until': away.json().endsAt }]);
    const deps = { ends: h.deferredEnds, gateway: h.gateway, logger: quiet };
    expect(await sweepDeferredEnds({ ...deps, now: () => endsAt - 1 })).toBe(0);
    expect(h.calls.disconnect).toEqual([]);
    expect(await sweepDeferredEnds({ ...deps, now: () => endsAt })).toBe(1);
    expect(h.calls.disconnect).toEqual(['connection-token']);
    // Taken once: a second sweeper finds nothing.
    expect(await sweepDeferredEnds({ ...deps, now: () => endsAt + 60_000 })).toBe(0);
  });

  it('back cancels the deferred end, clears the attribute and gives a fresh events URL', async () => {
    const h = await setup();
    const away = await h.post('away');
    expect(Date.parse(away.json().endsAt as string) - Date.now()).toBeGreaterThan(25_000);
    const back = await h.post('back');
    expect(back.statusCode).toBe(200);
    expect(back.json()).toMatchObject({
      status: { contactId: 'contact-1', state: 'queued' },
      eventsUrl: 'wss://x/events',
    });
    expect(h.calls.attributes.at(-1)).toEqual({ 'cvc-away-until': '' });
    const later = await sweepDeferredEnds({
      ends: h.deferredEnds,
      gateway: h.gateway,
      logger: quiet,
      now: () => Date.now() + 120_000,
    });
    expect(later).toBe(0);
    expect(h.calls.disconnect).toEqual([]);
  });

  it('End after a reload ends at once and leaves nothing to end later', async () => {
    const h = await setup();
    await h.post('away');
    await h.post('back');
    await h.post('away');
    expect((await h.post('end')).statusCode).toBe(200);
    expect(h.calls.disconnect).toEqual(['connection-token']);
    expect(await h.deferredEnds.takeDue(Date.now() + 120_000)).toEqual([]);
  });

  it('back from a contact that already ended reports the end and opens nothing', async () => {
    const h = await setup();
    h.gateway.describeContact = async () => ({
      Id: 'contact-1',
      DisconnectTimestamp: new Date(),
    });
    const back = await h.post('back');
    expect(back.json()).toEqual({
      status: expect.objectContaining({ state: 'ended' }) as unknown,
    });
  });

  it('refuses a missing or foreign token with AccessDeniedException and schedules nothing', async () => {
    const h = await setup();
    for (const token of ['', 'not-a-token']) {
      const res = await h.post('away', token);
      expect(res.statusCode).toBe(401);
      expect(res.json().error.name).toBe('AccessDeniedException');
    }
    const other = await h.app.inject({
      method: 'POST',
      url: '/api/calls/another-contact/away',
      headers: { authorization: `Bearer ${h.call.callToken}` },
    });
    expect(other.statusCode).toBe(403);
    expect(await h.deferredEnds.takeDue(Date.now() + 120_000)).toEqual([]);
  });

  it('the entry point says its grace period; grace outside 0–60 s is refused', async () => {
    const h = await setup();
    const info = await h.app.inject({ method: 'GET', url: '/api/entry-points/short-grace' });
    expect(info.json()).toMatchObject({ rejoinGraceSeconds: 5 });
    const { EntryPoint } = await import('../entry-points');
    const base = { id: 'x', instanceId: 'i', contactFlowId: 'f' };
    expect(EntryPoint.parse(base).rejoinGraceSeconds).toBe(30);
    expect(EntryPoint.safeParse({ ...base, rejoinGraceSeconds: 61 }).success).toBe(false);
    expect(EntryPoint.safeParse({ ...base, rejoinGraceSeconds: -1 }).success).toBe(false);
    expect(EntryPoint.safeParse({ ...base, rejoinGraceSeconds: 2.5 }).success).toBe(false);
  });
});
