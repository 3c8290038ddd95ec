/**
 * Media helpers of the test harness: an animated canvas as a "screen" and per-tile video figures.
 */

/** A moving canvas stream, shared like a screen without any picker. */
export function startCanvasShare(): MediaStream {
  const canvas = Object.assign(document.createElement('canvas'), { width: 640, height: 360 });
  const ctx = canvas.getContext('2d')!;
  let frame = 0;
  setInterval(() => {
    frame++;
    ctx.fillStyle = `hsl(${(frame * 7) % 360} 70% 50%)`;
    ctx.fillRect(0, 0, 640, 360);
    ctx.fillStyle = '#fff';
    ctx.font = '48px sans-serif';
    ctx.fillText(`share ${frame}`, 40, 120 + (frame % 100));
  }, 66);
  return canvas.captureStream(15);
}

/** Decoded frames and size of every remote tile. */
export function tileStats(): Array<{
  attendeeId: string;
  externalUserId: string;
  content: boolean;
  frames: number;
  width: number;
  height: number;
}> {
  return [...document.querySelectorAll<HTMLVideoElement>('#tiles video')].map((v) => ({
    attendeeId: v.dataset.attendee ?? '',
    externalUserId: v.dataset.externalUserId ?? '',
    content: v.dataset.content === 'true',
    frames: v.getVideoPlaybackQuality().totalVideoFrames,
    width: v.videoWidth,
    height: v.videoHeight,
  }));
}

/**
 * Mean luminance (0 to 255) of a remote tile's current frame: near 0 while its sender sends black
 * (paused).
 */
export function tileBrightness(attendeeId: string): number | undefined {
  const v = [...document.querySelectorAll<HTMLVideoElement>('#tiles video')].find(
    (el) => el.dataset.attendee === attendeeId,
  );
  if (!v || v.videoWidth === 0) return undefined;
  const canvas = Object.assign(document.createElement('canvas'), { width: 64, height: 36 });
  const ctx = canvas.getContext('2d', { willReadFrequently: true })!;
  ctx.drawImage(v, 0, 0, 64, 36);
  const { data } = ctx.getImageData(0, 0, 64, 36);
  let sum = 0;
  for (let i = 0; i < data.length; i += 4)
    sum += 0.2126 * data[i]! + 0.7152 * data[i + 1]! + 0.0722 * data[i + 2]!;
  return sum / (data.length / 4);
}
