import { describe, expect, it } from 'vitest';
import { choice, setup } from './testing/session-harness';

describe('call session: call time, language, captions, joining muted', () => {
  it('counts call time from the agent connect only, and names the agent on the ended screen', async () => {
    const h = setup();
    await h.session.start(choice);
    h.advance(40_000); // flow and queue time is not call time
    h.event({ type: 'agent-joined', name: 'Sam' });
    h.advance(12_900);
    await h.session.end();
    expect(h.session.getState().phase).toMatchObject({
      phase: 'ended',
      durationSeconds: 12,
    });
    expect(h.session.getState().agentName).toBe('Sam');
    expect(h.events).toContainEqual(
      expect.objectContaining({ type: 'ended', durationSeconds: 12 }),
    );
  });

  it('call time stops when End is pressed, not when the backend answers', async () => {
    const h = setup();
    await h.session.start(choice);
    h.event({ type: 'agent-joined', name: 'Sam' });
    h.advance(5_000);
    h.deps.endCall.mockImplementationOnce(async () => {
      h.advance(4_000);
      return { ended: true };
    });
    await h.session.end();
    expect(h.session.getState().phase).toMatchObject({ phase: 'ended', durationSeconds: 5 });
  });

  it('a call that never reached an agent has no duration', async () => {
    const h = setup();
    await h.session.start(choice);
    h.advance(30_000);
    await h.session.end();
    expect(h.session.getState().phase).toMatchObject({
      phase: 'ended',
      durationSeconds: null,
    });
    expect(h.session.getState().agentName).toBeNull();
  });

  it('sends the widget language as contact attribute `language` only where the entry point allows it', async () => {
    const h = setup();
    await h.session.start(choice, ['product', 'language']);
    expect(h.deps.startCall.mock.calls[0]![0].attributes).toEqual({ language: 'en' });
    await h.session.end();
    h.session.reset();
    await h.session.start(choice, ['product']);
    expect(h.deps.startCall.mock.calls[1]![0].attributes).toBeUndefined();
  });

  it('clears the prompts a digit answered, keeps later ones', async () => {
    const h = setup();
    await h.session.start(choice);
    h.event({ type: 'caption', id: '1', text: 'Press 1 or 2', at: '' });
    await h.session.sendDigit('2');
    expect(h.session.getState().captions).toEqual([]);
    h.event({ type: 'caption', id: '2', text: 'Please hold', at: '' });
    expect(h.session.getState().captions).toEqual([{ id: '2', text: 'Please hold' }]);
  });

  it('joins muted when the customer turned the microphone off before joining', async () => {
    const h = setup();
    await h.session.start({ ...choice, muted: true });
    expect(h.engine.getSnapshot().muted).toBe(true);
  });
});
