/**
 * The camera's sending quality. A fixed level is a ceiling: the camera is captured at that size
 * (16:9, 15 fps) and the send bitrate capped to match, so the agent never receives more. `auto`
 * captures at 540p, the SDK's own default, and leaves the bitrate to the SDK (1500 kbps ideal):
 * 720p is for entry points that ask for it, as it costs every camera effect and a 2-core laptop
 * more CPU. Every level still adapts to the network below its ceiling: the SDK's default uplink
 * policy (`NScaleVideoUplinkBandwidthPolicy`, kept) lowers the bitrate and resolution as more
 * cameras publish, and the browser's congestion control lowers the bitrate to the estimated uplink,
 * its encoder dropping resolution and frame rate to fit.
 */
import type { VideoQuality } from './call-types';
import type { MediaSession } from './media-session';

/** Capture size and send bitrate cap (kbps; null: the SDK's own) of each quality. */
export const VIDEO_QUALITY_SETTINGS: Record<
  VideoQuality,
  { width: number; height: number; frameRate: number; maxKbps: number | null }
> = {
  auto: { width: 960, height: 540, frameRate: 15, maxKbps: null },
  '720p': { width: 1280, height: 720, frameRate: 15, maxKbps: 1400 },
  '540p': { width: 960, height: 540, frameRate: 15, maxKbps: 1000 },
  '360p': { width: 640, height: 360, frameRate: 15, maxKbps: 600 },
};

/**
 * Sets the quality of `s`'s camera; call before its video input starts (the capture size applies
 * then).
 */
export function applyVideoQuality(s: MediaSession, quality: VideoQuality = 'auto'): void {
  const q = VIDEO_QUALITY_SETTINGS[quality];
  s.chooseVideoInputQuality(q.width, q.height, q.frameRate);
  if (q.maxKbps !== null) s.setVideoMaxBandwidthKbps(q.maxKbps);
}
