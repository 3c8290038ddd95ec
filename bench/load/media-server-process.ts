/**
 * The media server under load, in a process of its own so that its CPU time and memory are measured
 * apart from the load generator's: the real createMediaServer behind a plain HTTP server on a free
 * loopback port. The generator asks it over the IPC channel for meetings (with two attendees), to
 * end them, and for its resource figures.
 */
import { createServer } from 'node:http';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import pino from 'pino';
import { createMediaServer } from '../../src/media-server/create-media-server';
import { MediaFaults } from '../../src/media-server/media-faults';

/** Requests the generator sends, and what each answers. */
export type ServerRequest =
  | { id: number; type: 'meeting'; names: string[] }
  | { id: number; type: 'end'; meetingId: string }
  | { id: number; type: 'stats' }
  | { id: number; type: 'faults' };

/**
 * CPU time (µs, user + system), resident memory and JS heap of the server process at one moment,
 * and its event-loop delay (p99 and max, ms) since the previous stats request.
 */
export interface ServerStats {
  cpuMicros: number;
  rssBytes: number;
  heapUsedBytes: number;
  /** Memory outside the JS heap that JS objects hold: Buffers (packets, SRTP) and the like. */
  externalBytes: number;
  loopDelayP99Ms: number;
  loopDelayMaxMs: number;
}

const loop = monitorEventLoopDelay({ resolution: 10 });
loop.enable();

const http = createServer((_req, res) => res.writeHead(404).end());
await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
const { port } = http.address() as { port: number };
const logger = pino({ level: process.env.LOG_LEVEL ?? 'warn' });
const faults = new MediaFaults(logger);
const media = createMediaServer({ publicUrl: `http://127.0.0.1:${port}`, logger, faults });
http.on('upgrade', (req, socket, head) => {
  socket.on('error', () => undefined);
  if (!media.handleUpgrade(req, socket, head)) socket.destroy();
});

process.on('message', (request: ServerRequest) => {
  const reply = (body: unknown) => process.send!({ id: request.id, body });
  if (request.type === 'meeting') {
    const meeting = media.createMeeting();
    reply({
      meeting,
      attendees: request.names.map((n) => media.createAttendee(meeting.MeetingId, n)),
    });
  } else if (request.type === 'end') {
    media.endMeeting(request.meetingId);
    reply(null);
  } else if (request.type === 'faults') {
    reply(faults.snapshot());
  } else {
    const cpu = process.cpuUsage();
    const memory = process.memoryUsage();
    reply({
      cpuMicros: cpu.user + cpu.system,
      rssBytes: memory.rss,
      heapUsedBytes: memory.heapUsed,
      externalBytes: memory.external,
      loopDelayP99Ms: loop.percentile(99) / 1e6,
      loopDelayMaxMs: loop.max / 1e6,
    } satisfies ServerStats);
    loop.reset();
  }
});
// werift's close can stay pending while sends are in flight: exit after 5 s whatever it does.
process.on(
  'disconnect',
  () =>
    void Promise.race([media.close(), new Promise((r) => setTimeout(r, 5_000))]).finally(() =>
      process.exit(0),
    ),
);
process.send!({ id: 0, body: 'ready' });
