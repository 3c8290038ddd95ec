/**
 * The API Lambda as deployed: bundled with the stack's settings, loaded in a fresh Node process,
 * it starts a call through the official SDK clients (here against the local emulator). Catches a
 * bundle that cannot start (a native module it looks for, a setting the stack does not set).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalStack } from '../../src/backend/testing/start-local-stack';
import { bundleApiHandler, runColdStart, startCallEvents } from './testing/bundled-api-handler';

describe('the bundled API handler', () => {
  let stack: Awaited<ReturnType<typeof startLocalStack>>;
  let dir: string;
  beforeAll(async () => {
    stack = await startLocalStack();
    dir = mkdtempSync(join(tmpdir(), 'cvc-lambda-'));
  });
  afterAll(async () => {
    await stack?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('starts calls in a fresh process with the environment the stack sets', async () => {
    const bundle = await bundleApiHandler(dir, stack.provider.defaultEntryPoints);
    const events = startCallEvents(stack.provider.defaultEntryPoints[0]!.id);
    const round = await runColdStart(bundle, events, stack.emulatorUrl);
    expect(round.errors).toEqual([]);
    expect(round.statuses).toEqual([201, 201]);
    expect(round.log).toBe('');
  }, 60_000);
});
