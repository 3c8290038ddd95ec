import { describe, expect, it, vi } from 'vitest';
import { ApiClientError } from '../api/api-fetch';
import { call, choice, setup } from './testing/session-harness';

describe('call session', () => {
  it('starts, joins with video, follows captions and detects the agent from the contact', async () => {
    const h = setup();
    await h.session.start(choice);
    expect(h.deps.startCall).toHaveBeenCalledWith(
      expect.objectContaining({
        entryPoint: 'default',
        displayName: 'Ana',
        clientToken: 'token-aaaaaaaaaaaaaaaa-1',
      }),
    );
    expect(h.engine.join).toHaveBeenCalledWith(
      expect.objectContaining({ video: true, topics: ['AMAZON_CONNECT_SCREEN_SHARING'] }),
    );
    expect(h.session.getState().phase.phase).toBe('connecting');
    h.event({ type: 'caption', id: '1', text: 'Welcome', at: '' });
    expect(h.session.getState().captions).toEqual([{ id: '1', text: 'Welcome' }]);
    h.status({ contactId: 'c-1', state: 'queued', queueName: 'Support' });
    expect(h.session.getState().phase).toMatchObject({
      phase: 'connecting',
      flowState: 'queued',
      queueName: 'Support',
    });
    h.event({ type: 'agent-joined', name: 'Agent Smith' });
    expect(h.session.getState().phase.phase).toBe('in-call');
    expect(h.session.getState().agentName).toBe('Agent Smith');
    expect(h.events).toContainEqual({ type: 'state', state: 'in-call' });
  });

  it('never joins with video when the customer may not send video', async () => {
    const h = setup(async () => ({ ...call, allowedCapabilities: {} }));
    await h.session.start(choice);
    expect(h.engine.join).toHaveBeenCalledWith(expect.objectContaining({ video: false }));
  });

  it("joins with the entry point's camera quality cap, else with the network-adaptive default", async () => {
    const capped = setup(async () => ({ ...call, maxVideoQuality: '360p' }));
    await capped.session.start(choice);
    expect(capped.engine.join).toHaveBeenCalledWith(
      expect.objectContaining({ videoQuality: '360p' }),
    );
    const h = setup();
    await h.session.start(choice);
    expect(h.engine.join).toHaveBeenCalledWith(expect.objectContaining({ videoQuality: 'auto' }));
  });

  it('customer end: disconnects through the backend, leaves, reports duration and who ended', async () => {
    const h = setup();
    await h.session.start(choice);
    h.status({ contactId: 'c-1', state: 'connected' });
    h.advance(65_000);
    await h.session.end();
    expect(h.deps.endCall).toHaveBeenCalledWith('c-1', 'tok');
    expect(h.engine.leave).toHaveBeenCalled();
    expect(h.session.getState().phase).toEqual({
      phase: 'ended',
      contactId: 'c-1',
      endedBy: 'customer',
      durationSeconds: 65,
    });
    expect(h.session.getState().agentName).toBeNull();
    expect(h.events).toContainEqual({
      type: 'ended',
      contactId: 'c-1',
      durationSeconds: 65,
      endedBy: 'customer',
    });
  });

  it('the contact reporting its end while the customer is ending still counts as ended by the customer', async () => {
    const h = setup();
    await h.session.start(choice);
    h.event({ type: 'agent-joined', name: 'Bo' });
    h.deps.endCall.mockImplementationOnce(async () => {
      h.event({ type: 'ended' });
      return { ended: true };
    });
    await h.session.end();
    expect(h.session.getState().phase).toMatchObject({ phase: 'ended', endedBy: 'customer' });
  });

  it('agent end: the contact ending after the agent joined is reported as ended by the agent', async () => {
    const h = setup();
    await h.session.start(choice);
    h.event({ type: 'agent-joined', name: 'Bo' });
    h.event({ type: 'ended' });
    await vi.waitFor(() =>
      expect(h.session.getState().phase).toMatchObject({ phase: 'ended', endedBy: 'agent' }),
    );
    expect(h.engine.leave).toHaveBeenCalled();
  });

  it('meeting lost mid-call ends as a connection failure', async () => {
    const h = setup();
    await h.session.start(choice);
    h.store.update({ status: { kind: 'left', reason: 'connection-lost' } });
    await vi.waitFor(() =>
      expect(h.session.getState().phase).toMatchObject({ phase: 'ended', endedBy: 'connection' }),
    );
  });

  it('a backend error can be retried with the same clientToken; Call again uses a new one', async () => {
    let fails = 1;
    const h = setup(async () => {
      if (fails-- > 0) throw new ApiClientError('InternalServiceException', 'boom', 500, true);
      return call;
    });
    await h.session.start(choice);
    expect(h.session.getState().phase).toMatchObject({
      phase: 'error',
      error: { kind: 'backend', name: 'InternalServiceException', retryable: true },
    });
    expect(h.events).toContainEqual({
      type: 'error',
      name: 'InternalServiceException',
      message: 'boom',
    });
    await h.session.retry();
    expect(h.deps.startCall.mock.calls.map((c) => c[0].clientToken)).toEqual([
      'token-aaaaaaaaaaaaaaaa-1',
      'token-aaaaaaaaaaaaaaaa-1',
    ]);
    await h.session.end();
    h.session.reset();
    await h.session.start(choice);
    expect(h.deps.startCall.mock.calls[2]![0].clientToken).toBe('token-aaaaaaaaaaaaaaaa-2');
  });

  it('a join failure releases the engine (camera off) and shows a device error', async () => {
    const h = setup();
    const { CallEngineError } = await import('../call-engine/device-errors');
    h.engine.join.mockRejectedValueOnce(
      new CallEngineError('permission-denied', 'NotAllowedError'),
    );
    await h.session.start(choice);
    expect(h.engine.leave).toHaveBeenCalled();
    expect(h.session.getState().phase).toMatchObject({
      phase: 'error',
      error: { kind: 'device', code: 'permission-denied' },
    });
  });

  it('DTMF goes through the backend for the current contact', async () => {
    const h = setup();
    await h.session.start(choice);
    await h.session.sendDigit('5');
    expect(h.deps.sendDtmf).toHaveBeenCalledWith('c-1', 'tok', '5');
  });

  it('rating the ended call: stored through the backend with its call token, then the host page hears it', async () => {
    const h = setup();
    await h.session.rate(5); // nothing to rate before a call ended
    expect(h.deps.rateCall).not.toHaveBeenCalled();
    await h.session.start(choice);
    h.status({ contactId: 'c-1', state: 'connected' });
    await h.session.end();
    await h.session.rate(4, 'Kind');
    expect(h.deps.rateCall).toHaveBeenCalledWith('c-1', 'tok', { score: 4, comment: 'Kind' });
    expect(h.events).toContainEqual({
      type: 'rating',
      contactId: 'c-1',
      score: 4,
      comment: 'Kind',
    });
    h.deps.rateCall.mockRejectedValueOnce(
      new ApiClientError('ConflictException', 'rated', 409, false),
    );
    await expect(h.session.rate(1)).rejects.toMatchObject({ name: 'ConflictException' });
    expect(h.events.filter((e) => (e as { type: string }).type === 'rating')).toHaveLength(1);
  });
});
