/**
 * The Lambda handler's cold start (`npm run bench -- lambda`): infra/lambda/handler.ts bundled as
 * the CDK stack bundles it (esbuild, CommonJS, node22, the local-only native modules external),
 * then, in a fresh Node process each round, the module load and the first POST /api/calls (which
 * builds the app and starts a contact through the official SDK clients), and a second, warm
 * request. The SDK clients point at the local emulator (AWS_ENDPOINT_URL_CONNECT*), on loopback.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { medianLine } from './bench-stats';
import { startLocalStack } from '../src/backend/testing/start-local-stack';
import {
  bundleApiHandler,
  runColdStart,
  startCallEvents,
  type ColdStartRound,
} from '../infra/lambda/testing/bundled-api-handler';

const ROUNDS = Number(process.env.COLD_START_ROUNDS ?? 5);
const dir = mkdtempSync(join(tmpdir(), 'cvc-lambda-bench-'));
const stack = await startLocalStack();
try {
  const bundle = await bundleApiHandler(dir, stack.provider.defaultEntryPoints);
  const rounds: ColdStartRound[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    // Fresh client tokens every round: each first request really starts a contact.
    const events = startCallEvents(stack.provider.defaultEntryPoints[0]!.id);
    const round = await runColdStart(bundle, events, stack.emulatorUrl);
    if (round.statuses.some((s) => s !== 201))
      throw new Error(
        `the handler answered ${round.statuses.join(', ')}: ${round.errors.join(' ')}\n${round.log}`,
      );
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
