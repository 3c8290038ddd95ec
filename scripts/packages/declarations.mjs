// Type declarations of the published entries: tsc emits declarations for the entries' whole program
// into .tmp/types/; copyDeclarations() then copies only the files an entry's declarations reach
// (following their relative imports), adding the `.js` extension Node's ESM resolution needs, and
// returns the packages they import, so a package never ships the widget's or the server's
// internals.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

export const TYPES_OUT = resolve('.tmp/types');

/** Runs tsc once for every entry (throws with tsc's output on a type error). */
export function emitDeclarations() {
  const r = spawnSync(
    process.execPath,
    ['node_modules/typescript/bin/tsc', '-p', 'scripts/packages/tsconfig.types.json'],
    { encoding: 'utf8' },
  );
  if (r.status !== 0)
    throw new Error(`tsc could not emit the declarations:\n${r.stdout}${r.stderr}`);
}

const SPECIFIER = /(\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)(["'])([^"']+)\2/g;

function resolveDeclaration(fromFile, spec) {
  const base = resolve(dirname(fromFile), spec);
  if (existsSync(`${base}.d.ts`)) return { file: `${base}.d.ts`, spec: `${spec}.js` };
  if (existsSync(join(base, 'index.d.ts')))
    return { file: join(base, 'index.d.ts'), spec: `${spec}/index.js` };
  throw new Error(`${relative(TYPES_OUT, fromFile)} imports ${spec}, which has no declaration`);
}

/**
 * Package name of a bare specifier (`@scope/name/sub` → `@scope/name`), or null for `node:`
 * built-ins.
 */
export function packageOf(spec) {
  if (spec.startsWith('node:')) return null;
  const parts = spec.split('/');
  return spec.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

/**
 * Copies `entry` (a path under .tmp/types, e.g. 'embed/react.d.ts') and every declaration it
 * reaches into `<destDir>/types/`; returns the set of packages those declarations import.
 */
export function copyDeclarations(entry, destDir) {
  const packages = new Set();
  const seen = new Set();
  const visit = (file) => {
    if (seen.has(file)) return;
    seen.add(file);
    const code = readFileSync(file, 'utf8').replace(SPECIFIER, (whole, lead, quote, spec) => {
      if (!spec.startsWith('.')) {
        const pkg = packageOf(spec);
        if (pkg) packages.add(pkg);
        return whole;
      }
      const target = resolveDeclaration(file, spec);
      visit(target.file);
      return `${lead}${quote}${target.spec}${quote}`;
    });
    const out = join(destDir, 'types', relative(TYPES_OUT, file));
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, code);
  };
  visit(join(TYPES_OUT, entry));
  return packages;
}
