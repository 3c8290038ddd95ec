/**
 * The media server under load, in a process of its own so that its CPU time and memory are measured
 * apart from the load generator's: the real createMediaServer behind a plain HTTP server on a free
 * loopback port. The generator asks it over the IPC channel for meetings (with two attendees), to
 * end them, and for its resource figures.
 */
import { createServer } from 'node:http';
import pino from 'pino';
import { createMediaServer } from '../../src/server/media/create-media-server';

/** Requests the generator sends, and what each answers. */
export type ServerRequest =
  | { id: number; type: 'meeting'; names: [string, string] }
  | { id: number; type: 'end'; meetingId: string }
  | { id: number; type: 'stats' };

/** CPU time (µs, user + system) and resident memory of the server process at one moment. */
export interface ServerStats {
  cpuMicros: number;
  rssBytes: number;
}

const http = createServer((_req, res) => res.writeHead(404).end());
await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
const { port } = http.address() as { port: number };
const media = createMediaServer({
  publicUrl: `http://127.0.0.1:${port}`,
  logger: pino({ level: process.env.LOG_LEVEL ?? 'warn' }),
});
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
  } else {
    const cpu = process.cpuUsage();
    reply({
      cpuMicros: cpu.user + cpu.system,
      rssBytes: process.memoryUsage().rss,
    } satisfies ServerStats);
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
