/**
 * The soak's browser call: two harness pages in real Chromium (the unmodified Chime SDK, fake
 * camera and microphone) in a meeting of the soak's media server process, both cameras on, held for
 * a number of minutes beside the synthetic calls. It reports what each page receives in a 10 s
 * window at the start and at the end: decoded frames per second of the other's camera and audio
 * packets per second (the SDK sends 50 a second, so the shortfall is the audio loss).
 */
import { chromium, type Page } from '@playwright/test';
import { chromiumLaunchOptions } from '../e2e/testing/chromium';
import { buildHarness } from '../e2e/testing/harness-build';
import { audioPackets, call, joinPage, started, tiles } from '../e2e/media/testing/harness-page';
import type { ServerProcess } from './load/server-process-client';

const WINDOW_MS = 10_000;
const SENT_AUDIO_PER_SECOND = 50;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Received video frames/s and audio packets/s of each page over one window. */
async function measure(pages: Page[], ids: string[], label: string): Promise<void> {
  const read = () =>
    Promise.all(
      pages.map(async (p, i) => ({
        frames: (await tiles(p)).find((t) => t.attendeeId === ids[1 - i])?.frames ?? 0,
        audio: await audioPackets(p),
      })),
    );
  const before = await read();
  const t0 = performance.now();
  await sleep(WINDOW_MS);
  const after = await read();
  const seconds = (performance.now() - t0) / 1000;
  after.forEach((x, i) => {
    const fps = (x.frames - before[i]!.frames) / seconds;
    const pps = (x.audio - before[i]!.audio) / seconds;
    const loss = Math.max(0, 1 - pps / SENT_AUDIO_PER_SECOND) * 100;
    console.log(
      `  ${label} browser page ${i}: ${fps.toFixed(1)} fps of the other camera, ` +
        `${pps.toFixed(1)} audio packets/s (audio loss ≈ ${loss.toFixed(1)} %)`,
    );
  });
}

/** Holds one browser call on `server` for `minutes`, measuring it at the start and at the end. */
export async function soakBrowserCall(server: ServerProcess, minutes: number): Promise<void> {
  await buildHarness();
  const browser = await chromium.launch(chromiumLaunchOptions());
  try {
    const { meeting, attendees } = await server.createMeeting(['browser-a', 'browser-b']);
    const url = `${new URL(meeting.MediaPlacement.SignalingUrl).origin.replace(/^ws/, 'http')}/e2e/harness/`;
    const pages: Page[] = [];
    for (const attendee of attendees) pages.push(await joinPage(browser, url, meeting, attendee));
    await Promise.all(pages.map(started));
    for (const page of pages) await call(page, 'startVideo');
    const ids = attendees.map((a) => a.AttendeeId);
    const t0 = performance.now();
    await sleep(5_000); // the cameras' first frames and bitrate ramp
    await measure(pages, ids, 'start');
    await sleep(Math.max(0, minutes * 60_000 - (performance.now() - t0) - WINDOW_MS));
    await measure(pages, ids, 'end');
  } finally {
    await browser.close();
  }
}
