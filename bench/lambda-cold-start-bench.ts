/**
 * The Lambda handler's cold start (`npm run bench -- lambda`): infra/lambda/handler.ts bundled as
 * the CDK stack bundles it (esbuild, CommonJS, node22, the local-only native modules external),
 * then, in a fresh Node process each round, the module load and the first POST /api/calls (which
 * builds the app and starts a contact through the official SDK clients), and a second, warm
 * request. The SDK clients point at the local emulator (AWS_ENDPOINT_URL_CONNECT*), on loopback.
 */
import { build } from 'esbuild';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { medianLine } from './bench-stats';
import { startLocalStack } from '../src/backend/testing/start-local-stack';
import { lambdaEvent } from '../src/backend/routes/testing/lambda-events';

const ROUNDS = Number(process.env.COLD_START_ROUNDS ?? 5);
const ORIGIN = 'https://shop.example';
const dir = mkdtempSync(join(tmpdir(), 'cvc-lambda-bench-'));
const stack = await startLocalStack();
try {
  const bundle = join(dir, 'index.js');
  await build({
    entryPoints: [resolve(import.meta.dirname, '../infra/lambda/handler.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node22',
    external: ['better-sqlite3', 'werift', 'opusscript'],
    outfile: bundle,
    logLevel: 'error',
  });
  writeFileSync(join(dir, 'entry-points.json'), JSON.stringify(stack.provider.defaultEntryPoints));
  const events = [1, 2].map((n) =>
    lambdaEvent('http-api', {
      method: 'POST',
      url: '/api/calls',
      headers: { origin: ORIGIN, 'content-type': 'application/json' },
      payload: JSON.stringify({
        entryPoint: stack.provider.defaultEntryPoints[0]!.id,
        displayName: `Cold Start ${n}`,
        clientToken: crypto.randomUUID(),
      }),
    }),
  );
  const eventsFile = join(dir, 'events.json');
  const env = {
    PATH: process.env.PATH ?? '',
    CONNECT_MODE: 'aws',
    AWS_REGION: 'us-east-1',
    AWS_ACCESS_KEY_ID: 'bench',
    AWS_SECRET_ACCESS_KEY: 'bench',
    AWS_ENDPOINT_URL_CONNECT: stack.emulatorUrl,
    AWS_ENDPOINT_URL_CONNECTPARTICIPANT: stack.emulatorUrl,
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    ALLOWED_ORIGINS: ORIGIN,
    ENTRY_POINTS_FILE: 'entry-points.json',
    // As the stack deploys it: deferred ends in a DynamoDB table, swept by their own function.
    // Starting a call never touches the table; the endpoint is a closed loopback port so a
    // change that did would fail here instead of reaching AWS.
    DEFERRED_ENDS_TABLE: 'cvc-cold-start-bench',
    DEFERRED_END_SWEEP: 'false',
    AWS_ENDPOINT_URL_DYNAMODB: 'http://127.0.0.1:9',
    SESSION_SECRET: 'a-session-secret-for-the-cold-start-bench-0123',
    LOG_LEVEL: process.env.COLD_START_LOG_LEVEL ?? 'warn',
  };
  const rounds: Array<{ loadMs: number; firstMs: number; secondMs: number; statuses: number[] }> =
    [];
  const run = promisify(execFile);
  for (let i = 0; i < ROUNDS; i++) {
    // Fresh client tokens every round: each first request really starts a contact.
    for (const e of events)
      e.body = JSON.stringify({ ...JSON.parse(e.body!), clientToken: crypto.randomUUID() });
    writeFileSync(eventsFile, JSON.stringify(events));
    // Asynchronously: the emulator the child calls runs in this process's event loop.
    const { stdout: out, stderr } = await run(
      process.execPath,
      [resolve(import.meta.dirname, 'lambda/cold-start-child.mjs'), bundle, eventsFile],
      { cwd: dir, env, encoding: 'utf8' },
    );
    const round = JSON.parse(out.trim().split('\n').at(-1)!) as (typeof rounds)[number];
    if (round.statuses.some((s) => s !== 201))
      throw new Error(`the handler answered ${round.statuses.join(', ')}: ${out}\n${stderr}`);
    rounds.push(round);
  }
  console.log(
    `Lambda handler cold start (bundled as the stack bundles it, ${ROUNDS} fresh processes):`,
  );
  console.log(
    medianLine(
      '  module load',
      rounds.map((r) => r.loadMs),
    ),
  );
  console.log(
    medianLine(
      '  first POST /api/calls (app build + StartWebRTCContact + CreateParticipantConnection)',
      rounds.map((r) => r.firstMs),
    ),
  );
  console.log(
    medianLine(
      '  cold start total (load + first request)',
      rounds.map((r) => r.loadMs + r.firstMs),
    ),
  );
  console.log(
    medianLine(
      '  second, warm POST /api/calls',
      rounds.map((r) => r.secondMs),
    ),
  );
} finally {
  await stack.close();
  rmSync(dir, { recursive: true, force: true });
}
