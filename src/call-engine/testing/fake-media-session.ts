/**
 * A stand-in for the Chime audio-video facade ({@link MediaSession}) and the backend that opens it,
 * for engine unit tests in Node. It keeps the state a real session would (devices acquired,
 * started, stopped, live observers and subscriptions), lets a test hold any async step open to
 * force an interleaving, and lets it play the meeting's side (presence, mute, tiles, stop).
 */
import {
  MeetingSessionStatus,
  MeetingSessionStatusCode,
  type AudioVideoObserver,
  type ContentShareObserver,
  type DeviceChangeObserver,
  type VolumeIndicatorCallback,
} from 'amazon-chime-sdk-js';
import type { DeviceOption, JoinOptions } from '../call-types';
import { createMediaCallEngine } from '../media-call-engine';
import type { MediaBackend, MediaSession } from '../media-session';

type Held = { promise: Promise<void>; release(): void; fail(error: Error): void };
const held = (): Held => {
  let release = () => undefined as void;
  let fail = (_: Error) => undefined as void;
  const promise = new Promise<void>((res, rej) => {
    release = res;
    fail = rej;
  });
  return { promise, release, fail };
};

/**
 * One fake session with the test's handles (holds, log, meeting side), as createFakeSession builds
 * it.
 */
export type FakeSession = ReturnType<typeof createFakeSession>;

/** One fake session; `media` is what the engine sees, the rest is for the test. */
function createFakeSession() {
  const holds = new Map<string, Held>();
  const log: string[] = [];
  const av = new Set<AudioVideoObserver>();
  const content = new Set<ContentShareObserver>();
  const devices = new Set<DeviceChangeObserver>();
  const presence = new Set<(id: string, present: boolean, ext?: string) => void>();
  const localMute = new Set<(muted: boolean) => void>();
  const volume = new Map<string, Set<VolumeIndicatorCallback>>();
  const topics = new Set<string>();
  const state = {
    started: false,
    stopped: false,
    audioInput: null as string | null,
    videoInput: null as string | null,
    localTile: false,
    sharing: false,
    /** What `chooseVideoInputQuality` and `setVideoMaxBandwidthKbps` last set (null: never). */
    videoQuality: null as { width: number; height: number; frameRate: number } | null,
    maxKbps: null as number | null,
  };
  /** Runs one async step; a test may have held it open with `hold(name)`. */
  const step = async (name: string, effect: () => void) => {
    log.push(name);
    const h = holds.get(name);
    if (h) {
      holds.delete(name);
      await h.promise;
    }
    effect();
  };
  const media: MediaSession = {
    addObserver: (o) => void av.add(o),
    removeObserver: (o) => void av.delete(o),
    addContentShareObserver: (o) => void content.add(o),
    removeContentShareObserver: (o) => void content.delete(o),
    addDeviceChangeObserver: (o) => void devices.add(o),
    removeDeviceChangeObserver: (o) => void devices.delete(o),
    start: () => void (log.push('start'), (state.started = true)),
    stop: () => void (log.push('stop'), (state.stopped = true)),
    startAudioInput: (d) =>
      step('startAudioInput', () => (state.audioInput = String(d))).then(() => undefined),
    stopAudioInput: () => step('stopAudioInput', () => (state.audioInput = null)),
    startVideoInput: (d) =>
      step('startVideoInput', () => (state.videoInput = String(d))).then(() => undefined),
    stopVideoInput: () => step('stopVideoInput', () => (state.videoInput = null)),
    chooseVideoInputQuality: (width, height, frameRate) =>
      void (
        log.push('chooseVideoInputQuality'),
        (state.videoQuality = { width, height, frameRate })
      ),
    setVideoMaxBandwidthKbps: (kbps) => {
      // The SDK's own check: the cap must be positive.
      if (kbps <= 0) throw new Error('Max bandwidth kbps has to be greater than 0');
      state.maxKbps = kbps;
    },
    startLocalVideoTile: () => {
      log.push('startLocalVideoTile');
      state.localTile = true;
      return 1;
    },
    stopLocalVideoTile: () => void (state.localTile = false),
    bindAudioElement: () => step('bindAudioElement', () => undefined),
    chooseAudioOutput: () => step('chooseAudioOutput', () => undefined),
    bindVideoElement: (id) => void log.push(`bind ${id}`),
    unbindVideoElement: (id) => void log.push(`unbind ${id}`),
    startContentShareFromScreenCapture: () =>
      step('startContentShare', () => (state.sharing = true)).then(() => ({}) as MediaStream),
    stopContentShare: () => void (state.sharing = false),
    realtimeMuteLocalAudio: () => localMute.forEach((l) => l(true)),
    realtimeUnmuteLocalAudio: () => {
      localMute.forEach((l) => l(false));
      return true;
    },
    realtimeSendDataMessage: (topic) => void log.push(`send ${topic}`),
    realtimeSubscribeToAttendeeIdPresence: (cb) => void presence.add(cb),
    realtimeUnsubscribeToAttendeeIdPresence: (cb) => void presence.delete(cb),
    realtimeSubscribeToMuteAndUnmuteLocalAudio: (cb) => void localMute.add(cb),
    realtimeUnsubscribeToMuteAndUnmuteLocalAudio: (cb) => void localMute.delete(cb),
    realtimeSubscribeToVolumeIndicator: (id, cb) =>
      void volume.set(id, (volume.get(id) ?? new Set()).add(cb)),
    realtimeUnsubscribeFromVolumeIndicator: (id, cb) =>
      void (cb ? volume.get(id)?.delete(cb) : volume.delete(id)),
    realtimeSubscribeToReceiveDataMessage: (topic) => void topics.add(topic),
    realtimeUnsubscribeFromReceiveDataMessage: (topic) => void topics.delete(topic),
  };
  return {
    media,
    state,
    log,
    /** Holds the next call of `name` (e.g. 'startAudioInput') open until released or failed. */
    hold(name: string): Held {
      const h = held();
      holds.set(name, h);
      return h;
    },
    /** Observers and realtime callbacks still registered. */
    liveSubscriptions: () =>
      av.size +
      content.size +
      devices.size +
      presence.size +
      localMute.size +
      topics.size +
      [...volume.values()].reduce((n, s) => n + s.size, 0),
    didStart: () => av.forEach((o) => o.audioVideoDidStart?.()),
    didStop: (code: MeetingSessionStatusCode) =>
      av.forEach((o) => o.audioVideoDidStop?.(new MeetingSessionStatus(code))),
    present: (id: string, present: boolean, ext = '') =>
      presence.forEach((l) => l(id, present, ext)),
    volume: (id: string, muted: boolean | null, level: number | null = 0.5) =>
      volume.get(id)?.forEach((l) => l(id, level, muted, 2)),
    cameraEnded: () => devices.forEach((o) => o.videoInputStreamEnded?.('cam')),
  };
}

