/**
 * The standalone server's process policy, on the real server process (main.ts) with a call in
 * progress: it survives an unhandled rejection and a client's socket error; on any other uncaught
 * exception it stops cleanly (listener closed, the browser's signaling socket closed so it
 * reconnects) and exits 1; restarted on the same data folder it has the contact and its meeting;
 * SIGTERM with a browser connected stops it cleanly with 0.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { freePort } from './testing/free-port';
import { StartCallResponse } from '../shared/call-api';

const dataDir = mkdtempSync(join(tmpdir(), 'cvc-policy-'));
const faultFile = join(dataDir, 'fault');
const children: ChildProcess[] = [];
afterAll(() => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

async function startServer(port: number) {
  const logs: string[] = [];
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      '--import',
      './src/backend/testing/inject-process-fault.ts',
      'src/backend/main.ts',
    ],
    {
      env: {
        ...process.env,
        PORT: String(port),
        HOST: '127.0.0.1',
        LOCAL_DATA_DIR: join(dataDir, 'store'),
        LOCAL_SPEECH: 'false',
        LOG_LEVEL: 'info',
        SESSION_SECRET: 'a-session-secret-for-the-policy-test-0123456789',
        CVC_FAULT_FILE: faultFile,
        AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  children.push(child);
  child.stdout!.on('data', (d: Buffer) => logs.push(d.toString()));
  child.stderr!.on('data', (d: Buffer) => logs.push(d.toString()));
  const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const base = `http://127.0.0.1:${port}`;
  for (const deadline = Date.now() + 60_000; ;) {
    if (child.exitCode !== null) throw new Error(`server exited: ${logs.join('')}`);
    if (await healthy(base)) break;
    if (Date.now() > deadline) throw new Error('server did not start');
    await new Promise((r) => setTimeout(r, 200));
  }
  const inject = (kind: string) => {
    writeFileSync(faultFile, kind);
    child.kill('SIGUSR2');
  };
  return { child, logs, exit, base, inject };
}

const healthy = (base: string) =>
  fetch(`${base}/api/health`).then(
    (r) => r.ok,
    () => false,
  );

describe('process policy of the standalone server', () => {
  it('survives what it can, stops cleanly and exits 1 on the rest, and restarts with the call', async () => {
    const port = await freePort();
    const server = await startServer(port);
    const res = await fetch(`${server.base}/api/calls`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: `http://localhost:${port}` },
      body: JSON.stringify({
        entryPoint: 'default',
        displayName: 'Policy Pat',
        clientToken: crypto.randomUUID(),
      }),
    });
    expect(res.status).toBe(201);
    const call = StartCallResponse.parse(await res.json());
    const { Meeting, Attendee } = call.connectionData as {
      Meeting: { MediaPlacement: { SignalingUrl: string } };
      Attendee: { JoinToken: string };
    };
    const signalingUrl = Meeting.MediaPlacement.SignalingUrl.replace('localhost', '127.0.0.1');
    const ws = new WebSocket(signalingUrl, ['_aws_wt_session', Attendee.JoinToken], {
      headers: { host: `localhost:${port}` },
    });
    await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
    const wsClosed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));

    for (const kind of ['rejection', 'socket']) {
      server.inject(kind);
      await expect
        .poll(() => server.logs.join(''))
        .toMatch(
          kind === 'rejection'
            ? /unhandled promise rejection survived/
            : /uncaught socket error survived/,
        );
      expect(await healthy(server.base)).toBe(true);
    }
    expect(ws.readyState).toBe(WebSocket.OPEN);

    server.inject('uncaught');
    expect(await server.exit).toBe(1);
    expect(server.logs.join('')).toMatch(/uncaught exception: stopping for a restart/);
    expect(await wsClosed).toBeGreaterThan(1000); // closed by the server, not left hanging
    expect(await healthy(server.base)).toBe(false);

    // A supervisor restarts it on the same store: the contact and its meeting are back.
    const again = await startServer(port);
    const status = await fetch(`${again.base}/api/calls/${call.contactId}`, {
      headers: { authorization: `Bearer ${call.callToken}` },
    });
    expect(status.status).toBe(200);
    expect(((await status.json()) as { state: string }).state).not.toBe('ended');
    const rejoin = new WebSocket(signalingUrl, ['_aws_wt_session', Attendee.JoinToken], {
      headers: { host: `localhost:${port}` },
    });
    await new Promise((resolve, reject) => rejoin.once('open', resolve).once('error', reject));
    // SIGTERM with a browser still connected: a clean stop (code 0), not the stop watchdog's 1.
    const rejoinClosed = new Promise((resolve) => rejoin.once('close', resolve));
    again.child.kill('SIGTERM');
    expect(await again.exit).toBe(0);
    await rejoinClosed;
    // Two starts of the real server process, each allowed 60 s (startServer), like the fuzz
    // suite's.
  }, 150_000);
});
