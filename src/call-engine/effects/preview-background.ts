/**
 * The background effect on the pre-call preview, without the Chime SDK: the camera track plays in a
 * detached `<video>`, each frame goes through the compositor, and the compositor's canvas becomes
 * the preview's video track (`captureStream`). The effect changes in place; `stop()` ends the loop
 * and the processed track (the camera track itself belongs to the preview).
 */
import type { BackgroundEffect } from '../call-types';
import type { Compositor } from './background-compositor';

/** The pre-call preview with a background effect: its processed stream, the effect, stop. */
export interface PreviewBackground {
  /** The processed picture (video only). */
  stream: MediaStream;
  setEffect(effect: BackgroundEffect): void;
  stop(): void;
}

/** Runs `compositor` over the video of `source` at about 15 frames per second. */
export function startPreviewBackground(
  source: MediaStream,
  compositor: Compositor,
  doc: Document = document,
): PreviewBackground {
  const video = doc.createElement('video');
  video.muted = true;
  video.playsInline = true;
  video.srcObject = new MediaStream(source.getVideoTracks());
  void video.play().catch(() => undefined);
  const out = doc.createElement('canvas');
  out.width = 2;
  out.height = 2;
  const stream = out.captureStream(15);
  let stopped = false;
  const tick = async () => {
    if (stopped) return;
    const started = performance.now();
    const w = video.videoWidth;
    const h = video.videoHeight;
    if (w > 0 && h > 0 && compositor.effect().kind !== 'none') {
      try {
        const frame = await compositor.render(video, w, h);
        if (out.width !== w) out.width = w;
        if (out.height !== h) out.height = h;
        out.getContext('2d')?.drawImage(frame, 0, 0);
      } catch {
        // a frame the segmenter could not take: the next one will do
      }
    }
    setTimeout(() => void tick(), Math.max(0, 66 - (performance.now() - started)));
  };
  void tick();
  return {
    stream,
    setEffect: (effect) => compositor.setEffect(effect),
    stop() {
      stopped = true;
      for (const t of stream.getTracks()) t.stop();
      video.srcObject = null;
    },
  };
}
