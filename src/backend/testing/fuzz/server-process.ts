/**
 * Fuzz kit: the real server as a child process, started exactly as `npm start` runs it (main.ts) on
 * a free loopback port with a fresh data folder, so a crash shows as an exit and its memory can be
 * read from /proc without the test runner's own.
 */
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../free-port';
import { processExited, startMainProcess } from '../main-process';

/** The server child process under fuzzing: its address, liveness and memory, and how to stop it. */
export interface ServerProcess {
  baseUrl: string;
  port: number;
  child: ChildProcess;
  alive(): boolean;
  /** Resident memory now and the peak since the last resetPeak(), in MiB (from /proc). */
  memory(): { rssMiB: number; peakMiB: number };
  resetPeak(): void;
  stop(): Promise<void>;
}

const statusField = (pid: number, field: string) => {
  const m = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(
    readFileSync(`/proc/${pid}/status`, 'utf8'),
  );
  return m ? Math.round(Number(m[1]) / 1024) : 0;
};

/** Starts the server as `npm start` does, with `env` added, and waits until it answers. */
export async function startServerProcess(env: Record<string, string> = {}): Promise<ServerProcess> {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'cvc-fuzz-'));
  const baseUrl = `http://localhost:${port}`;
  const child = await startMainProcess({
    port,
    baseUrl,
    dataDir,
    env: {
      LOG_LEVEL: 'silent',
      LOCAL_SPEECH: 'false',
      RATE_LIMIT_PER_MINUTE: '1000000',
      LOCAL_AWS_RATE_LIMIT_PER_MINUTE: '1000000',
      ...env,
    },
    stdout: 'ignore',
  });
  const pid = child.pid!;
  return {
    baseUrl,
    port,
    child,
    alive: () => child.exitCode === null && child.signalCode === null,
    memory: () => ({ rssMiB: statusField(pid, 'VmRSS'), peakMiB: statusField(pid, 'VmHWM') }),
    // Writing 5 to clear_refs resets the peak resident set size (VmHWM) of the process.
    resetPeak: () => writeFileSync(`/proc/${pid}/clear_refs`, '5'),
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      await processExited(child);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
