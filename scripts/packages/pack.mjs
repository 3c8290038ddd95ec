#!/usr/bin/env node
// `npm run pack:packages`: stages and packs the two published packages from a widget build (run
// `npm run build` first) into <build>/packages/ (dist/, or CVC_BUILD_DIR): connect-video-call (the
// browser widget) and connect-video-call-server (the backend as a library). Prints the tarballs and
// the gzip size of each published entry. Returns (as a module) the tarball paths for
// scripts/packages/test-packages.mjs. Fails if the server bundle or either tarball holds a module
// of a testing/ folder (test-kits.mjs).
import { inBuild } from '../build-dir.mjs';
import { execFileSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';
import { copyDeclarations, emitDeclarations, packageOf } from './declarations.mjs';
import { OPTIONAL_NATIVE, serverManifest, widgetManifest } from './manifests.mjs';
import { assertNoTestKits } from './test-kits.mjs';

const OUT = inBuild('packages');
const gzKb = (file) =>
  `${(gzipSync(readFileSync(file), { level: 9 }).length / 1024).toFixed(1)} KB`;

/**
 * Fills <build>/packages/<name>/ with `copy(dir)`, then writes `manifest(whatever copy returned)`.
 */
function stage(name, copy, manifest) {
  const dir = join(OUT, name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify(manifest(copy(dir)), null, 2)}\n`);
  writeFileSync(
    join(dir, 'README.md'),
    readFileSync(join('scripts/packages', `${name}.README.md`), 'utf8'),
  );
  return dir;
}

/** Stages both packages and runs `npm pack` on each; returns { widget, server } tarball paths. */
export async function packPackages() {
  if (!existsSync(inBuild('connect-video-call.js')) || !existsSync(inBuild('react.js')))
    throw new Error('Run `npm run build` first.');
  const output = await build({ configFile: 'vite.server.config.ts', logLevel: 'warn' });
  const chunks = (Array.isArray(output) ? output : [output])
    .flatMap((o) => o.output)
    .filter((c) => c.type === 'chunk');
  assertNoTestKits(
    'the server bundle (<build>/server)',
    chunks.flatMap((c) => c.moduleIds),
    process.cwd(),
  );
  const serverImports = new Set(
    chunks
      .flatMap((c) => [...c.imports, ...c.dynamicImports])
      .filter((s) => !s.startsWith('.') && !chunks.some((c) => c.fileName === s))
      .map(packageOf)
      .filter(Boolean),
  );
  emitDeclarations();

  const widgetDir = stage(
    'connect-video-call',
    (dir) => {
      for (const f of ['connect-video-call.js', 'react.js']) cpSync(inBuild(f), join(dir, f));
      mkdirSync(join(dir, 'chunks'));
      for (const f of readdirSync(inBuild('chunks')).filter((f) => f.endsWith('.js')))
        cpSync(inBuild('chunks', f), join(dir, 'chunks', f));
      const main = copyDeclarations('embed/connect-video-call.d.ts', dir);
      const react = copyDeclarations('embed/react.d.ts', dir);
      if (main.size > 0)
        throw new Error(
          `the widget's main declarations import ${[...main].join(', ')}; they must stand alone`,
        );
      const extra = [...react].filter((p) => p !== 'react');
      if (extra.length > 0)
        throw new Error(
          `the React entry's declarations import ${extra.join(', ')}; only react is a (peer) dependency`,
        );
    },
    widgetManifest,
  );
  const serverDeps = new Set(serverImports);
  const serverDir = stage(
    'connect-video-call-server',
    (dir) => {
      cpSync(inBuild('server'), dir, { recursive: true });
      for (const p of copyDeclarations('backend/index.d.ts', dir)) serverDeps.add(p);
      return serverDeps;
    },
    serverManifest,
  );

  const pack = (dir) =>
    JSON.parse(
      execFileSync('npm', ['pack', '--json', '--pack-destination', OUT], {
        cwd: dir,
        encoding: 'utf8',
      }),
    )[0];
  const widget = pack(widgetDir);
  const server = pack(serverDir);
  for (const p of [widget, server])
    assertNoTestKits(
      p.filename,
      p.files.map((f) => f.path),
    );
  console.log(
    `${widget.filename}: ${widget.entryCount} files, ${(widget.size / 1024).toFixed(0)} KB packed, ${(widget.unpackedSize / 1024).toFixed(0)} KB unpacked`,
  );
  console.log(
    `  entries (gzip): connect-video-call.js ${gzKb(join(widgetDir, 'connect-video-call.js'))}, react.js ${gzKb(join(widgetDir, 'react.js'))} (their lazy chunks: see the bundle budget)`,
  );
  console.log(
    `${server.filename}: ${server.entryCount} files, ${(server.size / 1024).toFixed(0)} KB packed, ${(server.unpackedSize / 1024).toFixed(0)} KB unpacked, dependencies: ${[
      ...serverDeps,
    ]
      .filter((p) => !OPTIONAL_NATIVE.includes(p))
      .sort()
      .join(', ')}; optional peer dependencies: ${
      [...serverDeps]
        .filter((p) => OPTIONAL_NATIVE.includes(p))
        .sort()
        .join(', ') || 'none'
    }`,
  );
  console.log(`  entry (gzip): index.js ${gzKb(join(serverDir, 'index.js'))}`);
  return {
    widget: join(OUT, widget.filename),
    server: join(OUT, server.filename),
    widgetDir,
    serverDir,
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await packPackages();
