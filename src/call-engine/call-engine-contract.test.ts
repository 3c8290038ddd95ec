/**
 * The CallEngine contract, run against the real engine (over the fake audio-video facade) and
 * against the shared fake engine, so UI tests that use the fake hold for the real one.
 */
import { describe, expect, it } from 'vitest';
import { MeetingSessionStatusCode } from 'amazon-chime-sdk-js';
import type { CallEngine } from './call-engine-api';
import { createMediaCallEngine } from './media-call-engine';
import { createFakeCallEngine } from './testing/fake-call-engine';
import {
  createFakeBackend,
  settle,
  testJoinOptions as options,
} from './testing/fake-media-session';

interface Harness {
  engine: CallEngine;
  started(): void;
  attendee(id: string, present: boolean, externalUserId?: string): void;
  muted(id: string, muted: boolean): void;
  ended(): Promise<void>;
}

const real = (): Harness => {
  const fake = createFakeBackend();
  return {
    engine: createMediaCallEngine(fake.backend),
    started: () => fake.session().didStart(),
    attendee: (id, present, ext) => fake.session().present(id, present, ext),
    muted: (id, muted) => fake.session().volume(id, muted),
    ended: async () => {
      fake.session().didStop(MeetingSessionStatusCode.MeetingEnded);
      await settle();
    },
  };
};
const fake = (): Harness => {
  const { engine, meeting } = createFakeCallEngine({ startsOnJoin: false });
  return {
    engine,
    started: meeting.started,
    attendee: meeting.attendee,
    muted: meeting.muted,
    ended: async () => meeting.ended('meeting-ended'),
  };
};

describe.each([
  ['the real engine over a fake facade', real],
  ['the shared fake engine', fake],
])('CallEngine contract: %s', (_name, make) => {
  it('starts idle, notifies on change with a new snapshot, and is joined once the session starts', async () => {
    const h = make();
    const first = h.engine.getSnapshot();
    expect(first.status).toEqual({ kind: 'idle' });
    expect(h.engine.getSnapshot()).toBe(first);
    let changes = 0;
    const off = h.engine.subscribe(() => changes++);
    await h.engine.join(options(true));
    expect(h.engine.getSnapshot()).toMatchObject({
      status: { kind: 'joining' },
      selfAttendeeId: 'me',
      cameraOn: true,
    });
    h.started();
    expect(h.engine.getSnapshot().status.kind).toBe('joined');
    expect(changes).toBeGreaterThan(0);
    off();
    const seen = changes;
    h.engine.setMuted(true);
    expect(changes).toBe(seen);
    expect(h.engine.getSnapshot().muted).toBe(true);
    await expect(h.engine.join(options(false))).rejects.toMatchObject({ code: 'join-failed' });
  });

  it('refuses commands before joining', () => {
    expect(() => make().engine.setMuted(true)).toThrow(/not in a call/);
  });

  it('camera, remote attendees with their muted state, and data messages', async () => {
    const h = make();
    await h.engine.join(options(false));
    h.started();
    await h.engine.setCameraOn(true);
    expect(h.engine.getSnapshot().cameraOn).toBe(true);
    await h.engine.setCameraOn(false);
    expect(h.engine.getSnapshot().cameraOn).toBe(false);
    h.attendee('agent', true, 'Sam');
    h.muted('agent', true);
    expect(h.engine.getSnapshot().attendees).toEqual([
      { attendeeId: 'agent', externalUserId: 'Sam', isContent: false, muted: true },
    ]);
    h.engine.sendDataMessage('topic', 'hello');
    expect(h.engine.getSnapshot().messages).toMatchObject([
      { topic: 'topic', text: 'hello', senderAttendeeId: 'me', local: true },
    ]);
  });

  it('leave: left, nothing shown, safe twice, later commands do nothing', async () => {
    const h = make();
    await h.engine.join(options(true));
    h.started();
    h.attendee('agent', true);
    await Promise.all([h.engine.leave(), h.engine.leave()]);
    expect(h.engine.getSnapshot()).toMatchObject({
      status: { kind: 'left', reason: 'left' },
      cameraOn: false,
      tiles: [],
      attendees: [],
    });
    h.engine.setMuted(true);
    await h.engine.setCameraOn(true);
    h.started();
    expect(h.engine.getSnapshot()).toMatchObject({
      status: { kind: 'left' },
      cameraOn: false,
      muted: false,
    });
  });

  it('leave while joining wins: the call never becomes joined', async () => {
    const h = make();
    const joining = h.engine.join(options(true));
    await Promise.all([joining, h.engine.leave()]);
    h.started();
    expect(h.engine.getSnapshot().status).toEqual({ kind: 'left', reason: 'left' });
  });

  it('aborting the join signal is a leave; an aborted signal joins nothing', async () => {
    const h = make();
    const controller = new AbortController();
    const joining = h.engine.join({ ...options(true), signal: controller.signal });
    controller.abort();
    await joining;
    h.started();
    expect(h.engine.getSnapshot()).toMatchObject({
      status: { kind: 'left', reason: 'left' },
      cameraOn: false,
    });
    const late = make();
    await late.engine.join({ ...options(true), signal: AbortSignal.abort() });
    expect(late.engine.getSnapshot().status).toEqual({ kind: 'left', reason: 'left' });
  });

  it('the meeting ending is a leave with its reason', async () => {
    const h = make();
    await h.engine.join(options(false));
    h.started();
    await h.ended();
    expect(h.engine.getSnapshot()).toMatchObject({
      status: { kind: 'left', reason: 'meeting-ended' },
      attendees: [],
    });
  });
});
