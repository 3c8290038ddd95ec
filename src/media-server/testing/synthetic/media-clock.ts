/**
 * Paces every synthetic attendee's media on one timer: audio frames every 20 ms and video frames at
 * 15 fps, each attendee at its own random phase so that packets arrive spread out as real clients'
 * do, not in one burst per tick. Frames that fall due while the event loop was busy are sent late,
 * never dropped, so the packet rates stay exact.
 */
import { AUDIO_FRAME_MS, VIDEO_FPS, type VideoFrame } from './media-fixtures';
import type { SyntheticAttendee } from './synthetic-attendee';

const TICK_MS = 5;

interface Paced {
  attendee: SyntheticAttendee;
  nextAudio: number;
  nextVideo: number;
  audioIndex: number;
  videoIndex: number;
}

/** The one timer that paces all synthetic attendees' audio and video frames. */
export class MediaClock {
  private readonly paced: Paced[] = [];
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly audio: Buffer[],
    private readonly video: VideoFrame[],
  ) {
    this.timer = setInterval(() => this.tick(), TICK_MS);
  }

  /** Starts sending for `attendee`; video starts at the loop's keyframe. */
  add(attendee: SyntheticAttendee): void {
    const now = performance.now();
    this.paced.push({
      attendee,
      nextAudio: now + Math.random() * AUDIO_FRAME_MS,
      nextVideo: now + Math.random() * (1000 / VIDEO_FPS),
      audioIndex: Math.floor(Math.random() * this.audio.length),
      videoIndex: 0,
    });
  }

  clear(): void {
    this.paced.length = 0;
  }

  stop(): void {
    clearInterval(this.timer);
  }

  private tick(): void {
    const now = performance.now();
    for (const p of this.paced) {
      while (p.nextAudio <= now) {
        p.attendee.sendAudio(this.audio[p.audioIndex]!);
        p.audioIndex = (p.audioIndex + 1) % this.audio.length;
        p.nextAudio += AUDIO_FRAME_MS;
      }
      while (p.nextVideo <= now) {
        p.attendee.sendVideo(this.video[p.videoIndex]!);
        p.videoIndex = (p.videoIndex + 1) % this.video.length;
        p.nextVideo += 1000 / VIDEO_FPS;
      }
    }
  }
}
