/**
 * The call engine over a {@link MediaBackend}: one engine is one call. Join, leave and device
 * commands may interleave in any order: a leave during joining wins (nothing starts after it,
 * devices that started meanwhile are released), and leaving removes every observer and realtime
 * subscription.
 */
import type { CallEngine } from './call-engine-api';
import type { LeaveReason } from './call-types';
import { createAudioOutput } from './audio-output';
import { attachSession, type ObserverHooks } from './chime-observers';
import { pushMessage } from './chime-realtime';
import { CallEngineError, toDeviceError } from './device-errors';
import { joinSession } from './join-session';
import type { MediaBackend, MediaSession } from './media-session';
import { createCamera, releaseDevices } from './session-devices';
import { createMicrophone } from './session-microphone';
import { createBackground } from './session-background';
import type { BackgroundEffect } from './call-types';
import { createSnapshotStore, refreshDeviceState } from './snapshot-store';
import { applyVideoQuality } from './video-quality';

type Phase = 'idle' | 'joining' | 'started' | 'ended';

/** Creates an idle engine over `backend`; `join` starts the call. */
export function createMediaCallEngine(backend: MediaBackend): CallEngine {
  const store = createSnapshotStore();
  const audio = createAudioOutput(store, backend.audioElement());
  let phase: Phase = 'idle';
  let session: MediaSession | null = null;
  let camera: ReturnType<typeof createCamera> | null = null;
  let microphone: ReturnType<typeof createMicrophone> | null = null;
  let wantSuppression = true;
  let background: ReturnType<typeof createBackground> | null = null;
  let wantBackground: BackgroundEffect = { kind: 'none' };
  let detach: () => void = () => undefined;
  let leaving: Promise<void> | null = null;

  const ended = () => phase === 'ended';
  const refreshDevices = () => refreshDeviceState(store, backend.listDevices);
  const end = (s: MediaSession) => {
    phase = 'ended';
    detach();
    detach = () => undefined;
    s.stopContentShare();
  };
  /** Releases the devices of `s`, then the effects that processed them. */
  const release = async (s: MediaSession) => {
    await releaseDevices(s);
    microphone?.release();
    background?.release();
  };
  const cleared = {
    cameraOn: false,
    sharing: false,
    tiles: [],
    attendees: [],
    activeSpeakerId: null,
  };
  /** The session stopped on its own (meeting ended, removed, connection lost). */
  const stopped = async (reason: LeaveReason) => {
    if (!session || ended()) return;
    end(session);
    await release(session);
    audio.pause();
    store.update({ status: { kind: 'left', reason }, ...cleared });
  };
  const hooks: ObserverHooks = {
    onStarted: () => void audio.play(),
    onStopped: (reason) => void stopped(reason),
    onDeviceLost: (kind) =>
      kind === 'camera'
        ? camera?.lost()
        : store.update((s) => ({ devices: { ...s.devices, lost: kind } })),
    onDevicesChanged: () => void refreshDevices(),
  };
  /** The session while the call is on; null once it ended; a programming error before `join`. */
  const active = (): MediaSession | null => {
    if (phase === 'idle' || !session) throw new CallEngineError('join-failed', 'not in a call');
    return ended() ? null : session;
  };

  const engine: CallEngine = {
    getSnapshot: store.get,
    subscribe: store.subscribe,
    async join(options) {
      if (phase === 'ended') return; // left before joining: nothing starts
      if (phase !== 'idle')
        throw new CallEngineError('join-failed', 'this engine already joined a call');
      if (options.signal?.aborted) return void (await engine.leave());
      // Cancelling the start is leaving: the leave-during-join rules below release what started.
      options.signal?.addEventListener('abort', () => void engine.leave(), { once: true });
      phase = 'joining';
      store.update({
        status: { kind: 'joining' },
        selfAttendeeId: options.credentials.Attendee.AttendeeId,
      });
      const s = backend.openSession(options);
      session = s;
      applyVideoQuality(s, options.videoQuality);
      const bg = (background = createBackground(
        store,
        backend.effects,
        options.background ?? wantBackground,
      ));
      const cam = (camera = createCamera(s, store, ended, bg.input));
      const mic = (microphone = createMicrophone(
        s,
        store,
        backend.effects,
        options.noiseSuppression ?? wantSuppression,
      ));
      detach = attachSession(s, store, hooks, options.topics ?? []);
      try {
        const start = () => {
          phase = 'started';
          return s.start();
        };
        await joinSession(s, options, {
          store,
          ended,
          start,
          refreshDevices,
          camera: cam,
          startMicrophone: mic.start,
          audioElement: audio.element,
          chooseSpeaker: engine.chooseSpeaker,
        });
        // Left meanwhile: effects that started after the leave go too.
        if (ended()) {
          mic.release();
          bg.release();
        }
      } catch (error) {
        if (ended()) return void (await release(s));
        const failure = toDeviceError(error, 'joining the call');
        end(s);
        await release(s);
        store.update({ status: { kind: 'failed', code: failure.code, message: failure.message } });
        throw failure;
      }
    },
    leave() {
      leaving ??= (async () => {
        const s = session;
        const wasStarted = phase === 'started';
        if (!s)
          return void (
            (phase = 'ended'),
            store.update({ status: { kind: 'left', reason: 'left' } })
          );
        if (ended()) return;
        end(s);
        await release(s);
        if (wasStarted) s.stop();
        audio.pause();
        store.update({ status: { kind: 'left', reason: 'left' }, ...cleared });
      })();
      return leaving;
    },
    setMuted(muted) {
      const s = active();
      if (muted) s?.realtimeMuteLocalAudio();
      else s?.realtimeUnmuteLocalAudio();
    },
    setCameraOn: async (on) => (active() ? camera?.set(on) : undefined),
    async chooseCamera(deviceId) {
      store.update((s) => ({ devices: { ...s.devices, camera: deviceId } }));
      if (session && !ended() && store.get().cameraOn) await camera?.set(true);
    },
    async chooseMicrophone(deviceId) {
      const s = active();
      if (!s) return;
      try {
        await microphone?.start(deviceId);
      } catch (error) {
        throw toDeviceError(error, 'switching the microphone');
      }
      if (ended()) return void (await release(s));
      store.update((st) => ({
        devices: {
          ...st.devices,
          microphone: deviceId,
          lost: st.devices.lost === 'microphone' ? null : st.devices.lost,
        },
      }));
    },
    async chooseSpeaker(deviceId) {
      if (!store.get().devices.speakerSelectable || !session || ended()) return;
      await session.chooseAudioOutput(deviceId);
      store.update((s) => ({ devices: { ...s.devices, speaker: deviceId } }));
    },
    async setNoiseSuppression(on) {
      wantSuppression = on;
      const s = session && !ended() ? session : null;
      if (!s || !microphone) return;
      try {
        await microphone.setSuppression(on);
      } catch (error) {
        throw toDeviceError(error, 'switching noise suppression');
      }
      if (ended()) await release(s);
    },
    async setBackground(effect) {
      wantBackground = effect;
      if (!background)
        return void store.update((st) => ({ effects: { ...st.effects, background: effect } }));
      const restart = background.set(effect);
      if (!session || ended() || !store.get().cameraOn || !restart) return;
      try {
        await camera?.set(true);
      } catch (error) {
        throw toDeviceError(error, 'changing the background');
      }
      if (effect.kind === 'none') background.detach();
    },
    refreshDevices,
    async startScreenShare() {
      const s = active();
      try {
        await s?.startContentShareFromScreenCapture();
      } catch (error) {
        throw new CallEngineError(
          'share-failed',
          `screen share failed (${error instanceof Error ? error.name : String(error)})`,
        );
      }
      if (ended()) s?.stopContentShare();
    },
    stopScreenShare: () => (session && !ended() ? session.stopContentShare() : undefined),
    sendDataMessage(topic, text, lifetimeMs = 0) {
      const s = active();
      if (!s) return;
      s.realtimeSendDataMessage(topic, text, lifetimeMs);
      pushMessage(store, {
        topic,
        text,
        senderAttendeeId: store.get().selfAttendeeId ?? '',
        senderExternalUserId: '',
        timestampMs: Date.now(),
        local: true,
      });
    },
    bindTile(tileId, element) {
      if (!session || ended()) return;
      if (element) session.bindVideoElement(tileId, element);
      else session.unbindVideoElement(tileId, false);
    },
    startAudio: () => audio.play(),
  };
  return engine;
}
