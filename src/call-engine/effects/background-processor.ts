/**
 * The customer's camera with a background effect, on the Chime SDK's video processing interface: a
 * {@link VideoFrameProcessor} in a {@link DefaultVideoTransformDevice}. The effect changes in place
 * (the processor reads it per frame), so blur ↔ image needs no new device and no renegotiation. The
 * compositor and segmenter (MediaPipe, several MB) load in their own chunk on `ready()`.
 */
import {
  CanvasVideoFrameBuffer,
  DefaultVideoTransformDevice,
  type Logger,
  type VideoFrameBuffer,
  type VideoFrameProcessor,
  type VideoInputDevice,
} from 'amazon-chime-sdk-js';
import type { BackgroundEffect } from '../call-types';
import type { Compositor } from './background-compositor';
import { loadCompositor } from './load-compositor';

/** A camera whose background can change while it runs. */
export interface BackgroundCamera {
  /**
   * Loads the compositor chunk, the segmentation runtime and model (once; retried after a failure).
   */
  ready(): Promise<void>;
  /** The transform device to start for camera `deviceId` (the same one while the camera stays). */
  device(deviceId: string): VideoInputDevice;
  setEffect(effect: BackgroundEffect): void;
  /**
   * Stops the transform device (the camera went plain); the loaded model stays for the next time.
   */
  detach(): Promise<void>;
  /** Frees everything. */
  stop(): Promise<void>;
}

/** A background camera starting with `initial`. */
export function createBackgroundCamera(
  logger: Logger,
  initial: BackgroundEffect,
): BackgroundCamera {
  let effect = initial;
  let compositor: Compositor | null = null;
  let loading: Promise<void> | null = null;
  let transform: DefaultVideoTransformDevice | null = null;
  let inner = '';
  let out: CanvasVideoFrameBuffer | null = null;
  const processor: VideoFrameProcessor = {
    async process(buffers: VideoFrameBuffer[]): Promise<VideoFrameBuffer[]> {
      const source = buffers[0]?.asCanvasElement?.();
      const usable = source instanceof HTMLCanvasElement && source.width > 0;
      if (!compositor || !usable || effect.kind === 'none') return buffers;
      const result = await compositor.render(source, source.width, source.height);
      out ??= new CanvasVideoFrameBuffer(result);
      return [out];
    },
    // Shared by the transform devices of successive cameras: nothing of its own to free.
    destroy: async () => undefined,
  };
  const detach = async () => {
    const t = transform;
    transform = null;
    await t?.stop();
  };
  return {
    ready() {
      loading ??= loadCompositor(effect).then((c) => {
        compositor = c;
      });
      loading.catch(() => (loading = null));
      return loading;
    },
    device(deviceId) {
      if (transform && inner === deviceId) return transform;
      void detach();
      inner = deviceId;
      transform = new DefaultVideoTransformDevice(logger, deviceId, [processor]);
      return transform;
    },
    setEffect(next) {
      effect = next;
      compositor?.setEffect(next);
    },
    detach,
    async stop() {
      await detach();
      await compositor?.close();
      compositor = null;
      loading = null;
    },
  };
}
