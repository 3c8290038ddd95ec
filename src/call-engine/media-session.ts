/**
 * The small part of the Chime SDK's audio-video facade the engine talks to. The real one is a
 * `DefaultMeetingSession`'s `audioVideo` (chime-backend.ts); unit tests drive a fake
 * (testing/fake-media-session.ts) through the same interface, so every interleaving of join, leave
 * and device calls can be reproduced without a browser.
 */
import type { AudioTransformDevice, AudioVideoFacade } from 'amazon-chime-sdk-js';
import type { BackgroundCamera } from './effects/background-processor';
import type { BackgroundEffect, DeviceOption, JoinOptions } from './call-types';

/** The part of the SDK's AudioVideoFacade the engine uses (the fakes implement exactly this). */
export type MediaSession = Pick<
  AudioVideoFacade,
  | 'addObserver'
  | 'removeObserver'
  | 'addContentShareObserver'
  | 'removeContentShareObserver'
  | 'addDeviceChangeObserver'
  | 'removeDeviceChangeObserver'
  | 'start'
  | 'stop'
  | 'startAudioInput'
  | 'stopAudioInput'
  | 'startVideoInput'
  | 'stopVideoInput'
  | 'chooseVideoInputQuality'
  | 'setVideoMaxBandwidthKbps'
  | 'startLocalVideoTile'
  | 'stopLocalVideoTile'
  | 'bindAudioElement'
  | 'chooseAudioOutput'
  | 'bindVideoElement'
  | 'unbindVideoElement'
  | 'startContentShareFromScreenCapture'
  | 'stopContentShare'
  | 'realtimeMuteLocalAudio'
  | 'realtimeUnmuteLocalAudio'
  | 'realtimeSendDataMessage'
  | 'realtimeSubscribeToAttendeeIdPresence'
  | 'realtimeUnsubscribeToAttendeeIdPresence'
  | 'realtimeSubscribeToMuteAndUnmuteLocalAudio'
  | 'realtimeUnsubscribeToMuteAndUnmuteLocalAudio'
  | 'realtimeSubscribeToVolumeIndicator'
  | 'realtimeUnsubscribeFromVolumeIndicator'
  | 'realtimeSubscribeToReceiveDataMessage'
  | 'realtimeUnsubscribeFromReceiveDataMessage'
>;

/** The media effects a backend can apply to the customer's devices. */
export interface MediaEffects {
  /** Noise suppression can run in this browser (AudioWorklet, WebAssembly, Web Audio input). */
  noiseSuppression: boolean;
  /** The microphone `deviceId` through noise suppression (its files load when it is first used). */
  suppressedMicrophone(deviceId: string): AudioTransformDevice;
  /**
   * A camera with a background effect (its model loads on `ready()`); absent where it cannot run.
   */
  backgroundCamera?(effect: BackgroundEffect): BackgroundCamera;
  /**
   * Whether Web Audio (where suppression runs) may run now; false, at once, where the browser holds
   * it until the page's first user gesture (Firefox, Safari), instead of waiting for that gesture.
   */
  webAudioReady(): Promise<boolean>;
  /** Calls `then` once Web Audio runs (the page's next gesture resumes it); returns a cancel. */
  whenWebAudioRuns(then: () => void): () => void;
  /**
   * Where the session carries every microphone through Web Audio (and so sends silence while the
   * browser holds it): sends microphone `deviceId`'s own track instead, until the returned function
   * is called (back to the session's input, the track stopped).
   */
  directMicrophone?(deviceId: string): Promise<() => Promise<void>>;
}

/** What the engine needs from outside: a session per join, and the browser's device lists. */
export interface MediaBackend {
  /** Creates (does not start) the session of one meeting. */
  openSession(options: JoinOptions): MediaSession;
  listDevices(): Promise<{
    cameras: DeviceOption[];
    microphones: DeviceOption[];
    speakers: DeviceOption[];
  }>;
  /** Media effects (absent: the plain devices only). */
  effects?: MediaEffects;
  /** The element remote audio plays into (null outside a browser). */
  audioElement(): HTMLAudioElement | null;
}
