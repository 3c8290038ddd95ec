#!/usr/bin/env node
// `npm run bench`: runs every benchmark in bench/ one after another (each is bounded in time and
// talks to loopback only) and prints their figures. `npm run bench -- media` runs the ones whose
// file name contains "media". Needs a build for the browser benchmarks (run `npm run build` first).
import { readdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const filter = process.argv[2] ?? '';
const files = readdirSync('bench')
  .filter((f) => f.endsWith('-bench.ts') && f.includes(filter))
  .sort();
if (files.length === 0) {
  console.error(`No benchmark in bench/ matches "${filter}".`);
  process.exit(1);
}
let failed = 0;
for (const file of files) {
  console.log(`\n=== ${file} (${new Date().toISOString()})`);
  const r = spawnSync(process.execPath, ['--import', 'tsx', `bench/${file}`], {
    stdio: 'inherit',
    env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
  });
  if (r.status !== 0) {
    failed++;
    console.error(`${file} failed with exit code ${r.status}`);
  }
}
process.exit(failed ? 1 : 0);
