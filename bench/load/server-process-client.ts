/**
 * Starts bench/load/media-server-process.ts as a child process and speaks to it over IPC: one
 * promise per request, matched by id. Closing disconnects the channel, which ends the child.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import type { MediaAttendee, MediaMeeting } from '../../src/media-server/media-service';
import type { ServerRequest, ServerStats } from './media-server-process';
import type { FaultCounts } from '../../src/media-server/media-faults';

type Request = ServerRequest extends infer R ? (R extends unknown ? Omit<R, 'id'> : never) : never;

/**
 * The media server in its own process, so the bench's synthetic attendees do not share an event
 * loop with the server they measure.
 */
export class ServerProcess {
  private nextId = 1;
  private readonly pending = new Map<number, (body: unknown) => void>();

  private constructor(private readonly child: ChildProcess) {
    child.on('message', (m: { id: number; body: unknown }) => {
      this.pending.get(m.id)?.(m.body);
      this.pending.delete(m.id);
    });
  }

  static async start(): Promise<ServerProcess> {
    const child = fork(resolve(import.meta.dirname, 'media-server-process.ts'), [], {
      execArgv: ['--import', 'tsx'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    await new Promise<void>((ready, fail) => {
      child.once('message', () => ready());
      child.once('exit', (code) => fail(new Error(`media server process exited with ${code}`)));
    });
    return new ServerProcess(child);
  }

  get pid(): number {
    return this.child.pid!;
  }

  /** A new meeting with one attendee per name (two for a 1:1 call, up to six for a group). */
  createMeeting(
    names: [string, string],
  ): Promise<{ meeting: MediaMeeting; attendees: [MediaAttendee, MediaAttendee] }>;
  createMeeting(names: string[]): Promise<{ meeting: MediaMeeting; attendees: MediaAttendee[] }>;
  createMeeting(names: string[]): Promise<{ meeting: MediaMeeting; attendees: MediaAttendee[] }> {
    return this.request({ type: 'meeting', names });
  }

  endMeeting(meetingId: string): Promise<void> {
    return this.request({ type: 'end', meetingId });
  }

  /** The server process's CPU time so far and its resident memory now. */
  stats(): Promise<ServerStats> {
    return this.request({ type: 'stats' });
  }

  /** The media server's contained faults so far. */
  faults(): Promise<FaultCounts> {
    return this.request({ type: 'faults' });
  }

  private request<T>(request: Request): Promise<T> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, resolve as (body: unknown) => void);
      this.child.send({ ...request, id });
    });
  }

  /**
   * Asks the process to close its media server and exit; kills it when that takes more than 10 s.
   */
  async close(): Promise<void> {
    if (this.child.exitCode !== null) return;
    const exited = new Promise((r) => this.child.once('exit', r));
    this.child.disconnect();
    const killer = setTimeout(() => this.child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(killer);
  }
}
