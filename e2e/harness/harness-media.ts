/** Media helpers of the test harness: an animated canvas as a "screen" and per-tile video figures. */

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
export function tileStats(): Array<{ attendeeId: string; content: boolean; frames: number; width: number; height: number }> {
  return [...document.querySelectorAll<HTMLVideoElement>('#tiles video')].map((v) => ({
    attendeeId: v.dataset.attendee ?? '',
    content: v.dataset.content === 'true',
    frames: v.getVideoPlaybackQuality().totalVideoFrames,
    width: v.videoWidth,
    height: v.videoHeight,
  }));
}
