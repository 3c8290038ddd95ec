/**
 * Media server CPU for one six-party call (`npm run bench -- six-party`): six synthetic attendees
 * (werift clients speaking the Chime signaling protocol, as in the load bench) each send Opus audio
 * and a 640×360, 15 fps VP8 camera and subscribe to all five others' cameras, as the widget does in
 * a six-person call. Prints the server process's CPU and RSS over a fixed window, packets forwarded
 * per second and what each attendee receives, beside the same figures for one 1:1 call for scale.
 * Bounded: two calls, WINDOW_MS each, in a fresh server process each.
 */
import { cpus } from 'node:os';
import { DeliveryTracker } from '../src/media-server/testing/synthetic/delivery-tracker';
import { MediaClock } from '../src/media-server/testing/synthetic/media-clock';
import { opusNoiseFrames, readIvf } from '../src/media-server/testing/synthetic/media-fixtures';
import { SyntheticAttendee } from '../src/media-server/testing/synthetic/synthetic-attendee';
import { ServerProcess } from './load/server-process-client';

const WINDOW_MS = Number(process.env.SIX_PARTY_WINDOW_MS ?? 15_000);
const READY_TIMEOUT_MS = 45_000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * One call of `size` attendees measured over the window; every attendee subscribes to every camera.
 */
async function measure(clock: MediaClock, size: number) {
  const server = await ServerProcess.start();
  const attendees: SyntheticAttendee[] = [];
  try {
    const names = Array.from({ length: size }, (_, i) => `bench-${i}`);
    const { meeting, attendees: joined } = await server.createMeeting(names);
    const tracker = new DeliveryTracker();
    for (const [i, a] of joined.entries())
      attendees.push(
        new SyntheticAttendee(meeting, a, 0, joined[(i + 1) % size]!.AttendeeId, tracker, true),
      );
    for (const a of attendees) {
      await a.start();
      clock.add(a);
    }
    const deadline = performance.now() + READY_TIMEOUT_MS;
    const everyCamera = () => attendees.every((a) => a.camerasReceived >= size - 1);
    while (!everyCamera() && performance.now() < deadline) await sleep(200);
    const ready = everyCamera();
    await sleep(3_000); // past the first keyframes and renegotiations
    const before = await server.stats();
    const counts = attendees.map((a) => a.receivedCounts());
    const t0 = performance.now();
    let rss = 0;
    while (performance.now() - t0 < WINDOW_MS) {
      await sleep(500);
      rss = Math.max(rss, (await server.stats()).rssBytes);
    }
    const after = await server.stats();
    const seconds = (performance.now() - t0) / 1000;
    const perAttendee = attendees.map((a, i) => {
      const now = a.receivedCounts();
      return {
        audio: (now.audio - counts[i]!.audio) / seconds,
        video: (now.video - counts[i]!.video) / seconds,
      };
    });
    return {
      size,
      ready,
      cameras: Math.min(...attendees.map((a) => a.camerasReceived)),
      cpu: ((after.cpuMicros - before.cpuMicros) / 1000 / (seconds * 1000)) * 100,
      rssMb: Math.max(rss, after.rssBytes) / 2 ** 20,
      forwarded: perAttendee.reduce((n, p) => n + p.audio + p.video, 0),
      minAudio: Math.min(...perAttendee.map((p) => p.audio)),
      minVideo: Math.min(...perAttendee.map((p) => p.video)),
    };
  } finally {
    clock.clear();
    await Promise.all(attendees.map((a) => a.stop()));
    await server.close();
  }
}

console.log(
  `machine: ${cpus().length} CPUs (${cpus()[0]?.model ?? 'unknown'}); the synthetic attendees share them with the server`,
);
const clock = new MediaClock(opusNoiseFrames(), readIvf());
try {
  const results = [];
  for (const size of [2, 6]) {
    const r = await measure(clock, size);
    results.push(r);
    console.log(
      `${size === 2 ? 'one 1:1 call      ' : 'one six-party call'}: server CPU ${r.cpu.toFixed(1)} % of one core, RSS ${r.rssMb.toFixed(0)} MB, ` +
        `forwarded ${r.forwarded.toFixed(0)} packets/s; each attendee receives ≥ ${r.minAudio.toFixed(0)} audio and ≥ ${r.minVideo.toFixed(0)} video packets/s ` +
        `from ${r.cameras} camera(s)${r.ready ? '' : ' (NOT every attendee received every camera)'}`,
    );
  }
  const [pair, six] = results;
  if (pair && six)
    console.log(
      `six-party call / 1:1 call: ${(six.cpu / pair.cpu).toFixed(1)}× the CPU for ${(six.forwarded / pair.forwarded).toFixed(1)}× the forwarded packets (30 camera streams delivered vs 2)`,
    );
  if (results.some((r) => !r.ready)) process.exitCode = 1;
} finally {
  clock.stop();
}
// werift's close of a synthetic attendee may leave its UDP sockets open (stop() gives it 2 s, not
// forever): the figures are printed, so end here rather than wait on them.
process.exit();
