/**
 * Media server benchmark (`npm run bench -- media`): the unmodified Chime SDK in headless Chromium
 * against the real local media server on loopback. Prints join time, time to first remote frame,
 * seconds until the received camera reaches 640×360, server CPU per 1:1 call (audio + 640×360
 * video both ways) and how many such calls run before frame rate or audio packets drop.
 * Bounded: at most MAX_CALLS calls, each measured for SAMPLE_SECONDS.
 */
import { chromium, type Browser } from '@playwright/test';
import { cpus } from 'node:os';
import { chromiumLaunchOptions } from '../e2e/testing/chromium';
import { startMediaTestServer } from '../e2e/media/testing/media-test-server';
import { buildHarness } from '../e2e/testing/harness-build';
import { BenchCall } from './media-bench-call';
import { median } from './bench-stats';

const RUNS = 3;
const MAX_CALLS = 8;
const SAMPLE_SECONDS = 8;
/**
 * A call "holds" while every page decodes ≥ 10 fps of remote video and gets ≥ 45 audio packets/s
 * (50 sent).
 */
const MIN_FPS = 10;
const MIN_AUDIO_PPS = 45;

/** CPU time this process used during `fn`, as a percentage of one core. */
async function cpuPercent(seconds: number): Promise<number> {
  const start = process.cpuUsage();
  const t0 = performance.now();
  await new Promise((r) => setTimeout(r, seconds * 1000));
  const used = process.cpuUsage(start);
  return ((used.user + used.system) / 1000 / (performance.now() - t0)) * 100;
}

await buildHarness();
const server = await startMediaTestServer();
const browser = await chromium.launch(chromiumLaunchOptions());
console.log(
  `machine: ${cpus().length} CPUs (${cpus()[0]?.model ?? 'unknown'}); browsers run on the same machine`,
);

try {
  const joins: number[] = [];
  const firsts: number[] = [];
  const to640: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const c = await BenchCall.open(browser, server);
    joins.push(await c.joinMs());
    const v = await c.measureVideo();
    firsts.push(v.firstFrameMs);
    to640.push(v.secondsTo640);
    await c.close();
  }
  console.log(
    `start() → audioVideoDidStart: median ${median(joins).toFixed(0)} ms (runs: ${joins.map((x) => x.toFixed(0)).join(', ')})`,
  );
  console.log(
    `startLocalVideoTile → first decoded remote frame: median ${median(firsts).toFixed(0)} ms (runs: ${firsts.map((x) => x.toFixed(0)).join(', ')})`,
  );
  console.log(
    `received video reaches 640×360 after: median ${median(to640).toFixed(1)} s (runs: ${to640.map((x) => x.toFixed(1)).join(', ')})`,
  );

  // Server CPU: this process (media server + the Playwright driver) during a call, minus idle.
  const idle = await cpuPercent(SAMPLE_SECONDS);
  const calls: BenchCall[] = [];
  // One browser per call: with many pages in one Chromium, older pages stopped rendering video
  // (0 fps) while the server kept forwarding — a browser limit, not what this bench measures.
  const browsers: Browser[] = [];
  let held = 0;
  for (let n = 1; n <= MAX_CALLS; n++) {
    browsers.push(await chromium.launch(chromiumLaunchOptions()));
    let c: BenchCall;
    try {
      c = await BenchCall.open(browsers.at(-1)!, server);
      await c.startBothCameras();
    } catch (err) {
      // The machine is saturated (the new call's pages cannot even load and join): that is the
      // limit.
      console.log(
        `${n} call(s): could not be set up (${(err as Error).name}: the browsers and the server saturate the machine)`,
      );
      break;
    }
    calls.push(c);
    await new Promise((r) => setTimeout(r, 4000)); // let the bitrate ramp up
    const [cpu, samples] = await Promise.all([
      cpuPercent(SAMPLE_SECONDS),
      Promise.all(calls.map((x) => x.sample(SAMPLE_SECONDS))),
    ]);
    const all = samples.flat();
    const worstFps = Math.min(...all.map((s) => s.fps));
    const worstAudio = Math.min(...all.map((s) => s.audioPacketsPerSecond));
    const minWidth = Math.min(...all.map((s) => s.width));
    console.log(
      `${n} call(s): server process CPU ${(cpu - idle).toFixed(1)} % of one core (${((cpu - idle) / n).toFixed(1)} % per call; idle ${idle.toFixed(1)} %), ` +
        `worst page: ${worstFps.toFixed(1)} fps, ${worstAudio.toFixed(0)} audio packets/s, smallest received width ${minWidth}`,
    );
    if (worstFps < MIN_FPS || worstAudio < MIN_AUDIO_PPS) {
      console.log(
        `  per page (fps/audio pps): ${all.map((s) => `${s.fps.toFixed(0)}/${s.audioPacketsPerSecond.toFixed(0)}`).join(', ')}`,
      );
      break;
    }
    held = n;
  }
  console.log(
    `calls held on this machine (≥ ${MIN_FPS} fps and ≥ ${MIN_AUDIO_PPS} audio packets/s on every page): ${held}${held === MAX_CALLS ? ` (bench limit ${MAX_CALLS})` : ''}`,
  );
  console.log(
    'note: the browsers (2 pages per call, encoding and decoding video) share these CPUs with the server, so the call count is a lower bound for the server alone.',
  );
  for (const c of calls) await c.close();
  for (const b of browsers) await b.close();
} finally {
  await browser.close();
  await server.close();
}