/** A backend whose sessions are fake; `sessions` holds each one opened, in order. */
export function createFakeBackend(
  lists: { cameras?: DeviceOption[]; microphones?: DeviceOption[] } = {},
) {
  const sessions: FakeSession[] = [];
  const backend: MediaBackend = {
    openSession() {
      const s = createFakeSession();
      sessions.push(s);
      return s.media;
    },
    listDevices: async () => ({
      cameras: lists.cameras ?? [{ deviceId: 'cam-1', label: 'Camera' }],
      microphones: lists.microphones ?? [{ deviceId: 'mic-1', label: 'Mic' }],
      speakers: [],
    }),
    audioElement: () => null,
  };
  return { backend, sessions, session: (): FakeSession => sessions[sessions.length - 1]! };
}

/** The real media call engine over a fake backend (createFakeBackend's `lists`): the engine and the fake. */
export function engineOverFakeBackend(lists?: Parameters<typeof createFakeBackend>[0]) {
  const fake = createFakeBackend(lists);
  return { ...fake, engine: createMediaCallEngine(fake.backend) };
}

/** Join options for a test meeting, as attendee `me`. */
export const testJoinOptions = (video = false): JoinOptions => ({
  credentials: {
    Meeting: {
      MeetingId: 'm',
      MediaPlacement: { AudioHostUrl: 'wss://h', SignalingUrl: 'wss://h/s' },
    },
    Attendee: { AttendeeId: 'me', JoinToken: 't' },
  },
  video,
  topics: ['AMAZON_CONNECT_SCREEN_SHARING'],
});

/** Lets the engine run up to its next held step. */
export const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
