/**
 * The steps of joining one session, in the order an ordinary Chime app takes them: microphone,
 * audio output, the camera, `start()`, and the camera's tile at once (so video is in the very first
 * offer; SDK 3.32 drops a `startLocalVideoTile` made before `start()`: "no transition found from
 * NotConnected with Update"). After every wait, a leave that ran meanwhile wins: what this join
 * started is released and nothing more starts.
 */
import type { JoinOptions } from './call-types';
import { keepOrFirst } from './device-lists';
import type { MediaSession } from './media-session';
import { releaseDevices, type createCamera } from './session-devices';
import type { SnapshotStore } from './snapshot-store';

/** What a join needs: the session, its devices, the store and the cancellation signal. */
export interface JoinContext {
  store: SnapshotStore;
  /** True once the call was left (or ended) while joining. */
  ended(): boolean;
  /** Starts the session (and marks the call started, so a leave from now on stops it). */
  start(): void;
  refreshDevices(): Promise<void>;
  camera: ReturnType<typeof createCamera>;
  /** Starts the microphone (through noise suppression when it is on). */
  startMicrophone(deviceId: string): Promise<void>;
  audioElement: HTMLAudioElement | null;
  chooseSpeaker(deviceId: string): Promise<void>;
}

/** Runs the join; resolves without starting when the call was left meanwhile. */
export async function joinSession(
  s: MediaSession,
  options: JoinOptions,
  ctx: JoinContext,
): Promise<void> {
  const { store } = ctx;
  const gone = async () => (ctx.ended() ? (await releaseDevices(s), true) : false);
  await ctx.refreshDevices();
  if (await gone()) return;
  const mic = keepOrFirst(options.microphone, store.get().devices.microphones);
  await ctx.startMicrophone(mic ?? 'default');
  if (await gone()) return;
  store.update((st) => ({ devices: { ...st.devices, microphone: mic } }));
  if (ctx.audioElement) await s.bindAudioElement(ctx.audioElement);
  if (options.speaker) await ctx.chooseSpeaker(options.speaker);
  await ctx.refreshDevices(); // labels appear once permission was granted
  if (await gone()) return;
  let started = false;
  const start = () => {
    started = true;
    return ctx.start();
  };
  // A camera failure does not fail the call: it is reported as a lost camera.
  if (options.video)
    await ctx.camera
      .set(true, start)
      .catch(() => store.update((st) => ({ devices: { ...st.devices, lost: 'camera' } })));
  if (started || (await gone())) return;
  start();
}
