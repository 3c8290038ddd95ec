#!/usr/bin/env node
// Makes sure the system packages the browser tests need are present: Debian's Chromium (Playwright cannot
// download its own browser here) and espeak-ng (spoken flow prompts). Installs them through apt when running
// as root, otherwise explains what to install. Safe to run repeatedly: it does nothing when all is present.
import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';

const needed = [
  { bin: process.env.CHROMIUM_PATH || '/usr/bin/chromium', pkg: 'chromium', required: true },
  { bin: '/usr/bin/espeak-ng', pkg: 'espeak-ng', required: false },
];
const missing = needed.filter((n) => !existsSync(n.bin));
if (missing.length === 0) process.exit(0);

const pkgs = missing.map((m) => m.pkg);
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
if (!isRoot) {
  console.error(
    `Missing system packages: ${pkgs.join(', ')}. Install them with: sudo apt-get install -y ${pkgs.join(' ')}`,
  );
  process.exit(missing.some((m) => m.required) ? 1 : 0);
}
console.log(`Installing ${pkgs.join(', ')} with apt-get (one time)...`);
const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
execFileSync('apt-get', ['update', '-q'], { stdio: 'inherit', env });
execFileSync(
  'apt-get',
  ['install', '-y', '-q', '--no-install-recommends', ...pkgs, 'fonts-dejavu-core'],
  { stdio: 'inherit', env },
);
