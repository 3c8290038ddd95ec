/**
 * The shared stand-in {@link CallEngine} for UI and controller tests: every command is a `vi.fn`
 * that changes the snapshot as the real engine does, and `meeting` plays the other side (the
 * session starting, attendees, mute, tiles, the meeting ending). It passes the same contract test
 * as the real engine (call-engine-contract.ts), so a test written against it holds for the real
 * one.
 */
import { vi, type Mock } from 'vitest';
import type { CallEngine } from '../call-engine-api';
import type { CallSnapshot, LeaveReason, TileInfo } from '../call-types';
import { CallEngineError } from '../device-errors';
import { createSnapshotStore } from '../snapshot-store';

type Mocked<T> = {
  [K in keyof T]: T[K] extends (...args: infer A) => infer R ? Mock<(...args: A) => R> : T[K];
};
/**
 * The fake engine's type: the CallEngine interface with every method a `vi.fn`, for assertions on
 * the commands.
 */
export type FakeCallEngine = Mocked<CallEngine>;

/**
 * How a fake engine starts: whether joining starts the session on its own, and the first snapshot.
 */
export interface FakeEngineOptions {
  /**
   * The session reports it started as soon as `join` ran (default true); false: call
   * `meeting.started()`.
   */
  startsOnJoin?: boolean;
  /** The snapshot to begin with (e.g. already joined, for a screen shown only in a call). */
  initial?: Partial<CallSnapshot>;
}

/** A fake engine, its store (to drive any snapshot directly) and the meeting's side. */
export function createFakeCallEngine(options: FakeEngineOptions = {}) {
  const store = createSnapshotStore();
  if (options.initial) store.update(options.initial);
  let phase: 'idle' | 'joining' | 'started' | 'ended' =
    options.initial?.status?.kind === 'joined' ? 'started' : 'idle';
  const on = () => {
    if (phase === 'idle') throw new CallEngineError('join-failed', 'not in a call');
    return phase !== 'ended';
  };
  const leftPatch = (reason: LeaveReason) => ({
    status: { kind: 'left', reason } as const,
    cameraOn: false,
    sharing: false,
    tiles: [],
    attendees: [],
  });
  const meeting = {
    started() {
      if (phase !== 'started' && phase !== 'joining') return;
      phase = 'started';
      const s = store.get().status;
      store.update({
        status: { kind: 'joined', joinedAt: s.kind === 'joined' ? s.joinedAt : Date.now() },
      });
    },
    attendee(attendeeId: string, present: boolean, externalUserId = '') {
      if (phase === 'ended') return;
      store.update((s) => ({
        attendees: [
          ...s.attendees.filter((a) => a.attendeeId !== attendeeId),
          ...(present
            ? [
                {
                  attendeeId,
                  externalUserId,
                  isContent: attendeeId.includes('#content'),
                  muted: false,
                },
              ]
            : []),
        ],
      }));
    },
    muted(attendeeId: string, muted: boolean) {
      store.update((s) => ({
        attendees: s.attendees.map((a) => (a.attendeeId === attendeeId ? { ...a, muted } : a)),
      }));
    },
    tile: (tile: TileInfo) =>
      store.update((s) => ({ tiles: [...s.tiles.filter((t) => t.tileId !== tile.tileId), tile] })),
    ended(reason: LeaveReason) {
      if (phase === 'ended') return;
      phase = 'ended';
      store.update(leftPatch(reason));
    },
  };
  const engine: FakeCallEngine = {
    getSnapshot: vi.fn(store.get),
    subscribe: vi.fn(store.subscribe),
    join: vi.fn(async (o) => {
      if (phase === 'ended') return;
      if (phase !== 'idle')
        throw new CallEngineError('join-failed', 'this engine already joined a call');
      if (o.signal?.aborted) return void (await engine.leave());
      o.signal?.addEventListener('abort', () => void engine.leave(), { once: true });
      phase = 'joining';
      store.update({
        status: { kind: 'joining' },
        selfAttendeeId: o.credentials.Attendee.AttendeeId,
        cameraOn: o.video,
      });
      if (options.startsOnJoin ?? true) meeting.started();
    }),
    leave: vi.fn(async () => {
      const wasIdle = phase === 'idle';
      if (phase === 'ended') return;
      phase = 'ended';
      store.update(wasIdle ? { status: { kind: 'left', reason: 'left' } } : leftPatch('left'));
    }),
    setMuted: vi.fn((muted) => void (on() && store.update({ muted }))),
    setCameraOn: vi.fn(async (cameraOn) => void (on() && store.update({ cameraOn }))),
    chooseCamera: vi.fn(async (camera) =>
      store.update((s) => ({ devices: { ...s.devices, camera } })),
    ),
    chooseMicrophone: vi.fn(
      async (microphone) =>
        void (on() && store.update((s) => ({ devices: { ...s.devices, microphone } }))),
    ),
    chooseSpeaker: vi.fn(
      async (speaker) =>
        void (phase !== 'ended' && store.update((s) => ({ devices: { ...s.devices, speaker } }))),
    ),
    setNoiseSuppression: vi.fn(
      async (on) =>
        void store.update((s) => ({
          effects: { ...s.effects, noiseSuppression: on ? 'on' : 'off' },
        })),
    ),
    setBackground: vi.fn(
      async (background) =>
        void store.update((s) => ({
          effects: {
            ...s.effects,
            background,
            backgroundState: background.kind === 'none' ? 'off' : 'on',
          },
        })),
    ),
    refreshDevices: vi.fn(async () => undefined),
    startScreenShare: vi.fn(async () => void (on() && store.update({ sharing: true }))),
    stopScreenShare: vi.fn(() => void (phase !== 'ended' && store.update({ sharing: false }))),
    sendDataMessage: vi.fn((topic, text) => {
      if (!on()) return;
      const info = {
        topic,
        text,
        senderAttendeeId: store.get().selfAttendeeId ?? '',
        senderExternalUserId: '',
        timestampMs: Date.now(),
        local: true,
      };
      store.update((s) => ({ messages: [...s.messages, info].slice(-50) }));
    }),
    bindTile: vi.fn(),
    startAudio: vi.fn(async () => store.update({ audioBlocked: false })),
  };
  return { engine, store, meeting };
}
