/**
 * Test kit: the real server as a child process, started exactly as `npm start` runs it (main.ts) on a
 * loopback port with a data folder of the caller's. Shared by the browser tests' server (e2e/testing)
 * and the fuzz kit, which add their own environment (build folder, TLS, log level, rate limits).
 */
import { spawn, type ChildProcess } from 'node:child_process';

/** How to start main.ts; `env` is added to the test runner's own environment and wins over the rest. */
export interface MainProcessOptions {
  port: number;
  /** The server's public URL (http or https, localhost and `port`); its /api/health is polled. */
  baseUrl: string;
  /** The server's LOCAL_DATA_DIR. */
  dataDir: string;
  env?: Record<string, string>;
  /** Where the server's stdout goes (stderr is always the runner's). */
  stdout: 'inherit' | 'ignore';
  /** Whether the server answers; default: a fetch of /api/health that is ok. */
  healthy?: () => Promise<boolean>;
}

/** How long the server may take to answer /api/health, and how often it is asked meanwhile. */
const START_LIMIT_MS = 60_000;
const POLL_MS = 250;

/**
 * Spawns main.ts and resolves with its process once /api/health answers; throws if the process exits
 * first or does not answer within 60 s (the process is then ended).
 */
export async function startMainProcess(options: MainProcessOptions): Promise<ChildProcess> {
  const { baseUrl } = options;
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/backend/main.ts'], {
    env: {
      ...process.env,
      PORT: String(options.port),
      HOST: '127.0.0.1',
      PUBLIC_URL: baseUrl,
      LOCAL_DATA_DIR: options.dataDir,
      ...options.env,
    },
    stdio: ['ignore', options.stdout, 'inherit'],
  });
  const healthy =
    options.healthy ??
    (() =>
      fetch(`${baseUrl}/api/health`).then(
        (r) => r.ok,
        () => false,
      ));
  for (const deadline = Date.now() + START_LIMIT_MS; ;) {
    if (child.exitCode !== null) throw new Error(`server exited with code ${child.exitCode}`);
    if (await healthy()) return child;
    if (Date.now() > deadline) {
      // The caller never gets this process, so it is ended here rather than left running.
      child.kill('SIGTERM');
      throw new Error('server did not start within 60 s');
    }
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
}

/** Resolves once `child` has exited (at once if it already has, or if there is none). */
export function processExited(child: ChildProcess | undefined): Promise<void> {
  return new Promise((resolve) => {
    if (!child || child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
}
