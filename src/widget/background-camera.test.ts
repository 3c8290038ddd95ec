import { describe, expect, it } from 'vitest';
import { createFakeCallEngine } from '../call-engine/testing/fake-call-engine';
import { CAMERA_PAUSE_TOPIC } from '../shared/camera-pause-message';
import { isTouchDevice, watchBackgroundCamera, type PageVisibility } from './background-camera';

/** A page whose visibility the test flips. */
function fakePage() {
  const listeners = new Set<() => void>();
  const page = {
    visibilityState: 'visible' as DocumentVisibilityState,
    addEventListener: (_: string, l: () => void) => void listeners.add(l),
    removeEventListener: (_: string, l: () => void) => void listeners.delete(l),
  } satisfies PageVisibility;
  const set = (v: DocumentVisibilityState) => {
    page.visibilityState = v;
    for (const l of [...listeners]) l();
  };
  return { page, set, listeners };
}

const inCall = (cameraOn: boolean) =>
  createFakeCallEngine({
    initial: { status: { kind: 'joined', joinedAt: 1 }, selfAttendeeId: 'me', cameraOn },
  });

describe('watchBackgroundCamera', () => {
  it('stops the camera when the page is hidden and starts it when shown, telling the agent each time', async () => {
    const { engine } = inCall(true);
    const { page, set } = fakePage();
    watchBackgroundCamera(engine, page);
    set('hidden');
    expect(engine.setCameraOn).toHaveBeenLastCalledWith(false);
    set('visible');
    expect(engine.setCameraOn).toHaveBeenLastCalledWith(true);
    await Promise.resolve();
    expect(engine.sendDataMessage.mock.calls).toEqual([
      [CAMERA_PAUSE_TOPIC, '{"camera":"paused-in-background"}'],
      [CAMERA_PAUSE_TOPIC, '{"camera":"resumed"}'],
    ]);
  });

  it('leaves a camera the customer turned off alone, and does nothing outside a call or once stopped', () => {
    const off = inCall(false);
    const a = fakePage();
    watchBackgroundCamera(off.engine, a.page);
    a.set('hidden');
    a.set('visible');
    expect(off.engine.setCameraOn).not.toHaveBeenCalled();

    const connecting = createFakeCallEngine({ initial: { cameraOn: true } });
    const b = fakePage();
    watchBackgroundCamera(connecting.engine, b.page);
    b.set('hidden');
    expect(connecting.engine.setCameraOn).not.toHaveBeenCalled();

    const on = inCall(true);
    const c = fakePage();
    watchBackgroundCamera(on.engine, c.page)();
    expect(c.listeners.size).toBe(0);
  });

  it('applies on touch devices only', () => {
    expect(isTouchDevice({ matchMedia: () => ({ matches: true }) })).toBe(true);
    expect(isTouchDevice({ matchMedia: () => ({ matches: false }) })).toBe(false);
    expect(isTouchDevice({})).toBe(false);
  });
});
