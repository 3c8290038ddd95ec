/**
 * The engine over a fake audio-video facade: join and leave in every order the UIs can produce them
 * (End pressed while joining, the desk unmounting, the meeting ending).
 */
import { describe, expect, it } from 'vitest';
import { MeetingSessionStatusCode } from 'amazon-chime-sdk-js';
import {
  engineOverFakeBackend as setup,
  settle,
  testJoinOptions as options,
} from './testing/fake-media-session';

describe('call engine: join and leave interleaved', () => {
  it('End pressed while the microphone starts: the session never starts and the microphone is released', async () => {
    const { engine, session } = setup();
    const joining = engine.join(options());
    const mic = session().hold('startAudioInput');
    await settle();
    const left = engine.leave();
    mic.release();
    await Promise.all([joining, left]);
    expect(session().state).toMatchObject({
      started: false,
      audioInput: null,
      videoInput: null,
      localTile: false,
    });
    expect(engine.getSnapshot().status).toEqual({ kind: 'left', reason: 'left' });
    expect(session().liveSubscriptions()).toBe(0);
  });

  it('End pressed while the camera starts: no camera stays on and nothing starts', async () => {
    const { engine, session } = setup();
    const joining = engine.join(options(true));
    const cam = session().hold('startVideoInput');
    await settle();
    await engine.leave();
    cam.release();
    await joining;
    expect(session().state).toMatchObject({
      started: false,
      videoInput: null,
      audioInput: null,
      localTile: false,
    });
    expect(engine.getSnapshot()).toMatchObject({ status: { kind: 'left' }, cameraOn: false });
  });

  it('leave before join: join starts nothing', async () => {
    const { engine, sessions } = setup();
    await engine.leave();
    await engine.join(options());
    expect(sessions).toHaveLength(0);
  });

  it('joining with video acquires the camera before start() and starts its tile right after, as a Chime app does', async () => {
    const { engine, session } = setup();
    await engine.join(options(true));
    const log = session().log;
    expect(log.slice(log.indexOf('startVideoInput'))).toEqual([
      'startVideoInput',
      'start',
      'startLocalVideoTile',
    ]);
    expect(engine.getSnapshot()).toMatchObject({
      cameraOn: true,
      devices: { camera: 'cam-1', microphone: 'mic-1' },
    });
  });

  it('leave removes every observer and subscription, stops once, and is safe to call twice', async () => {
    const { engine, session } = setup();
    await engine.join(options());
    session().didStart();
    session().present('agent', true, 'Agent');
    expect(session().liveSubscriptions()).toBeGreaterThan(0);
    await Promise.all([engine.leave(), engine.leave()]);
    await engine.leave();
    expect(session().liveSubscriptions()).toBe(0);
    expect(session().log.filter((l) => l === 'stop')).toHaveLength(1);
    expect(session().state).toMatchObject({ audioInput: null, stopped: true });
    expect(engine.getSnapshot()).toMatchObject({
      status: { kind: 'left', reason: 'left' },
      attendees: [],
      tiles: [],
    });
  });

  it('the meeting ending releases devices, removes subscriptions and says why', async () => {
    const { engine, session } = setup();
    await engine.join(options(true));
    session().didStart();
    session().didStop(MeetingSessionStatusCode.MeetingEnded);
    await settle();
    expect(engine.getSnapshot().status).toEqual({ kind: 'left', reason: 'meeting-ended' });
    expect(session().state).toMatchObject({ audioInput: null, videoInput: null });
    expect(session().liveSubscriptions()).toBe(0);
  });

  it('a failed join reports the device error, releases everything, and a later leave keeps the failure', async () => {
    const { engine, session } = setup();
    const joining = engine.join(options());
    session()
      .hold('startAudioInput')
      .fail(Object.assign(new Error('denied'), { name: 'NotAllowedError' }));
    await expect(joining).rejects.toMatchObject({ code: 'permission-denied' });
    await engine.leave();
    expect(engine.getSnapshot().status).toMatchObject({
      kind: 'failed',
      code: 'permission-denied',
    });
    expect(session().liveSubscriptions()).toBe(0);
    expect(session().state.started).toBe(false);
  });
});
