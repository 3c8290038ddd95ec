/**
 * The engine over a fake audio-video facade: every interleaving of join, leave and device calls that
 * the UIs can produce (End pressed while joining, the desk unmounting, quick camera toggles).
 */
import { describe, expect, it } from 'vitest';
import { MeetingSessionStatusCode } from 'amazon-chime-sdk-js';
import type { JoinOptions } from './call-types';
import { createMediaCallEngine } from './media-call-engine';
import { createFakeBackend } from './testing/fake-media-session';

const options = (video = false): JoinOptions => ({
  credentials: { Meeting: { MeetingId: 'm', MediaPlacement: { AudioHostUrl: 'wss://h', SignalingUrl: 'wss://h/s' } }, Attendee: { AttendeeId: 'me', JoinToken: 't' } },
  video,
  topics: ['AMAZON_CONNECT_SCREEN_SHARING'],
});
const setup = () => {
  const fake = createFakeBackend();
  return { ...fake, engine: createMediaCallEngine(fake.backend) };
};
/** Lets the engine run up to its next held step. */
const settle = () => new Promise((r) => setTimeout(r, 0));

describe('call engine: join and leave interleaved', () => {
  it('End pressed while the microphone starts: the session never starts and the microphone is released', async () => {
    const { engine, session } = setup();
    const joining = engine.join(options());
    const mic = session().hold('startAudioInput');
    await settle();
    const left = engine.leave();
    mic.release();
    await Promise.all([joining, left]);
    expect(session().state).toMatchObject({ started: false, audioInput: null, videoInput: null, localTile: false });
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
    expect(session().state).toMatchObject({ started: false, videoInput: null, audioInput: null, localTile: false });
    expect(engine.getSnapshot()).toMatchObject({ status: { kind: 'left' }, cameraOn: false });
  });

  it('leave before join: join starts nothing', async () => {
    const { engine, sessions } = setup();
    await engine.leave();
    await engine.join(options());
    expect(sessions).toHaveLength(0);
  });

  it('joining with video starts the camera and its tile before start(), as a Chime app does', async () => {
    const { engine, session } = setup();
    await engine.join(options(true));
    const log = session().log;
    expect(log.indexOf('startVideoInput')).toBeLessThan(log.indexOf('start'));
    expect(log.indexOf('startLocalVideoTile')).toBeLessThan(log.indexOf('start'));
    expect(engine.getSnapshot()).toMatchObject({ cameraOn: true, devices: { camera: 'cam-1', microphone: 'mic-1' } });
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
    expect(engine.getSnapshot()).toMatchObject({ status: { kind: 'left', reason: 'left' }, attendees: [], tiles: [] });
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
    session().hold('startAudioInput').fail(Object.assign(new Error('denied'), { name: 'NotAllowedError' }));
    await expect(joining).rejects.toMatchObject({ code: 'permission-denied' });
    await engine.leave();
    expect(engine.getSnapshot().status).toMatchObject({ kind: 'failed', code: 'permission-denied' });
    expect(session().liveSubscriptions()).toBe(0);
    expect(session().state.started).toBe(false);
  });
});

describe('call engine: device calls interleaved', () => {
  it('camera on then off before it started: it ends off', async () => {
    const { engine, session } = setup();
    await engine.join(options());
    const cam = session().hold('startVideoInput');
    const on = engine.setCameraOn(true);
    await settle();
    const off = engine.setCameraOn(false);
    cam.release();
    await Promise.all([on, off]);
    expect(session().state).toMatchObject({ videoInput: null, localTile: false });
    expect(engine.getSnapshot().cameraOn).toBe(false);
  });

  it('camera or microphone starting while the call is left: released again', async () => {
    const { engine, session } = setup();
    await engine.join(options());
    const cam = session().hold('startVideoInput');
    const on = engine.setCameraOn(true);
    await settle();
    const mic = session().hold('startAudioInput');
    const switching = engine.chooseMicrophone('mic-2');
    await settle();
    await engine.leave();
    cam.release();
    mic.release();
    await Promise.all([on, switching]);
    expect(session().state).toMatchObject({ videoInput: null, audioInput: null, localTile: false });
    expect(engine.getSnapshot().cameraOn).toBe(false);
  });

  it('commands after the call ended do nothing; before joining they are refused', async () => {
    const { engine, session } = setup();
    expect(() => engine.setMuted(true)).toThrow(/not in a call/);
    await engine.join(options());
    await engine.leave();
    const before = session().log.length;
    engine.setMuted(true);
    await engine.setCameraOn(true);
    engine.sendDataMessage('t', 'x');
    engine.bindTile(1, null);
    expect(session().log.length).toBe(before);
  });
});

describe('call engine: remote mute state', () => {
  it("shows each attendee's muted flag from the volume indicator, and forgets them when they leave", async () => {
    const { engine, session } = setup();
    await engine.join(options());
    const base = session().liveSubscriptions();
    session().present('agent', true, 'Agent');
    expect(session().liveSubscriptions()).toBe(base + 1);
    expect(engine.getSnapshot().attendees).toEqual([{ attendeeId: 'agent', externalUserId: 'Agent', isContent: false, muted: false }]);
    session().volume('agent', true);
    expect(engine.getSnapshot().attendees[0]?.muted).toBe(true);
    const snap = engine.getSnapshot();
    session().volume('agent', null); // only the volume changed
    expect(engine.getSnapshot()).toBe(snap);
    session().present('agent', false);
    expect(engine.getSnapshot().attendees).toEqual([]);
    expect(session().liveSubscriptions()).toBe(base);
  });
});
