/**
 * Media-effect figures (issue 21), from the build and through the real widget page in Chromium with
 * the test camera (e2e/fixtures/scene.y4m, 240×180) and noisy microphone:
 *  - the bytes of each lazily loaded effect chunk and file (never part of the pre-join download);
 *  - the customer page's CPU (main-thread task time per second, CDP Performance metrics) on the
 *    pre-call preview with the background off, blurred and replaced, and the segmentation step's
 *    time per frame (the compositor's User Timing measures);
 *  - noise suppression: the page's CPU with a microphone → RNNoise worklet graph running or not,
 *    and the added latency of the audio path (from the worklet's framing).
 * Bounded: a few 8-second windows. Needs `npm run build`. Run: `npm run bench -- media-effects`.
 */
import { join, resolve } from 'node:path';
import { chromium, type CDPSession, type Page } from '@playwright/test';
import { effectsLaunchOptions } from '../e2e/testing/media-effects-support';
import { startLocalStack } from '../src/backend/testing/start-local-stack';
import { readReport } from '../scripts/bundle-budget.mjs';

const WINDOW_MS = 8000;
const dist = resolve('dist');
const kb = (b: number) => `${(b / 1024).toFixed(1)} KB`;

const grouped = readReport(join(dist, '.vite', 'bundle-report.json'));
console.log('Effect chunks and files (loaded only when an effect is used):');
for (const c of grouped.effects.chunks) console.log(`  ${c.file}: ${kb(c.gzip)} gzip`);
for (const a of grouped.effects.assets)
  console.log(`  ${a.file}: ${kb(a.gzip)} gzip, ${kb(a.bytes)} raw`);
const sum = (names: RegExp) =>
  grouped.effects.assets.filter((a) => names.test(a.file)).reduce((n, a) => n + a.gzip, 0);
console.log(
  `  noise suppression downloads (worklet + SIMD wasm): ${kb(sum(/rnnoise-worklet|rnnoise_simd/))} gzip; background (SIMD wasm + loader + model + graph): ${kb(sum(/simd_wasm_bin|tflite|binarypb/))} gzip, plus ${kb(grouped.effects.chunks.reduce((n, c) => n + c.gzip, 0))} of chunks`,
);

/** Main-thread task seconds per second over one window. */
async function cpu(cdp: CDPSession, page: Page): Promise<number> {
  const task = async () =>
    ((await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'TaskDuration')
      ?.value ?? 0) as number;
  const t0 = await task();
  await page.waitForTimeout(WINDOW_MS);
  return ((await task()) - t0) / (WINDOW_MS / 1000);
}

/**
 * Mean of the compositor's segmentation and whole-frame times over a window (sampled every 200 ms).
 */
async function frameTimes(page: Page): Promise<{ segment: number; frame: number }> {
  return page.evaluate(async (ms) => {
    const seg: number[] = [];
    const frame: number[] = [];
    const end = performance.now() + ms;
    while (performance.now() < end) {
      await new Promise((r) => setTimeout(r, 200));
      const s = performance.getEntriesByName('cvc-segmentation').at(-1);
      const f = performance.getEntriesByName('cvc-background-frame').at(-1);
      if (s) seg.push(s.duration);
      if (f) frame.push(f.duration);
    }
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
    return { segment: mean(seg), frame: mean(frame) };
  }, 3000);
}

const stack = await startLocalStack({ distDir: dist });
const browser = await chromium.launch(effectsLaunchOptions());
try {
  const context = await browser.newContext({ permissions: ['camera', 'microphone'] });
  const page = await context.newPage();
  // tsx names the functions in page.evaluate bodies with a helper the page does not have.
  await page.addInitScript('window.__name = (f) => f');
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  await page.goto(`${stack.baseUrl}/`);
  await page.getByRole('button', { name: 'Start video call' }).click();
  const dialog = page.getByRole('dialog', { name: 'Video call' });
  await dialog.getByTestId('camera-preview').waitFor();
  await dialog.getByRole('button', { name: 'Device settings' }).click();
  const select = dialog.getByLabel('Background', { exact: true });
  console.log('\nCustomer page CPU on the pre-call preview (task seconds per second, 2 cores):');
  console.log(`  background off: ${(await cpu(cdp, page)).toFixed(3)}`);
  const t = performance.now();
  await select.selectOption({ label: 'Blur a lot' });
  await page.waitForFunction(
    () => performance.getEntriesByName('cvc-segmentation').length > 0,
    null,
    { timeout: 60_000 },
  );
  console.log(
    `  (first use: choose → first blurred frame ${(performance.now() - t).toFixed(0)} ms, model download and init included)`,
  );
  console.log(`  blur a lot: ${(await cpu(cdp, page)).toFixed(3)}`);
  const blurTimes = await frameTimes(page);
  await select.selectOption({ label: 'Blur a little' });
  console.log(`  blur a little: ${(await cpu(cdp, page)).toFixed(3)}`);
  await select.selectOption({ label: 'Image: calm blue' });
  console.log(`  image: ${(await cpu(cdp, page)).toFixed(3)}`);
  console.log(
    `Segmentation per frame (240×180 camera, ~15 fps): ${blurTimes.segment.toFixed(1)} ms; whole background frame (mask smoothing, blur, compositing): ${blurTimes.frame.toFixed(1)} ms`,
  );
  await select.selectOption({ label: 'None' });

  // --- Noise suppression on its own audio graph: microphone → RNNoise worklet → destination.
  const worklet = `${stack.baseUrl}/media/rnnoise-worklet.js`;
  const wasmUrl = `${stack.baseUrl}/media/rnnoise_simd.wasm`;
  await page.evaluate(
    async ({ worklet, wasmUrl }) => {
      const w = window as unknown as { __ns: { ctx: AudioContext; node: AudioWorkletNode } };
      const ctx = new AudioContext({ sampleRate: 48000 });
      await ctx.audioWorklet.addModule(worklet);
      const wasmBinary = await (await fetch(wasmUrl)).arrayBuffer();
      const mic = await navigator.mediaDevices.getUserMedia({ audio: true });
      const node = new AudioWorkletNode(ctx, '@sapphi-red/web-noise-suppressor/rnnoise', {
        processorOptions: { maxChannels: 1, wasmBinary },
      });
      ctx.createMediaStreamSource(mic).connect(node).connect(ctx.destination);
      await ctx.suspend();
      w.__ns = { ctx, node };
    },
    { worklet, wasmUrl },
  );
  console.log('\nNoise suppression (microphone → RNNoise worklet, 48 kHz):');
  console.log(`  page CPU, graph suspended (off): ${(await cpu(cdp, page)).toFixed(3)}`);
  await page.evaluate(() =>
    (window as unknown as { __ns: { ctx: AudioContext } }).__ns.ctx.resume(),
  );
  console.log(
    `  page CPU, graph running (on): ${(await cpu(cdp, page)).toFixed(3)} (the worklet runs on the audio thread, counted here)`,
  );
  // The worklet writes 128-sample blocks into a 1920-sample ring, denoises 480-sample (10 ms)
  // frames and reads 1280 samples ahead of the write position: its output trails its input by 640
  // samples. (An offline render cannot show it: the worklet's wasm loads asynchronously, and an
  // OfflineAudioContext renders faster than that, so its output is silence.)
  console.log(
    `  added latency of the audio path: ${((640 / 48000) * 1000).toFixed(1)} ms (the worklet's framing, from its code; not measured)`,
  );
} finally {
  await browser.close();
  await stack.close();
}
