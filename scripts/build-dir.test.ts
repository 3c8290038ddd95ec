/**
 * `npm test` builds into a folder of its own (CVC_BUILD_DIR) and its servers serve that folder, so
 * `npm start` in the same checkout (which builds and serves `dist/`) and a test run never rebuild
 * each other's files under a running server. Here: a build with CVC_BUILD_DIR writes the site there
 * and leaves `dist/` exactly as it was.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

// .tmp exists in a checkout that ran npm test, not in a fresh copy (CI's Node 24 stage runs in
// one).
mkdirSync('.tmp', { recursive: true });
const out = mkdtempSync(join('.tmp', 'build-dir-test-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

/** Every file of a folder with its modification time (empty when the folder does not exist). */
function snapshot(dir: string): Record<string, number> {
  if (!existsSync(dir)) return {};
  const files: Record<string, number> = {};
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else files[relative(dir, p)] = statSync(p).mtimeMs;
    }
  };
  walk(dir);
  return files;
}

describe('the build folder', () => {
  it('is CVC_BUILD_DIR when set, and dist/ is not touched', () => {
    const before = snapshot('dist');
    execFileSync(
      process.execPath,
      ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'error'],
      {
        env: { ...process.env, CVC_BUILD_DIR: out },
        stdio: 'ignore',
      },
    );
    expect(existsSync(join(out, 'site', 'agent', 'index.html'))).toBe(true);
    expect(snapshot('dist')).toEqual(before);
  }, 120_000);
});
