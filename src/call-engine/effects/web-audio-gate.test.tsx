/**
 * The Web Audio gate against an AudioContext that behaves as Firefox's does before the page's first
 * gesture (suspended; `resume()` pending until a gesture), with the SDK's shared context replaced.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DefaultDeviceController } from 'amazon-chime-sdk-js';
import { webAudioReady, whenWebAudioRuns } from './web-audio-gate';

/** A context held until a gesture: resume() inside a user event runs it; outside, it waits. */
function heldContext() {
  const ctx = new EventTarget() as EventTarget & {
    state: AudioContextState;
    resume(): Promise<void>;
  };
  ctx.state = 'suspended';
  let inGesture = false;
  const waiting: (() => void)[] = [];
  ctx.resume = vi.fn(
    () =>
      new Promise<void>((resolve) => {
        waiting.push(resolve);
        if (inGesture) {
          ctx.state = 'running';
          ctx.dispatchEvent(new Event('statechange'));
          for (const w of waiting.splice(0)) w();
        }
      }),
  );
  vi.spyOn(DefaultDeviceController, 'getAudioContext').mockReturnValue(
    ctx as unknown as AudioContext,
  );
  const gesture = (type: string) => {
    inGesture = true;
    document.body.dispatchEvent(new Event(type, { bubbles: true }));
    inGesture = false;
  };
  return { ctx, gesture };
}

function activation(hasBeenActive: boolean) {
  Object.defineProperty(navigator, 'userActivation', {
    configurable: true,
    value: { hasBeenActive, isActive: false },
  });
}

afterEach(() => {
  vi.restoreAllMocks();
  vi.useRealTimers();
});

describe('the Web Audio gate', () => {
  it('answers at once, without resuming, on a page that has had no gesture', async () => {
    const { ctx } = heldContext();
    activation(false);
    await expect(webAudioReady()).resolves.toBe(false);
    expect(ctx.resume).not.toHaveBeenCalled();
  });

  it('counts audio as held when a resume after a gesture does not come (Safari wants the gesture itself)', async () => {
    vi.useFakeTimers();
    heldContext();
    activation(true);
    const ready = webAudioReady();
    await vi.advanceTimersByTimeAsync(1000);
    await expect(ready).resolves.toBe(false);
  });

  it('is ready when the context runs', async () => {
    const { ctx } = heldContext();
    ctx.state = 'running';
    await expect(webAudioReady()).resolves.toBe(true);
  });

  it('resumes on the next gesture and then calls back once', async () => {
    const { gesture } = heldContext();
    const then = vi.fn();
    whenWebAudioRuns(then);
    expect(then).not.toHaveBeenCalled();
    gesture('keydown');
    expect(then).toHaveBeenCalledTimes(1);
    gesture('pointerdown');
    expect(then).toHaveBeenCalledTimes(1);
  });

  it('stops waiting when cancelled', () => {
    const { ctx, gesture } = heldContext();
    const then = vi.fn();
    whenWebAudioRuns(then)();
    gesture('pointerdown');
    expect(ctx.resume).not.toHaveBeenCalled();
    expect(then).not.toHaveBeenCalled();
  });
});
