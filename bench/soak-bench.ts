/**
 * Long calls hold (`npm run bench -- soak`): SOAK_CALLS (4) concurrent 1:1 calls of synthetic
 * attendees (werift clients speaking the Chime protocol, recorded Opus and 640×360 VP8 both ways)
 * against the media server in a process of its own, for SOAK_MINUTES (2 by default; 30 for the
 * real soak). It prints, over time, the server's RSS, JS heap, CPU and event-loop delay, and for
 * each call its packet loss and added delay in a 10 s window at the start and at the end, then the
 * RSS and heap growth per hour fitted over the run, and the faults the media server contained.
 * Beside them, one browser call in Chromium for SOAK_BROWSER_MINUTES (the soak's length, at most 10
 * by default; 0 for none), measured at its start and end (bench/soak-browser-call.ts).
 */
import { percentile } from './bench-stats';
import { DeliveryTracker } from '../src/media-server/testing/synthetic/delivery-tracker';
import { MediaClock } from '../src/media-server/testing/synthetic/media-clock';
import { opusNoiseFrames, readIvf } from '../src/media-server/testing/synthetic/media-fixtures';
import { SyntheticAttendee } from '../src/media-server/testing/synthetic/synthetic-attendee';
import { ServerProcess } from './load/server-process-client';
import { soakBrowserCall } from './soak-browser-call';
import type { ServerStats } from './load/media-server-process';

const MINUTES = Number(process.env.SOAK_MINUTES ?? 2);
/** One browser call held beside the synthetic ones (0 for none); at most the soak's own length. */
const BROWSER_MINUTES = Math.min(
  MINUTES,
  Number(process.env.SOAK_BROWSER_MINUTES ?? Math.min(MINUTES, 10)),
);
const CALLS = Number(process.env.SOAK_CALLS ?? 4);
const WINDOW_MS = 10_000;
const WARMUP_MS = 5_000;
/** About 12 samples however long the run, at least every 5 s and at most every minute. */
const SAMPLE_MS = Math.min(60_000, Math.max(5_000, (MINUTES * 60_000) / 12));

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const mb = (bytes: number) => bytes / 2 ** 20;

/** Least-squares slope of y over x. */
function slope(points: Array<[number, number]>): number {
  const n = points.length;
  const mx = points.reduce((s, [x]) => s + x, 0) / n;
  const my = points.reduce((s, [, y]) => s + y, 0) / n;
  const num = points.reduce((s, [x, y]) => s + (x - mx) * (y - my), 0);
  const den = points.reduce((s, [x]) => s + (x - mx) ** 2, 0);
  return den === 0 ? 0 : num / den;
}

/** Loss and added delay of every call over one window. */
async function measureCalls(tracker: DeliveryTracker, label: string): Promise<void> {
  tracker.startWindow();
  await sleep(WINDOW_MS);
  const calls = await tracker.endWindow();
  for (let call = 0; call < CALLS; call++) {
    const d = calls.get(call);
    if (!d) {
      console.log(`  ${label} call ${call}: nothing sent`);
      continue;
    }
    console.log(
      `  ${label} call ${call}: sent ${d.sent}, loss ${((d.lost / d.sent) * 100).toFixed(2)} %, ` +
        `delay p50 ${percentile(d.delaysMs, 50).toFixed(1)} ms / p95 ${percentile(d.delaysMs, 95).toFixed(1)} ms`,
    );
  }
}

console.log(
  `soak: ${CALLS} concurrent 1:1 calls for ${MINUTES} min (SOAK_MINUTES, SOAK_CALLS), a sample every ${SAMPLE_MS / 1000} s; ` +
    `one browser call for ${BROWSER_MINUTES} min (SOAK_BROWSER_MINUTES)`,
);
const server = await ServerProcess.start();
const clock = new MediaClock(opusNoiseFrames(), readIvf());
const tracker = new DeliveryTracker();
const attendees: SyntheticAttendee[] = [];

const startCall = async (call: number): Promise<SyntheticAttendee[]> => {
  const {
    meeting,
    attendees: [a, b],
  } = await server.createMeeting([`caller-${call}`, `agent-${call}`]);
  const pair = [
    new SyntheticAttendee(meeting, a, call, b.AttendeeId, tracker),
    new SyntheticAttendee(meeting, b, call, a.AttendeeId, tracker),
  ];
  await Promise.all(pair.map((p) => p.start()));
  pair.forEach((p) => clock.add(p));
  return pair;
};
const receiving = async (pair: SyntheticAttendee[]) => {
  for (const deadline = performance.now() + 30_000; performance.now() < deadline;) {
    if (pair.every((p) => p.receiving)) return true;
    await sleep(100);
  }
  return false;
};

