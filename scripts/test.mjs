#!/usr/bin/env node
// `npm test`: every check in one command, in the order that fails fastest:
// system packages, lint, format (Prettier), import cycles (madge), typecheck, unit + integration
// tests (Vitest), build, the download budgets, the published packages (pack, lint, install and
// type-check), browser tests (Playwright).
// With `-- --node24` (CI), the lint, type and Vitest stages also run on Node 24
// (scripts/test-node24.mjs). Ends with one summary line "N passed, N failed" over all test cases,
// which CI reads.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, existsSync, rmSync } from 'node:fs';

mkdirSync('.tmp', { recursive: true });
// The build, its budgets, the packages and the browser tests use a build folder of their own
// (scripts/build-dir.mjs): `npm start` in this checkout keeps serving, and rebuilding, `dist/`.
process.env.CVC_BUILD_DIR ??= '.tmp/test-build';
// Stale results of an earlier run must not be counted.
for (const f of ['.tmp/vitest.json', '.tmp/vitest-node24.json', '.tmp/packages.json'])
  rmSync(f, { force: true });
const run = (cmd, args, opts = {}) => {
  console.log(`\n$ ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', ...opts });
  return r.status ?? 1;
};
const npx = (args) => run('npx', ['--no-install', ...args]);
const steps = [];
const step = (name, code) => {
  steps.push({ name, code });
  return code;
};

if (step('system packages', run('node', ['scripts/ensure-chromium.mjs'])) !== 0) finish();
step('lint', npx(['eslint', '.']));
step('format', npx(['prettier', '--check', '.']));
step('import cycles', run('node', ['scripts/import-cycles.mjs', 'src']));
step('typecheck', npx(['tsc', '--noEmit', '-p', 'tsconfig.json']));
step(
  'unit and integration',
  npx([
    'vitest',
    'run',
    '--reporter=default',
    '--reporter=json',
    '--outputFile.json=.tmp/vitest.json',
  ]),
);
if (step('build', run('npm', ['run', 'build'])) === 0) {
  step('bundle budget', run('node', ['scripts/check-bundle-budget.mjs']));
  step('packages', run('node', ['scripts/packages/test-packages.mjs']));
  step('browser', npx(['playwright', 'test']));
}
if (process.argv.includes('--node24'))
  step('node 24: lint, types, unit and integration', run('node', ['scripts/test-node24.mjs']));
finish();

function finish() {
  let passed = 0,
    failed = 0,
    skipped = 0;
  for (const file of [
    '.tmp/vitest.json',
    ...(process.argv.includes('--node24') ? ['.tmp/vitest-node24.json'] : []),
  ]) {
    if (!existsSync(file)) continue;
    const v = JSON.parse(readFileSync(file, 'utf8'));
    passed += v.numPassedTests ?? 0;
    failed += v.numFailedTests ?? 0;
    skipped += (v.numPendingTests ?? 0) + (v.numTodoTests ?? 0);
  }
  if (existsSync('.tmp/packages.json')) {
    const p = JSON.parse(readFileSync('.tmp/packages.json', 'utf8'));
    passed += p.passed ?? 0;
    failed += p.failed ?? 0;
  }
  if (existsSync('.tmp/playwright.json')) {
    const report = JSON.parse(readFileSync('.tmp/playwright.json', 'utf8'));
    const s = report.stats ?? {};
    passed += s.expected ?? 0; // no retries (playwright.config.ts): no spec is 'flaky'
    failed += s.unexpected ?? 0;
    skipped += s.skipped ?? 0;
  }
  const broken = steps.filter((s) => s.code !== 0);
  for (const s of steps) console.log(`${s.code === 0 ? 'ok  ' : 'FAIL'} ${s.name}`);
  // A step that failed without a failing test case (lint, typecheck, build) still counts as a
  // failure.
  if (broken.length > 0 && failed === 0) failed = broken.length;
  console.log(`tests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
  process.exit(broken.length > 0 ? 1 : 0);
}
