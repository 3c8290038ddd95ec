/**
 * Reload and navigation: the running call is kept in this tab's sessionStorage, released on
 * `pagehide` (the backend told the customer is away, nothing ended), and the next page rejoins it
 * as the same attendee; a duplicated tab's copy (still held) is refused; an ended or failed call
 * leaves nothing to rejoin.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { call, choice, setup } from './testing/session-harness';
import { claimSavedCall, hasCallToRejoin } from './saved-call';

/** A sessionStorage of one tab (the Node test environment has none). */
function tabStorage() {
  const items = new Map<string, string>();
  return {
    getItem: (k: string) => items.get(k) ?? null,
    setItem: (k: string, v: string) => void items.set(k, v),
    removeItem: (k: string) => void items.delete(k),
    items,
  };
}
let tab: ReturnType<typeof tabStorage>;
beforeEach(() => {
  tab = tabStorage();
  (globalThis as { sessionStorage?: unknown }).sessionStorage = tab;
});
afterEach(() => {
  delete (globalThis as { sessionStorage?: unknown }).sessionStorage;
});

describe('rejoin after a reload or another page', () => {
  it("keeps the agent's name that came after the status poll connected the call, for the rejoin", async () => {
    const first = setup();
    await first.session.start(choice);
    first.status({ contactId: 'c-1', state: 'connected' });
    expect(first.session.getState()).toMatchObject({
      phase: { phase: 'in-call' },
      agentName: null,
    });
    first.event({ type: 'agent-joined', name: 'Sam' });
    expect(first.session.getState().agentName).toBe('Sam');
    first.session.leavePage();
    expect(claimSavedCall('http://h', 'default')?.agentName).toBe('Sam');
  });

  it('leaving the page releases the call and tells the backend; the next page rejoins it', async () => {
    const first = setup();
    await first.session.start(choice);
    first.event({ type: 'agent-joined', name: 'Sam' });
    first.advance(42_000);
    first.store.update({ status: { kind: 'joined', joinedAt: 1 }, muted: true, cameraOn: false });
    first.session.leavePage();
    expect(first.deps.callAway).toHaveBeenCalledWith('c-1', 'tok');
    expect(first.deps.endCall).not.toHaveBeenCalled();
    expect(first.engine.leave).toHaveBeenCalled();
    expect(first.events).not.toContainEqual(expect.objectContaining({ type: 'ended' }));
    await first.session.dispose(); // the element going away with the page ends nothing either
    expect(first.deps.endCall).not.toHaveBeenCalled();
    expect(hasCallToRejoin('http://h', 'default')).toBe(true);
    expect(hasCallToRejoin('http://h', 'other-entry-point')).toBe(false);

    const next = setup();
    const saved = claimSavedCall('http://h', 'default')!;
    expect(saved.call).toEqual(call);
    await next.session.rejoin(saved);
    expect(next.deps.startCall).not.toHaveBeenCalled();
    expect(next.deps.callBack).toHaveBeenCalledWith('c-1', 'tok');
    expect(next.engine.join).toHaveBeenCalledWith(
      expect.objectContaining({ credentials: call.connectionData, video: false }),
    );
    expect(next.engine.setMuted).toHaveBeenCalledWith(true);
    expect(next.deps.openEvents).toHaveBeenCalledWith('ws://events-2', expect.any(Function));
    // The call timer goes on from the agent's connect on the first page.
    const phase = next.session.getState().phase;
    expect(phase).toMatchObject({ phase: 'in-call', startedAt: 1000 });
    expect(next.session.getState().agentName).toBe('Sam');
    next.advance(42_000); // both fake clocks began at the same time: 42 s after the agent connected
    await next.session.end();
    expect(next.events).toContainEqual(
      expect.objectContaining({ type: 'ended', endedBy: 'customer', durationSeconds: 42 }),
    );
    expect(tab.items.size).toBe(0);
  });

  it('a duplicated tab (sessionStorage copied while the call is held) refuses the copy', async () => {
    const h = setup();
    await h.session.start(choice);
    const copy = new Map(tab.items);
    expect(copy.size).toBe(1);
    tab.items.clear();
    for (const [k, v] of copy) tab.items.set(k, v);
    expect(claimSavedCall('http://h', 'default')).toBeNull();
    expect(tab.items.size).toBe(0); // the copy is forgotten
    for (const [k, v] of copy) tab.items.set(k, v);
    expect(hasCallToRejoin('http://h', 'default')).toBe(false); // the launcher of the copy's page
    expect(tab.items.size).toBe(0);
  });

  it('a call that ended while the customer was away shows as ended; a refused rejoin fails visibly', async () => {
    const first = setup();
    await first.session.start(choice);
    first.session.leavePage();
    const next = setup();
    next.deps.callBack.mockResolvedValueOnce({ status: { contactId: 'c-1', state: 'ended' } });
    await next.session.rejoin(claimSavedCall('http://h', 'default')!);
    // The customer learns why: the call ended while they were away (cvc-ended says `away`).
    expect(next.session.getState().phase).toMatchObject({ phase: 'ended', endedBy: 'away' });
    expect(next.events).toContainEqual(expect.objectContaining({ type: 'ended', endedBy: 'away' }));
    expect(next.engine.join).not.toHaveBeenCalled();
    expect(tab.items.size).toBe(0);

    const third = setup();
    await third.session.start(choice);
    third.session.leavePage();
    const fourth = setup();
    fourth.engine.join.mockRejectedValueOnce(
      Object.assign(new Error('attendee removed'), { code: 'join-failed' }),
    );
    await fourth.session.rejoin(claimSavedCall('http://h', 'default')!);
    expect(fourth.session.getState().phase.phase).toBe('error');
    expect(tab.items.size).toBe(0);
  });

  it('a meeting that refuses the returning attendee (away > 60 s) ends as "away"; a later loss is "connection"', async () => {
    const first = setup();
    await first.session.start(choice);
    first.session.leavePage();
    const next = setup();
    // The media server closes the returning attendee's signaling (4403): the engine leaves before
    // joining.
    next.engine.join.mockImplementationOnce(async () =>
      next.store.update({ status: { kind: 'left', reason: 'connection-lost' } }),
    );
    await next.session.rejoin(claimSavedCall('http://h', 'default')!);
    await vi.waitFor(() =>
      expect(next.session.getState().phase).toMatchObject({ phase: 'ended', endedBy: 'away' }),
    );
    expect(tab.items.size).toBe(0);

    const third = setup();
    await third.session.start(choice);
    third.session.leavePage();
    const fourth = setup();
    await fourth.session.rejoin(claimSavedCall('http://h', 'default')!);
    fourth.store.update({ status: { kind: 'left', reason: 'connection-lost' } });
    await vi.waitFor(() =>
      expect(fourth.session.getState().phase).toMatchObject({
        phase: 'ended',
        endedBy: 'connection',
      }),
    );
  });

  it('leaving while the call is still being set up cancels it (nothing to rejoin)', async () => {
    let answer: (c: typeof call) => void = () => undefined;
    const h = setup(() => new Promise((r) => (answer = r)));
    const starting = h.session.start(choice);
    h.session.leavePage();
    answer(call);
    await starting;
    expect(h.deps.callAway).not.toHaveBeenCalled();
    expect(h.deps.cancelStart).toHaveBeenCalled();
    expect(tab.items.size).toBe(0);
  });
});
