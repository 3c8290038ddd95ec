/**
 * The only module that drives amazon-chime-sdk-js: joins a Chime meeting from Connect's
 * ConnectionData and exposes it as a {@link CallEngine} (snapshot + commands). Load it lazily.
 */
import { ConsoleLogger, DefaultDeviceController, DefaultMeetingSession, LogLevel, MeetingSessionConfiguration, type AudioVideoFacade } from 'amazon-chime-sdk-js';
import type { CallEngine } from './call-engine-api';
import type { JoinOptions, LeaveReason } from './call-types';
import { createAudioOutput } from './audio-output';
import { createObservers } from './chime-observers';
import { pushMessage, subscribeRealtime } from './chime-realtime';
import { CallEngineError, toDeviceError } from './device-errors';
import { keepOrFirst } from './device-lists';
import { refreshDeviceState } from './snapshot-store';
import { createSnapshotStore } from './snapshot-store';

/** Creates an idle engine; `join` starts a call. One engine is one call. */
export function createCallEngine(): CallEngine {
  const store = createSnapshotStore();
  const logger = new ConsoleLogger('call-engine', LogLevel.ERROR); // ERROR only: INFO logs would include join URLs
  const deviceController = new DefaultDeviceController(logger, { enableWebAudio: false });
  const audio = createAudioOutput(store);
  let av: AudioVideoFacade | null = null;
  let leaving = false;

  const refreshDevices = () => refreshDeviceState(store);
  const releaseDevices = async () => {
    if (!av) return;
    av.stopLocalVideoTile();
    await av.stopVideoInput().catch(() => undefined);
    await av.stopAudioInput().catch(() => undefined);
  };
  const finish = async (reason: LeaveReason) => {
    await releaseDevices();
    audio.pause();
    store.update({ status: { kind: 'left', reason: leaving ? 'left' : reason }, cameraOn: false, sharing: false, tiles: [], attendees: [] });
  };
  const observers = createObservers(store, {
    onStarted: () => void audio.play(),
    onStopped: (reason) => void finish(reason),
    onDeviceLost: (kind) => {
      store.update((s) => ({ devices: { ...s.devices, lost: kind }, ...(kind === 'camera' ? { cameraOn: false } : {}) }));
      if (kind === 'camera') av?.stopLocalVideoTile();
    },
    onDevicesChanged: () => void refreshDevices(),
  });

  const requireAv = (): AudioVideoFacade => {
    if (!av) throw new CallEngineError('join-failed', 'not in a call');
    return av;
  };

  const engine: CallEngine = {
    getSnapshot: store.get,
    subscribe: store.subscribe,
    async join(options: JoinOptions) {
      if (av) throw new CallEngineError('join-failed', 'this engine already joined a call');
      store.update({ status: { kind: 'joining' }, selfAttendeeId: options.credentials.Attendee.AttendeeId });
      const config = new MeetingSessionConfiguration(options.credentials.Meeting, options.credentials.Attendee);
      if (options.urlRewriter && config.urls) config.urls.urlRewriter = options.urlRewriter;
      const session = new DefaultMeetingSession(config, logger, deviceController);
      av = session.audioVideo;
      av.addObserver(observers.av);
      av.addContentShareObserver(observers.content);
      av.addDeviceChangeObserver(observers.devices);
      const a = av;
      subscribeRealtime(a, store, options.topics ?? []);
      try {
        await refreshDevices();
        const d = store.get().devices;
        const mic = keepOrFirst(options.microphone, d.microphones);
        await a.startAudioInput(mic ?? 'default');
        store.update((s) => ({ devices: { ...s.devices, microphone: mic } }));
        if (audio.element) await a.bindAudioElement(audio.element);
        if (options.speaker) await engine.chooseSpeaker(options.speaker);
        await refreshDevices(); // labels appear once permission was granted
        a.start();
        // The camera starts once the session runs (video in the very first offer did not flow with the
        // local media server). A camera failure must not fail the call: it is reported as a lost camera.
        if (options.video) await engine.setCameraOn(true).catch(() => store.update((s) => ({ devices: { ...s.devices, lost: 'camera' } })));
      } catch (error) {
        const failure = toDeviceError(error, 'joining the call');
        await releaseDevices();
        av = null;
        store.update({ status: { kind: 'failed', code: failure.code, message: failure.message } });
        throw failure;
      }
    },
    async leave() {
      if (!av || leaving) return;
      leaving = true;
      const current = av;
      current.stopContentShare();
      await releaseDevices();
      current.stop();
      if (store.get().status.kind !== 'left') store.update({ status: { kind: 'left', reason: 'left' }, cameraOn: false, sharing: false });
    },
    setMuted(muted) {
      const a = requireAv();
      if (muted) a.realtimeMuteLocalAudio();
      else a.realtimeUnmuteLocalAudio();
    },
    async setCameraOn(on) {
      const a = requireAv();
      if (!on) {
        a.stopLocalVideoTile();
        await a.stopVideoInput();
        store.update({ cameraOn: false });
        return;
      }
      const cam = keepOrFirst(store.get().devices.camera, store.get().devices.cameras);
      try {
        await a.startVideoInput(cam ?? 'default');
      } catch (error) {
        throw toDeviceError(error, 'starting the camera');
      }
      a.startLocalVideoTile();
      store.update((s) => ({ cameraOn: true, devices: { ...s.devices, camera: cam, lost: s.devices.lost === 'camera' ? null : s.devices.lost } }));
    },
    async chooseCamera(deviceId) {
      store.update((s) => ({ devices: { ...s.devices, camera: deviceId } }));
      if (av && store.get().cameraOn) await engine.setCameraOn(true);
    },
    async chooseMicrophone(deviceId) {
      const a = requireAv();
      try {
        await a.startAudioInput(deviceId);
      } catch (error) {
        throw toDeviceError(error, 'switching the microphone');
      }
      store.update((s) => ({ devices: { ...s.devices, microphone: deviceId, lost: s.devices.lost === 'microphone' ? null : s.devices.lost } }));
    },
    async chooseSpeaker(deviceId) {
      if (!store.get().devices.speakerSelectable || !av) return;
      await av.chooseAudioOutput(deviceId);
      store.update((s) => ({ devices: { ...s.devices, speaker: deviceId } }));
    },
    refreshDevices,
    async startScreenShare() {
      try {
        await requireAv().startContentShareFromScreenCapture();
      } catch (error) {
        throw new CallEngineError('share-failed', `screen share failed (${error instanceof Error ? error.name : String(error)})`);
      }
    },
    stopScreenShare: () => av?.stopContentShare(),
    sendDataMessage(topic, text, lifetimeMs = 0) {
      const a = requireAv();
      a.realtimeSendDataMessage(topic, text, lifetimeMs);
      pushMessage(store, { topic, text, senderAttendeeId: store.get().selfAttendeeId ?? '', senderExternalUserId: '', timestampMs: Date.now(), local: true });
    },
    bindTile(tileId, element) {
      if (!av) return;
      if (element) av.bindVideoElement(tileId, element);
      else av.unbindVideoElement(tileId, false);
    },
    startAudio: () => audio.play(),
  };
  return engine;
}
