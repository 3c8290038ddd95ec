/**
 * Cancelling a call while it is being set up: at each step of the start (request, engine load,
 * join) the start stops where it is, the contact is ended through the backend once known, nothing
 * joins afterwards and the next attempt gets a new clientToken. Once joined, a cancel does nothing.
 */
import { describe, expect, it, vi } from 'vitest';
import type { StartCallResponse } from '../shared/call-api';
import { createFakeCallEngine } from '../call-engine/testing/fake-call-engine';
import { call, choice, setup } from './testing/session-harness';

/** A promise the test resolves when it wants. */
function gate<T>() {
  let open: (value: T) => void = () => undefined;
  const promise = new Promise<T>((resolve) => (open = resolve));
  return { promise, open };
}

describe('call session: cancelling the start', () => {
  it('during the start request: back to pre-call at once, the same start body cancels its contact', async () => {
    const request = gate<StartCallResponse>();
    const h = setup(() => request.promise);
    const starting = h.session.start(choice);
    expect(h.session.getState()).toMatchObject({ phase: { phase: 'starting' }, settingUp: true });
    await h.session.cancel();
    expect(h.session.getState()).toMatchObject({ phase: { phase: 'pre-call' }, settingUp: false });
    expect(h.deps.cancelStart).toHaveBeenCalledWith(h.deps.startCall.mock.calls[0]![0]);
    request.open(call);
    await starting;
    expect(h.deps.endCall).not.toHaveBeenCalled();
    expect(h.deps.loadEngine).not.toHaveBeenCalled();
    expect(h.deps.watchStatus).not.toHaveBeenCalled();
    expect(h.session.getState().phase.phase).toBe('pre-call');
    await h.session.start(choice);
    expect(h.deps.startCall.mock.calls[1]![0].clientToken).toBe('token-aaaaaaaaaaaaaaaa-2');
  });

  it('while the engine loads: the contact ends, its watchers stop, the engine never joins', async () => {
    const h = setup();
    const load = gate<typeof h.engine>();
    h.deps.loadEngine.mockImplementationOnce(() => load.promise);
    const starting = h.session.start(choice);
    await vi.waitFor(() => expect(h.deps.loadEngine).toHaveBeenCalled());
    expect(h.deps.loadEngine.mock.calls[0]![0]).toBeInstanceOf(AbortSignal);
    await h.session.cancel();
    expect(h.deps.endCall).toHaveBeenCalledWith('c-1', 'tok');
    expect(h.deps.cancelStart).not.toHaveBeenCalled();
    expect(h.deps.watchStatus.mock.results[0]!.value.stop).toHaveBeenCalled();
    expect(h.events).toContainEqual({
      type: 'ended',
      contactId: 'c-1',
      durationSeconds: 0,
      endedBy: 'customer',
    });
    load.open(h.engine);
    await starting;
    expect(h.engine.join).not.toHaveBeenCalled();
    expect(h.session.getState()).toMatchObject({ phase: { phase: 'pre-call' }, engine: null });
  });

  it('while joining: the engine leaves (devices released) and the contact ends', async () => {
    const h = setup();
    const slow = createFakeCallEngine({ startsOnJoin: false });
    h.deps.loadEngine.mockResolvedValueOnce(slow.engine);
    await h.session.start(choice);
    expect(slow.engine.getSnapshot().status.kind).toBe('joining');
    expect(h.session.getState().settingUp).toBe(true);
    await h.session.cancel();
    expect(slow.engine.leave).toHaveBeenCalled();
    expect(slow.engine.getSnapshot().status).toEqual({ kind: 'left', reason: 'left' });
    expect(h.deps.endCall).toHaveBeenCalledWith('c-1', 'tok');
    slow.meeting.started();
    expect(h.session.getState().phase.phase).toBe('pre-call');
  });

  it('once joined the call runs: cancel does nothing, the page going away ends it', async () => {
    const h = setup();
    await h.session.start(choice);
    expect(h.session.getState().settingUp).toBe(false);
    await h.session.cancel();
    expect(h.session.getState().phase.phase).toBe('connecting');
    expect(h.deps.endCall).not.toHaveBeenCalled();
    await h.session.dispose();
    expect(h.deps.endCall).toHaveBeenCalledTimes(1);
    expect(h.session.getState().phase).toMatchObject({ phase: 'ended', endedBy: 'customer' });
  });

  it('the contact ending while the engine loads: nothing joins after the end', async () => {
    const h = setup();
    const load = gate<typeof h.engine>();
    h.deps.loadEngine.mockImplementationOnce(() => load.promise);
    const starting = h.session.start(choice);
    await vi.waitFor(() => expect(h.deps.loadEngine).toHaveBeenCalled());
    h.event({ type: 'ended' });
    await vi.waitFor(() => expect(h.session.getState().phase.phase).toBe('ended'));
    load.open(h.engine);
    await starting;
    expect(h.engine.join).not.toHaveBeenCalled();
    expect(h.deps.endCall).not.toHaveBeenCalled();
  });
});
