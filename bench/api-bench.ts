/**
 * Benchmark: starting a call through the widget's backend (POST /api/calls → StartWebRTCContact +
 * CreateParticipantConnection through the official SDK clients → local emulator), in-process on
 * loopback. Prints throughput and p50/p99 latency at a few concurrency levels. Bounded: a fixed
 * number of calls per level.
 */
import { randomUUID } from 'node:crypto';
import { startLocalStack } from '../src/backend/testing/start-local-stack';
import { summarize } from './bench-stats';

const CALLS_PER_LEVEL = 200;
const LEVELS = [1, 8, 32];

const stack = await startLocalStack();
try {
  const startCall = async () => {
    const t0 = performance.now();
    const res = await fetch(`${stack.baseUrl}/api/calls`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        entryPoint: 'default',
        displayName: 'Bench Customer',
        clientToken: randomUUID(),
      }),
    });
    if (res.status !== 201)
      throw new Error(`POST /api/calls answered ${res.status}: ${await res.text()}`);
    await res.arrayBuffer();
    return performance.now() - t0;
  };
  for (let i = 0; i < 20; i++) await startCall(); // warm-up (JIT, SQLite pages)
  for (const concurrency of LEVELS) {
    const latencies: number[] = [];
    let next = 0;
    const t0 = performance.now();
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next++ < CALLS_PER_LEVEL) latencies.push(await startCall());
      }),
    );
    const seconds = (performance.now() - t0) / 1000;
    console.log(summarize(`POST /api/calls, concurrency ${concurrency}`, latencies, seconds));
  }
} finally {
  await stack.close();
}
