import { describe, expect, it, vi } from 'vitest';
import { createAudioOutput } from './audio-output';
import { createSnapshotStore } from './snapshot-store';

/** An <audio> whose play() is refused (autoplay policy) until `allow()`. */
function blockedAudio() {
  const element = document.createElement('audio');
  let allowed = false;
  const play = vi.fn(async () => {
    if (!allowed) throw new DOMException('play() needs a user gesture', 'NotAllowedError');
  });
  element.play = play;
  element.pause = vi.fn();
  return { element, play, allow: () => (allowed = true) };
}

describe('createAudioOutput', () => {
  it('flags audio blocked by autoplay, and the next tap anywhere on the page starts it', async () => {
    const store = createSnapshotStore();
    const { element, play, allow } = blockedAudio();
    const output = createAudioOutput(store, element);
    await output.play();
    expect(store.get().audioBlocked).toBe(true);
    allow();
    document.body.dispatchEvent(new Event('pointerdown', { bubbles: true }));
    await vi.waitFor(() => expect(store.get().audioBlocked).toBe(false));
    expect(play).toHaveBeenCalledTimes(2);
    // Recovered: later taps do not call play() again.
    document.body.dispatchEvent(new Event('pointerdown', { bubbles: true }));
    expect(play).toHaveBeenCalledTimes(2);
  });

  it('keeps waiting for a gesture the browser accepts, and stops waiting once the call is paused', async () => {
    const store = createSnapshotStore();
    const { element, play } = blockedAudio();
    const output = createAudioOutput(store, element);
    await output.play();
    document.body.dispatchEvent(new KeyboardEvent('keydown', { bubbles: true }));
    await vi.waitFor(() => expect(play).toHaveBeenCalledTimes(2));
    expect(store.get().audioBlocked).toBe(true);
    output.pause();
    document.body.dispatchEvent(new Event('touchend', { bubbles: true }));
    expect(play).toHaveBeenCalledTimes(2);
  });
});