try {
  for (let call = 0; call < CALLS; call++) {
    let pair = await startCall(call);
    // werift's ICE can stall on a loaded machine (bench/load/load-level.ts): such a call is placed
    // again once, as a browser would rejoin, so the soak measures calls that really started.
    if (!(await receiving(pair))) {
      console.log(`  call ${call} did not start (${pair.map((p) => p.describe()).join('; ')})`);
      clock.clear();
      await Promise.all(pair.map((p) => p.stop()));
      attendees.forEach((p) => clock.add(p));
      pair = await startCall(call);
      console.log(`  call ${call} placed again: ${(await receiving(pair)) ? 'started' : 'failed'}`);
    }
    attendees.push(...pair);
  }
  // The browser call runs beside the synthetic ones from here and reports its own windows.
  const browserCall =
    BROWSER_MINUTES > 0
      ? soakBrowserCall(server, BROWSER_MINUTES).catch((e: unknown) =>
          console.log(`  browser call failed: ${e instanceof Error ? e.message : String(e)}`),
        )
      : undefined;
  await sleep(WARMUP_MS);

  const t0 = performance.now();
  let previous: ServerStats = await server.stats();
  let previousAt = t0;
  const rss: Array<[number, number]> = [];
  const heap: Array<[number, number]> = [];
  // Packets each attendee had received at the previous sample: one that has not moved since is a
  // call that stopped, reported at once with where it is stuck rather than only as loss at the end.
  let receivedBefore = attendees.map((a) => a.receivedCounts());
  const flowing = () => {
    const counts = attendees.map((a) => a.receivedCounts());
    const stuck = attendees.filter(
      (_, i) =>
        counts[i]!.audio === receivedBefore[i]!.audio ||
        counts[i]!.video === receivedBefore[i]!.video,
    );
    receivedBefore = counts;
    return stuck;
  };
  const sample = async () => {
    const now = performance.now();
    const stuck = flowing();
    const stats = await server.stats();
    const minutes = (now - t0) / 60_000;
    const cpu = ((stats.cpuMicros - previous.cpuMicros) / 1000 / (now - previousAt)) * 100;
    rss.push([minutes, mb(stats.rssBytes)]);
    heap.push([minutes, mb(stats.heapUsedBytes)]);
    console.log(
      `  t=${minutes.toFixed(1).padStart(5)} min: server RSS ${mb(stats.rssBytes).toFixed(0)} MB, heap ${mb(stats.heapUsedBytes).toFixed(1)} MB, external ${mb(stats.externalBytes).toFixed(1)} MB, ` +
        `CPU ${cpu.toFixed(0)} % of one core, event-loop delay p99 ${stats.loopDelayP99Ms.toFixed(1)} ms (max ${stats.loopDelayMaxMs.toFixed(1)} ms), ` +
        `${attendees.length - stuck.length}/${attendees.length} attendees receiving`,
    );
    for (const a of stuck) console.log(`    stopped: ${a.describe()}`);
    previous = stats;
    previousAt = now;
  };

  const endAt = MINUTES * 60_000 - WINDOW_MS - 2_000;
  await measureCalls(tracker, 'start');
  await sample();
  while (performance.now() - t0 < endAt) {
    await sleep(Math.min(SAMPLE_MS, endAt - (performance.now() - t0)));
    await sample();
  }
  await measureCalls(tracker, 'end');
  await sample();
  await browserCall;

  // The first sample still carries start-up allocations: growth is fitted from the second on.
  const steady = rss.length > 2 ? rss.slice(1) : rss;
  const steadyHeap = heap.length > 2 ? heap.slice(1) : heap;
  console.log(
    `memory: RSS ${rss[0]![1].toFixed(0)} → ${rss.at(-1)![1].toFixed(0)} MB, fitted ${(slope(steady) * 60).toFixed(1)} MB/hour; ` +
      `heap ${heap[0]![1].toFixed(1)} → ${heap.at(-1)![1].toFixed(1)} MB, fitted ${(slope(steadyHeap) * 60).toFixed(1)} MB/hour ` +
      `(a fit over a few minutes is noise from the garbage collector; read it over SOAK_MINUTES=30)`,
  );
  const faults = await server.faults();
  console.log(`faults contained by the media server: ${faults.total}`);
} finally {
  clock.stop();
  await Promise.all(attendees.map((a) => a.stop()));
  await server.close();
}
