#!/usr/bin/env node
// `npm run test:packages` (and a step of `npm test`, after the build): packs both published
// packages, lints them with publint and @arethetypeswrong/cli (both must report nothing), installs
// each tarball into a fresh scratch project (.tmp/package-test/: a plain DOM site, a React 19 site,
// a Node backend) and type-checks it with skipLibCheck off; the backend project also runs its code.
// Prints the installed size of a project with only the widget and of one with only the server
// package. Installs use --prefer-offline: the registry is only asked for what npm's cache lacks.
// The packages are ESM-only ("type": "module"), so attw runs with its esm-only profile (CommonJS
// consumers use import()).
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { packPackages } from './pack.mjs';
import { root } from './manifests.mjs';

const SCRATCH = resolve('.tmp/package-test');
const TSC = resolve('node_modules/typescript/bin/tsc');
const results = [];
const check = (name, ok, detail = '') => {
  results.push({ name, ok });
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${name}${!ok && detail ? `\n${detail}` : ''}`);
};
const run = (cmd, args, cwd) => {
  const r = spawnSync(cmd, args, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, npm_config_update_notifier: 'false' },
  });
  return { ok: r.status === 0, out: `${r.stdout ?? ''}${r.stderr ?? ''}`.trim() };
};
const version = (name) =>
  (root.dependencies?.[name] ?? root.devDependencies?.[name] ?? '').replace(/^[\^~]/, '');
const topLevelPackages = (dir) =>
  readdirSync(join(dir, 'node_modules'))
    .filter((d) => !d.startsWith('.'))
    .flatMap((d) =>
      d.startsWith('@') ? readdirSync(join(dir, 'node_modules', d)).map((s) => `${d}/${s}`) : [d],
    );
/**
 * Files under `dir` that mean compiled native code: `.node` binaries and `binding.gyp` build files.
 */
const nativeFiles = (dir) =>
  readdirSync(dir, { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('.node') || f.endsWith('binding.gyp'));
const duSize = (dir) =>
  execFileSync('du', ['-sh', 'node_modules'], { cwd: dir, encoding: 'utf8' }).split('\t')[0];

/** A scratch project: package.json with `deps`, the fixture's files, a tsconfig; installed. */
function scratch(name, deps, tsconfig) {
  const dir = join(SCRATCH, name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  cpSync(resolve('scripts/packages/fixtures', name), dir, { recursive: true });
  writeFileSync(
    join(dir, 'package.json'),
    JSON.stringify(
      { name: `scratch-${name}`, private: true, type: 'module', dependencies: deps },
      null,
      2,
    ),
  );
  writeFileSync(
    join(dir, 'tsconfig.json'),
    JSON.stringify(
      {
        compilerOptions: {
          strict: true,
          noEmit: true,
          skipLibCheck: false,
          target: 'ES2022',
          types: [],
          ...tsconfig,
        },
        include: ['*.ts', '*.tsx'],
      },
      null,
      2,
    ),
  );
  return dir;
}
const install = (dir, extra = []) =>
  run(
    'npm',
    ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error', ...extra],
    dir,
  );
const typecheck = (dir) => run(process.execPath, [TSC, '-p', dir]);

const { widget, server, widgetDir, serverDir } = await packPackages();

for (const dir of [widgetDir, serverDir]) {
  const r = run(process.execPath, [
    resolve('node_modules/publint/src/cli.js'),
    dir,
    '--level',
    'suggestion',
    '--strict',
  ]);
  check(
    `publint ${dir}`,
    r.ok && /All good/.test(r.out),
    r.ok && /All good/.test(r.out) ? '' : r.out,
  );
}
for (const tarball of [widget, server]) {
  const r = run(process.execPath, [
    resolve('node_modules/@arethetypeswrong/cli/dist/index.js'),
    tarball,
    '--profile',
    'esm-only',
    '--format',
    'ascii',
  ]);
  check(`attw ${tarball}`, r.ok, r.out);
}

// A plain DOM site: only the widget; nothing else may be installed (no server dependency, nothing
// native).
const dom = scratch(
  'dom',
  { 'connect-video-call': `file:${widget}` },
  { module: 'nodenext', moduleResolution: 'nodenext', lib: ['ES2022', 'DOM', 'DOM.Iterable'] },
);
let r = install(dom);
check('install the widget alone', r.ok, r.out);
const domPackages = r.ok ? topLevelPackages(dom) : [];
check(
  'the widget installs no other package',
  domPackages.join() === 'connect-video-call',
  domPackages.join(', '),
);
const widgetSize = r.ok ? duSize(dom) : '?';
r = typecheck(dom);
check('type-check a plain DOM site (nodenext)', r.ok, r.out);

// A React 19 site (bundler resolution, as Vite / Next.js apps use).
const react = scratch(
  'react',
  {
    'connect-video-call': `file:${widget}`,
    react: version('react'),
    'react-dom': version('react-dom'),
    '@types/react': version('@types/react'),
    '@types/react-dom': version('@types/react-dom'),
  },
  {
    module: 'esnext',
    moduleResolution: 'bundler',
    jsx: 'react-jsx',
    lib: ['ES2022', 'DOM', 'DOM.Iterable'],
    types: ['react'],
  },
);
r = install(react);
check('install the widget in a React site', r.ok, r.out);
r = typecheck(react);
check('type-check a React 19 site (bundler)', r.ok, r.out);

// A Node backend: only the server package; the browser UI must not come with it.
const node = scratch(
  'server',
  { 'connect-video-call-server': `file:${server}` },
  { module: 'nodenext', moduleResolution: 'nodenext', lib: ['ES2023'], types: ['node'] },
);
r = install(node);
check('install the server package alone', r.ok, r.out);
const serverPackages = r.ok ? topLevelPackages(node) : [];
const browserOnly = serverPackages.filter((p) =>
  [
    'connect-video-call',
    'react',
    'react-dom',
    'amazon-chime-sdk-js',
    '@tanstack/react-query',
  ].includes(p),
);
check(
  'the server package installs no browser UI',
  r.ok && browserOnly.length === 0,
  browserOnly.join(', '),
);
// No native module and no media server: nothing compiled (no .node binary, no binding.gyp) and none
// of the local contact center's packages.
const localOnly = serverPackages.filter((p) =>
  ['better-sqlite3', 'werift', 'opusscript', 'opusscript-native'].includes(p),
);
const native = r.ok ? nativeFiles(join(node, 'node_modules')) : [];
check(
  'the server package installs no native module and no media server',
  r.ok && localOnly.length === 0 && native.length === 0,
  [...localOnly, ...native].join(', '),
);
const serverSize = r.ok ? duSize(node) : '?';
r = install(node, ['--no-save', `@types/node@${version('@types/node')}`]);
check('install @types/node for the backend check', r.ok, r.out);
r = typecheck(node);
check('type-check a Node backend (nodenext)', r.ok, r.out);
writeFileSync(
  join(node, 'tsconfig.json'),
  JSON.stringify({
    compilerOptions: {
      module: 'nodenext',
      target: 'ES2022',
      outDir: 'out',
      types: ['node'],
      skipLibCheck: true,
    },
  }),
);
r = run(process.execPath, [TSC, '-p', node]);
const ran = r.ok ? run(process.execPath, [join(node, 'out/server.js')], node) : r;
check(
  'run the backend: createApp answers /api in-process',
  ran.ok && /-> 404 ResourceNotFoundException/.test(ran.out),
  ran.out,
);
check(
  'the package refuses local mode, naming what to do (the contact center stays in the repository)',
  ran.ok && /CONNECT_MODE=local -> CONNECT_MODE=local needs the local contact center/.test(ran.out),
  ran.out,
);

console.log(
  `installed size (du -sh node_modules): widget only ${widgetSize}, server package only ${serverSize}`,
);
const failed = results.filter((x) => !x.ok).length;
console.log(`packages: ${results.length - failed} passed, ${failed} failed`);
writeFileSync(
  resolve('.tmp/packages.json'),
  JSON.stringify({ passed: results.length - failed, failed }),
);
process.exit(failed ? 1 : 0);
