/**
 * The pre-call camera preview and microphone level meter, with plain browser APIs (no Chime SDK,
 * so the pre-call screen does not need the SDK chunk). `stop()` always releases every track, so
 * the camera light goes off when the customer leaves the screen or joins.
 */
import { toDeviceError, type CallEngineError } from './device-errors';

/** The pre-call camera and microphone: the stream, and a stop that releases them. */
export interface MediaPreview {
  stream: MediaStream;
  /** Microphone level in [0, 1] (RMS of the latest audio frame). */
  level(): number;
  stop(): void;
}

/** Which devices the preview opens. */
export interface PreviewOptions {
  video: boolean;
  camera?: string | null;
  microphone?: string | null;
}

/** Asks for the chosen devices and starts a preview; rejects with a {@link CallEngineError}. */
export async function startMediaPreview(options: PreviewOptions): Promise<MediaPreview> {
  let stream: MediaStream;
  try {
    stream = await navigator.mediaDevices.getUserMedia({
      audio: options.microphone ? { deviceId: { exact: options.microphone } } : true,
      video: options.video
        ? options.camera
          ? { deviceId: { exact: options.camera } }
          : true
        : false,
    });
  } catch (error) {
    throw toDeviceError(error, 'opening the camera or microphone') satisfies CallEngineError;
  }
  let context: AudioContext | null = null;
  let analyser: AnalyserNode | null = null;
  try {
    context = new AudioContext();
    analyser = context.createAnalyser();
    analyser.fftSize = 512;
    context.createMediaStreamSource(stream).connect(analyser);
  } catch {
    analyser = null; // no Web Audio: the meter simply stays at 0
  }
  const buffer = new Float32Array(512);
  return {
    stream,
    level() {
      if (!analyser) return 0;
      analyser.getFloatTimeDomainData(buffer);
      let sum = 0;
      for (const v of buffer) sum += v * v;
      return Math.min(1, Math.sqrt(sum / buffer.length) * 4);
    },
    stop() {
      for (const track of stream.getTracks()) track.stop();
      void context?.close().catch(() => undefined);
    },
  };
}
