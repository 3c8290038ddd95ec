#!/usr/bin/env node
// Makes sure the system packages the browser tests need are present: Debian's Chromium (Playwright
// cannot download its own browser here) and espeak-ng (spoken flow prompts), plus the other
// customers' browsers: Debian's firefox-esr (the Firefox journey, driven over WebDriver BiDi) and
// WebKitGTK's WebDriver with Xvfb (the WebKit run). Installs them through apt when running as root,
// otherwise explains what to install. Only Chromium is required: a browser that cannot be installed
// makes its specs skip with a printed reason (e2e/testing/other-browsers.ts). Safe to run
// repeatedly: it does nothing when all is present.
import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';

const needed = [
  { bin: process.env.CHROMIUM_PATH || '/usr/bin/chromium', pkg: 'chromium', required: true },
  { bin: '/usr/bin/espeak-ng', pkg: 'espeak-ng', required: false },
  { bin: process.env.FIREFOX_PATH || '/usr/bin/firefox-esr', pkg: 'firefox-esr', required: false },
  { bin: '/usr/bin/WebKitWebDriver', pkg: 'webkit2gtk-driver', required: false },
  { bin: '/usr/bin/Xvfb', pkg: 'xvfb', required: false },
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
const aptInstall = (names) =>
  execFileSync('apt-get', ['install', '-y', '-q', '--no-install-recommends', ...names], {
    stdio: 'inherit',
    env,
  });
execFileSync('apt-get', ['update', '-q'], { stdio: 'inherit', env });
const required = missing.filter((m) => m.required).map((m) => m.pkg);
if (required.length > 0) aptInstall([...required, 'fonts-dejavu-core']);
// One at a time, so a browser the mirror lacks does not keep the others out; its specs then skip.
for (const m of missing.filter((x) => !x.required)) {
  try {
    aptInstall([m.pkg, 'fonts-dejavu-core']);
  } catch {
    console.error(`Could not install ${m.pkg}; the tests that need it will be skipped.`);
  }
}
