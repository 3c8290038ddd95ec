/**
 * Helpers of the media-effects browser tests: Chromium with a camera and a microphone fed from the
 * committed test media (e2e/fixtures), and what the agent receives measured from the agent's side.
 */
import { resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { chromiumLaunchOptions } from './chromium';

const fixture = (name: string) => resolve(import.meta.dirname, '../fixtures', name);

/**
 * Launch options: the fake camera plays scene.y4m, the fake microphone noisy-speech.wav (both
 * looped).
 */
export function effectsLaunchOptions() {
  const base = chromiumLaunchOptions();
  return {
    ...base,
    args: [
      ...base.args,
      `--use-file-for-fake-video-capture=${fixture('scene.y4m')}`,
      `--use-file-for-fake-audio-capture=${fixture('noisy-speech.wav')}`,
      // The CSP page is answered by Playwright (to add the header), so it has no address:
      // Chromium's Local Network Access would then count it as public and block its WebSockets to
      // localhost.
      '--disable-features=LocalNetworkAccessChecks',
    ],
  };
}

/**
 * The mean power of the audio the page receives, in windows of `windowMs` over `durationMs`, from
 * the inbound RTP statistics (totalAudioEnergy / totalSamplesDuration of each window).
 */
export async function receivedAudioPowers(
  page: Page,
  durationMs: number,
  windowMs = 250,
): Promise<number[]> {
  return page.evaluate(
    async ({ durationMs, windowMs }) => {
      const read = async () => {
        let energy = 0;
        let seconds = 0;
        for (const pc of (window as unknown as { __pcs?: RTCPeerConnection[] }).__pcs ?? []) {
          if (pc.connectionState === 'closed') continue;
          (await pc.getStats()).forEach(
            (s: {
              type: string;
              kind?: string;
              totalAudioEnergy?: number;
              totalSamplesDuration?: number;
            }) => {
              if (s.type !== 'inbound-rtp' || s.kind !== 'audio') return;
              energy += s.totalAudioEnergy ?? 0;
              seconds += s.totalSamplesDuration ?? 0;
            },
          );
        }
        return { energy, seconds };
      };
      const powers: number[] = [];
      let last = await read();
      const end = performance.now() + durationMs;
      while (performance.now() < end) {
        await new Promise((r) => setTimeout(r, windowMs));
        const now = await read();
        const dt = now.seconds - last.seconds;
        if (dt > 0) powers.push((now.energy - last.energy) / dt);
        last = now;
      }
      return powers;
    },
    { durationMs, windowMs },
  );
}

/**
 * The `q` quantile (0..1) of `values`: the energy outside speech is a low quantile of the windows.
 */
export function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
}

/** A region of the frame, in fractions of its width and height. */
export interface Region {
  x: number;
  y: number;
  w: number;
  h: number;
}

/**
 * Sharpness and colour of regions of the video the page receives (the live inbound video track).
 */
export interface RegionStats {
  /** Variance of the 4-neighbour Laplacian of the luma. */
  laplacianVariance: number;
  /** Mean red, green, blue. */
  rgb: [number, number, number];
}

/**
 * Measures `regions` in the newest frame of the page's inbound video (from its recorded peer
 * connections), averaged over `frames` frames 200 ms apart.
 */
export async function receivedVideoStats(
  page: Page,
  regions: Region[],
  frames = 5,
): Promise<RegionStats[]> {
  return page.evaluate(
    async ({ regions, frames }) => {
      const w = window as unknown as {
        __pcs?: RTCPeerConnection[];
        __fxVideo?: HTMLVideoElement;
      };
      const tracks = (w.__pcs ?? [])
        .filter((pc) => pc.connectionState !== 'closed')
        .flatMap((pc) => pc.getReceivers().map((r) => r.track))
        .filter((t) => t.kind === 'video' && t.readyState === 'live');
      if (!w.__fxVideo) {
        w.__fxVideo = document.createElement('video');
        w.__fxVideo.muted = true;
      }
      const video = w.__fxVideo;
      // The track that delivers frames (the customer's camera) among the live inbound ones.
      for (const track of tracks) {
        video.srcObject = new MediaStream([track]);
        // play() waits for a first frame: a track without frames must not hang the measurement.
        await Promise.race([
          video.play().catch(() => undefined),
          new Promise((r) => setTimeout(r, 1000)),
        ]);
        const until = performance.now() + 3000;
        while (video.videoWidth === 0 && performance.now() < until)
          await new Promise((r) => setTimeout(r, 50));
        if (video.videoWidth > 0) break;
      }
      const W = video.videoWidth;
      const H = video.videoHeight;
      if (!W || !H) throw new Error('no inbound video frames');
      const canvas = document.createElement('canvas');
      canvas.width = W;
      canvas.height = H;
      const ctx = canvas.getContext('2d', { willReadFrequently: true })!;
      const sums = regions.map(() => ({ lap: 0, r: 0, g: 0, b: 0 }));
      for (let f = 0; f < frames; f++) {
        await new Promise((r) => setTimeout(r, 200));
        ctx.drawImage(video, 0, 0, W, H);
        regions.forEach((reg, i) => {
          const x0 = Math.round(reg.x * W);
          const y0 = Math.round(reg.y * H);
          const rw = Math.max(3, Math.round(reg.w * W));
          const rh = Math.max(3, Math.round(reg.h * H));
          const d = ctx.getImageData(x0, y0, rw, rh).data;
          const luma = (x: number, y: number) => {
            const p = (y * rw + x) * 4;
            return 0.299 * d[p]! + 0.587 * d[p + 1]! + 0.114 * d[p + 2]!;
          };
          const laps: number[] = [];
          for (let y = 1; y < rh - 1; y++)
            for (let x = 1; x < rw - 1; x++)
              laps.push(
                luma(x - 1, y) + luma(x + 1, y) + luma(x, y - 1) + luma(x, y + 1) - 4 * luma(x, y),
              );
          const mean = laps.reduce((a, b) => a + b, 0) / laps.length;
          const variance = laps.reduce((a, b) => a + (b - mean) ** 2, 0) / laps.length;
          let r = 0;
          let g = 0;
          let b = 0;
          for (let p = 0; p < d.length; p += 4) {
            r += d[p]!;
            g += d[p + 1]!;
            b += d[p + 2]!;
          }
          const n = d.length / 4;
          sums[i]!.lap += variance / frames;
          sums[i]!.r += r / n / frames;
          sums[i]!.g += g / n / frames;
          sums[i]!.b += b / n / frames;
        });
      }
      return sums.map((s) => ({ laplacianVariance: s.lap, rgb: [s.r, s.g, s.b] }));
    },
    { regions, frames },
  );
}
