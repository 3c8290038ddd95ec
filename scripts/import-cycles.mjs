#!/usr/bin/env node
// The import-cycle check the README's architecture names: madge over the TypeScript sources, the
// same resolution as tsc (tsconfig.json). Run by `npm run lint` and `npm test`; exits 1 and lists
// each cycle.
import madge from 'madge';
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';

/**
 * Every import cycle among the .ts/.tsx files under `dir`, each as the list of files it passes
 * through (relative to `dir`). Type-only imports count too: a cycle of types still ties the modules
 * together.
 */
export async function findImportCycles(dir, tsConfig = resolve('tsconfig.json')) {
  const graph = await madge(dir, {
    fileExtensions: ['ts', 'tsx'],
    tsConfig,
    detectiveOptions: { ts: { skipTypeImports: false }, tsx: { skipTypeImports: false } },
  });
  return graph.circular();
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dir = process.argv[2] ?? 'src';
  const cycles = await findImportCycles(dir);
  if (cycles.length === 0) {
    console.log(`import cycles: none in ${dir}`);
  } else {
    console.error(`import cycles: ${cycles.length} in ${dir}`);
    for (const cycle of cycles) console.error(`  ${[...cycle, cycle[0]].join(' → ')}`);
    process.exit(1);
  }
}
