/**
 * The real {@link MediaBackend}: Chime meeting sessions from Connect's ConnectionData, devices from
 * the browser. The only place that constructs SDK sessions.
 */
import {
  ConsoleLogger,
  DefaultMeetingSession,
  LogLevel,
  MeetingSessionConfiguration,
} from 'amazon-chime-sdk-js';
import { listDevices } from './device-lists';
import { createNoiseSuppressor, noiseSuppressionSupported } from './effects/noise-suppression';
import { createBackgroundCamera } from './effects/background-processor';
import { backgroundEffectsSupported } from './effects/effect-support';
import { webAudioReady, whenWebAudioRuns } from './effects/web-audio-gate';
import { DirectAudioDeviceController } from './direct-audio-device-controller';
import type { MediaBackend } from './media-session';

/** One backend per engine: it owns the device controller every session of that engine uses. */
export function createChimeBackend(): MediaBackend {
  // ERROR only: INFO logs would include join URLs
  const logger = new ConsoleLogger('call-engine', LogLevel.ERROR);
  const suppression = noiseSuppressionSupported();
  // Web Audio carries the microphone only where noise suppression can run in it (its transform
  // device needs the SDK's audio graph); elsewhere the track goes to the peer connection as it is.
  const deviceController = new DirectAudioDeviceController(logger, { enableWebAudio: suppression });
  return {
    effects: {
      noiseSuppression: suppression,
      suppressedMicrophone: createNoiseSuppressor,
      webAudioReady,
      whenWebAudioRuns,
      ...(suppression
        ? { directMicrophone: (id) => sendMicrophoneDirect(deviceController, id) }
        : {}),
      ...(backgroundEffectsSupported()
        ? { backgroundCamera: (effect) => createBackgroundCamera(logger, effect) }
        : {}),
    },
    openSession(options) {
      const config = new MeetingSessionConfiguration(
        options.credentials.Meeting,
        options.credentials.Attendee,
      );
      if (options.urlRewriter && config.urls) config.urls.urlRewriter = options.urlRewriter;
      return new DefaultMeetingSession(config, logger, deviceController).audioVideo;
    },
    listDevices,
    audioElement: () => (typeof Audio === 'function' ? new Audio() : null),
  };
}

/**
 * Captures microphone `deviceId` and sends its own track around the SDK's audio graph (held Web
 * Audio would send silence); the returned function goes back to the graph and stops the track.
 */
async function sendMicrophoneDirect(
  controller: DirectAudioDeviceController,
  deviceId: string,
): Promise<() => Promise<void>> {
  const stream = await navigator.mediaDevices.getUserMedia({
    audio: { deviceId: { exact: deviceId } },
  });
  await controller.sendDirect(stream);
  return async () => {
    await controller.sendDirect(undefined);
    for (const track of stream.getTracks()) track.stop();
  };
}
