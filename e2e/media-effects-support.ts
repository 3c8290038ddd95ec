/**
 * Helpers of the media-effects browser tests: Chromium with a camera and a microphone fed from the
 * committed test media (e2e/fixtures), and what the agent receives measured from the agent's side.
 */
import { resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { chromiumLaunchOptions } from './support/chromium';

const fixture = (name: string) => resolve(import.meta.dirname, 'fixtures', name);

/** Launch options: the fake camera plays scene.y4m, the fake microphone noisy-speech.wav (both looped). */
export function effectsLaunchOptions() {
  const base = chromiumLaunchOptions();
  return {
    ...base,
    args: [
      ...base.args,
      `--use-file-for-fake-video-capture=${fixture('scene.y4m')}`,
      `--use-file-for-fake-audio-capture=${fixture('noisy-speech.wav')}`,
    ],
  };
}

/**
 * The mean power of the audio the page receives, in windows of `windowMs` over `durationMs`, from the
 * inbound RTP statistics (totalAudioEnergy / totalSamplesDuration of each window).
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

/** The `q` quantile (0..1) of `values`: the energy outside speech is a low quantile of the windows. */
export function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
}
