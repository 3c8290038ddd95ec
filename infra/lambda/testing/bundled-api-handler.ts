/**
 * Test kit: the API Lambda as the stack deploys it, run against the local stack. `bundleApiHandler`
 * bundles infra/lambda/handler.ts with the stack's settings; `runColdStart` loads that bundle in a
 * fresh Node process (as Lambda's runtime does) and answers POST /api/calls events there, with the
 * environment the stack sets and the SDK clients pointed at the local emulator.
 */
import { build } from 'esbuild';
import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import type { EntryPoint } from '../../../src/backend/entry-points';
import type { LambdaHttpEvent } from '../../../src/backend/handlers/lambda-handler';
import { lambdaEvent } from '../../../src/backend/routes/testing/lambda-events';
import { API_BUNDLING } from '../api-bundling';

/** The origin the events come from (the one allowed origin). */
export const SHOP_ORIGIN = 'https://shop.example';

/** Bundles the handler into `dir/index.js` and writes the entry points beside it, as the stack does. */
export async function bundleApiHandler(dir: string, entryPoints: EntryPoint[]): Promise<string> {
  const bundle = join(dir, 'index.js');
  await build({
    entryPoints: [resolve(import.meta.dirname, '../handler.ts')],
    bundle: true,
    platform: 'node',
    ...API_BUNDLING,
    external: [...API_BUNDLING.external],
    outfile: bundle,
    logLevel: 'error',
  });
  writeFileSync(join(dir, 'entry-points.json'), JSON.stringify(entryPoints));
  return bundle;
}

/** Two `POST /api/calls` events for `entryPoint`, each with a fresh client token. */
export function startCallEvents(entryPoint: string): LambdaHttpEvent[] {
  return [1, 2].map((n) =>
    lambdaEvent('http-api', {
      method: 'POST',
      url: '/api/calls',
      headers: { origin: SHOP_ORIGIN, 'content-type': 'application/json' },
      payload: JSON.stringify({
        entryPoint,
        displayName: `Cold Start ${n}`,
        clientToken: crypto.randomUUID(),
      }),
    }),
  );
}

/** What one fresh process measured and answered. */
export interface ColdStartRound {
  loadMs: number;
  firstMs: number;
  secondMs: number;
  statuses: number[];
  /** The bodies of the answers that were not 2xx. */
  errors: string[];
  /** Everything the process logged (its stderr and any stdout before the result line). */
  log: string;
}

/**
 * Loads `bundle` in a fresh Node process and sends it `events` in turn. Asynchronous, so the
 * emulator the process calls (in this process's event loop) keeps answering.
 */
export async function runColdStart(
  bundle: string,
  events: LambdaHttpEvent[],
  emulatorUrl: string,
  logLevel = 'warn',
): Promise<ColdStartRound> {
  const dir = resolve(bundle, '..');
  const eventsFile = join(dir, 'events.json');
  writeFileSync(eventsFile, JSON.stringify(events));
  const env = {
    PATH: process.env.PATH ?? '',
    // As infra/backend-api.ts and infra/deferred-end.ts set them; the secrets directly (no
    // Secrets Manager here), the SDK clients at the emulator.
    CONNECT_MODE: 'aws',
    ALLOWED_ORIGINS: SHOP_ORIGIN,
    ENTRY_POINTS_FILE: 'entry-points.json',
    SESSION_SECRET: 'a-session-secret-for-the-bundled-handler-0123',
    DEFERRED_ENDS_TABLE: 'cvc-bundled-handler',
    DEFERRED_END_SWEEP: 'false',
    AWS_REGION: 'us-east-1',
    AWS_ACCESS_KEY_ID: 'bundled-handler',
    AWS_SECRET_ACCESS_KEY: 'bundled-handler',
    AWS_ENDPOINT_URL_CONNECT: emulatorUrl,
    AWS_ENDPOINT_URL_CONNECTPARTICIPANT: emulatorUrl,
    // Starting a call never touches the table: a closed loopback port, so a change that did
    // fails here instead of reaching AWS.
    AWS_ENDPOINT_URL_DYNAMODB: 'http://127.0.0.1:9',
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    LOG_LEVEL: logLevel,
  };
  const { stdout, stderr } = await promisify(execFile)(
    process.execPath,
    [resolve(import.meta.dirname, 'cold-start-child.mjs'), bundle, eventsFile],
    { cwd: dir, env, encoding: 'utf8' },
  );
  const lines = stdout.trim().split('\n');
  const round = JSON.parse(lines.at(-1)!) as Omit<ColdStartRound, 'log'>;
  return { ...round, log: [...lines.slice(0, -1), stderr].join('\n').trim() };
}
