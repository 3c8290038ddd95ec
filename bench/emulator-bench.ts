/**
 * StartWebRTCContact throughput and latency directly against the local emulator (loopback, official
 * Connect SDK client, fake media service so only the emulator and its on-disk store are measured).
 * Bounded: at most COUNT contacts per run and DEADLINE_MS per run. Run:
 * `npx tsx bench/emulator-bench.ts`.
 */
import { rmSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { StartWebRTCContactCommand } from '@aws-sdk/client-connect';
import {
  startEmulatorHarness,
  type EmulatorHarness,
} from '../src/contact-center/emulator/testing/emulator-harness';
import { summarize } from './bench-stats';

const COUNT = Number(process.argv[2] ?? 2000);
const DEADLINE_MS = 30_000;
const WARMUP = 50;

async function run(
  h: EmulatorHarness,
  concurrency: number,
  count: number,
  label: string,
  print = true,
): Promise<void> {
  const latencies: number[] = [];
  let issued = 0;
  const started = performance.now();
  const worker = async () => {
    while (issued < count && performance.now() - started < DEADLINE_MS) {
      const n = issued++;
      const t0 = performance.now();
      await h.connect.send(
        new StartWebRTCContactCommand({
          InstanceId: h.config.instance.id,
          ContactFlowId: h.config.defaultFlowId,
          ParticipantDetails: { DisplayName: `Bench ${n}` },
          Attributes: { product: 'kettle', orderId: String(n) },
          AllowedCapabilities: {
            Customer: { Video: 'SEND', ScreenShare: 'SEND' },
            Agent: { Video: 'SEND' },
          },
          ClientToken: `bench-${label}-${n}-${process.pid}`,
        }),
      );
      latencies.push(performance.now() - t0);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const seconds = (performance.now() - started) / 1000;
  if (!print) return;
  console.log(
    summarize(
      `StartWebRTCContact (emulator, concurrency ${String(concurrency).padStart(2)})`,
      latencies,
      seconds,
    ),
  );
}

const h = await startEmulatorHarness();
try {
  await run(h, 4, WARMUP, 'warmup', false); // JIT, SQLite page cache and HTTP keep-alive warm
  await run(h, 1, Math.min(COUNT, 1000), 'serial');
  await run(h, 16, COUNT, 'parallel');
} finally {
  await h.close();
  rmSync(h.dataDir, { recursive: true, force: true });
}
