/**
 * Media server capacity with synthetic attendees (`npm run bench -- load`): werift clients that
 * speak the Chime signaling protocol and send recorded Opus and 640×360, 15 fps VP8, receiving
 * everything, so the figure is the server's limit rather than browsers'. For 2, 5, 10, 20 and 40
 * concurrent 1:1 calls it prints server CPU and RSS, forwarded packets/s, the worst call's packet
 * loss and the delay added between sender and receiver, stopping at the first level where any call
 * loses more than 1 % or adds more than 50 ms (95th percentile). Bounded: 5 levels, ~25 s each.
 */
import { cpus } from 'node:os';
import { MediaClock } from '../src/media-server/testing/synthetic/media-clock';
import { opusNoiseFrames, readIvf } from '../src/media-server/testing/synthetic/media-fixtures';
import { runLevel, type LevelResult } from './load/load-level';
import { ServerProcess } from './load/server-process-client';

const LEVELS = (process.env.LOAD_LEVELS ?? '2,5,10,20,40').split(',').map(Number);
const WINDOW_MS = Number(process.env.LOAD_WINDOW_MS ?? 10_000);
const MAX_LOSS_PERCENT = 1;
const MAX_DELAY_MS = 50;

const fmt = (r: LevelResult) =>
  `${String(r.calls).padStart(3)} calls: server CPU ${r.serverCpuPercent.toFixed(0).padStart(3)} % of one core, RSS ${r.serverRssMb.toFixed(0)} MB, ` +
  `forwarded ${r.forwardedPerSecond.toFixed(0)} packets/s, worst call loss ${r.worstLossPercent.toFixed(2)} %, ` +
  `delay p50 ${r.delayP50Ms.toFixed(1)} ms / p99 ${r.delayP99Ms.toFixed(1)} ms (worst call p95 ${r.worstCallDelayP95Ms.toFixed(1)} ms); ` +
  `generator CPU ${r.generatorCpuPercent.toFixed(0)} %, its event-loop delay p99 ${r.generatorLoopDelayP99Ms.toFixed(1)} ms${r.ready ? '' : ' (not every attendee received media)'}`;

console.log(
  `machine: ${cpus().length} CPUs (${cpus()[0]?.model ?? 'unknown'}); the load generator shares them with the server`,
);
const clock = new MediaClock(opusNoiseFrames(), readIvf());
let capacity = 0;
try {
  for (const calls of LEVELS) {
    // A fresh server process per level: each figure starts from the same state (and RSS is that
    // level's).
    const server = await ServerProcess.start();
    const result = await runLevel(server, clock, calls, WINDOW_MS).finally(() => server.close());
    console.log(fmt(result));
    if (
      !result.ready ||
      result.worstLossPercent > MAX_LOSS_PERCENT ||
      result.worstCallDelayP95Ms > MAX_DELAY_MS
    ) {
      console.log(
        `limit: at ${calls} calls a call lost more than ${MAX_LOSS_PERCENT} % or added more than ${MAX_DELAY_MS} ms`,
      );
      break;
    }
    capacity = calls;
  }
  console.log(`capacity: ${capacity} concurrent 1:1 calls held (levels ${LEVELS.join(', ')})`);
} finally {
  clock.stop();
}
