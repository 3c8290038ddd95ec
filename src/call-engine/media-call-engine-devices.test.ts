/**
 * The engine over a fake audio-video facade: device commands overlapping each other and the leave,
 * and the remote attendees' muted state.
 */
import { describe, expect, it } from 'vitest';
import { remoteParticipants } from './call-selectors';
import {
  engineOverFakeBackend as setup,
  settle,
  testJoinOptions as options,
} from './testing/fake-media-session';

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

  it('the start cancelled while the microphone is opening: released, the session never starts', async () => {
    const { engine, session } = setup();
    const controller = new AbortController();
    const joining = engine.join({ ...options(true), signal: controller.signal });
    const mic = session().hold('startAudioInput');
    await settle();
    controller.abort();
    mic.release();
    await joining;
    await settle();
    expect(session().state).toMatchObject({ videoInput: null, audioInput: null, localTile: false });
    expect(session().log).not.toContain('start');
    expect(session().liveSubscriptions()).toBe(0);
    expect(engine.getSnapshot().status).toEqual({ kind: 'left', reason: 'left' });
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
    expect(engine.getSnapshot().attendees).toEqual([
      { attendeeId: 'agent', externalUserId: 'Agent', isContent: false, muted: false },
    ]);
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

describe('call engine: the participant list and the active speaker', () => {
  it('lists every remote participant with mute, camera and the active speaker, who holds through pauses', async () => {
    const { engine, session } = setup();
    await engine.join(options());
    for (const id of ['agent', 'sam', 'lee']) session().present(id, true, `customer-${id}`);
    session().present('sam#content', true, 'customer-sam#content');
    const base = session().liveSubscriptions();
    expect(remoteParticipants(engine.getSnapshot()).map((p) => p.attendeeId)).toEqual([
      'agent',
      'sam',
      'lee',
    ]);
    expect(engine.getSnapshot().activeSpeakerId).toBeNull();
    session().volume('sam', null, 0.1); // below the floor: not speaking
    expect(engine.getSnapshot().activeSpeakerId).toBeNull();
    session().volume('sam', null, 0.6);
    expect(engine.getSnapshot().activeSpeakerId).toBe('sam');
    session().volume('sam', null, 0); // a pause keeps the highlight
    session().volume('lee', null, 0.15);
    expect(engine.getSnapshot().activeSpeakerId).toBe('sam');
    session().volume('lee', null, 0.5);
    expect(engine.getSnapshot().activeSpeakerId).toBe('lee');
    session().volume('agent', null, 0.55); // not clearly louder than Lee: Lee keeps it
    expect(engine.getSnapshot().activeSpeakerId).toBe('lee');
    session().volume('lee', true); // muting silences Lee, the agent takes over on their next level
    session().volume('agent', null, 0.6);
    expect(remoteParticipants(engine.getSnapshot()).find((p) => p.speaking)?.attendeeId).toBe(
      'agent',
    );
    expect(
      remoteParticipants(engine.getSnapshot()).find((p) => p.attendeeId === 'lee')?.muted,
    ).toBe(true);
    session().present('agent', false);
    expect(engine.getSnapshot().activeSpeakerId).toBeNull();
    expect(session().liveSubscriptions()).toBe(base - 1);
    await engine.leave();
    expect(engine.getSnapshot().activeSpeakerId).toBeNull();
    expect(session().liveSubscriptions()).toBe(0);
  });
});
