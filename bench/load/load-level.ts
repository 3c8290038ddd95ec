/**
 * One level of the capacity benchmark: N concurrent 1:1 calls of synthetic attendees against the
 * media server process, measured over a fixed window once every attendee receives the other's
 * audio and camera. Returns the figures the summary prints; tears every call down afterwards.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { percentile } from '../bench-stats';
import { DeliveryTracker } from '../../src/media-server/testing/synthetic/delivery-tracker';
import type { MediaClock } from '../../src/media-server/testing/synthetic/media-clock';
import type { ServerProcess } from './server-process-client';
import { SyntheticAttendee } from '../../src/media-server/testing/synthetic/synthetic-attendee';

const READY_TIMEOUT_MS = 30_000;
const START_TIMEOUT_MS = 20_000;
const WARMUP_MS = 2_000;

/** What one level measured. */
export interface LevelResult {
  calls: number;
  ready: boolean;
  serverCpuPercent: number;
  serverRssMb: number;
  generatorCpuPercent: number;
  generatorLoopDelayP99Ms: number;
  forwardedPerSecond: number;
  worstLossPercent: number;
  delayP50Ms: number;
  delayP99Ms: number;
  worstCallDelayP95Ms: number;
}

/**
 * Runs `calls` concurrent calls on the server, measures delivery over `windowMs` once all media
 * flows, and hangs every call up before returning the level's figures.
 */
export async function runLevel(
  server: ServerProcess,
  clock: MediaClock,
  calls: number,
  windowMs: number,
): Promise<LevelResult> {
  const tracker = new DeliveryTracker();
  const attendees: SyntheticAttendee[] = [];
  const meetings: string[] = [];
  try {
    for (let call = 0; call < calls; call++) {
      const {
        meeting,
        attendees: [a, b],
      } = await server.createMeeting([`caller-${call}`, `agent-${call}`]);
      meetings.push(meeting.MeetingId);
      const pair = [
        new SyntheticAttendee(meeting, a, call, b.AttendeeId, tracker),
        new SyntheticAttendee(meeting, b, call, a.AttendeeId, tracker),
      ];
      attendees.push(...pair);
      // A join that never completes (werift can stall in ICE or DTLS under load) leaves that call
      // not receiving, which the level reports, instead of hanging the benchmark.
      const joined = await Promise.all(pair.map((p) => within(START_TIMEOUT_MS, p.start())));
      if (joined.every(Boolean)) pair.forEach((p) => clock.add(p));
      else
        console.log(`  call ${call}: an attendee did not join within ${START_TIMEOUT_MS / 1000} s`);
    }
    const deadline = performance.now() + READY_TIMEOUT_MS;
    while (!attendees.every((a) => a.receiving) && performance.now() < deadline) await sleep(100);
    const ready = attendees.every((a) => a.receiving);
    if (!ready)
      for (const a of attendees.filter((x) => !x.receiving))
        console.log(`  not receiving: ${a.describe()}`);
    await sleep(WARMUP_MS);

    const loop = monitorEventLoopDelay({ resolution: 10 });
    loop.enable();
    let peakRss = 0;
    const before = await server.stats();
    const selfBefore = process.cpuUsage();
    const t0 = performance.now();
    tracker.startWindow();
    while (performance.now() - t0 < windowMs) {
      await sleep(500);
      peakRss = Math.max(peakRss, (await server.stats()).rssBytes);
    }
    const after = await server.stats();
    const elapsedMs = performance.now() - t0;
    const self = process.cpuUsage(selfBefore);
    const received = tracker.receivedPackets;
    const deliveries = [...(await tracker.endWindow()).values()];
    loop.disable();

    const all = deliveries.flatMap((d) => d.delaysMs);
    return {
      calls,
      ready,
      serverCpuPercent: ((after.cpuMicros - before.cpuMicros) / 1000 / elapsedMs) * 100,
      serverRssMb: Math.max(peakRss, after.rssBytes) / 2 ** 20,
      generatorCpuPercent: ((self.user + self.system) / 1000 / elapsedMs) * 100,
      generatorLoopDelayP99Ms: loop.percentile(99) / 1e6,
      forwardedPerSecond: received / (elapsedMs / 1000),
      worstLossPercent: Math.max(
        ...deliveries.map((d) => (d.sent ? (d.lost / d.sent) * 100 : 100)),
        deliveries.length < calls ? 100 : 0,
      ),
      delayP50Ms: percentile(all, 50),
      delayP99Ms: percentile(all, 99),
      worstCallDelayP95Ms: Math.max(...deliveries.map((d) => percentile(d.delaysMs, 95))),
    };
  } finally {
    clock.clear();
    await Promise.all(attendees.map((a) => a.stop()));
    for (const id of meetings) await server.endMeeting(id);
    await sleep(1_000);
  }
}

/** True when `work` settles fulfilled within `ms`; false when it fails or takes longer. */
function within(ms: number, work: Promise<void>): Promise<boolean> {
  return Promise.race([
    work.then(
      () => true,
      () => false,
    ),
    sleep(ms).then(() => false),
  ]);
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}
