/**
 * WebKitGTK as a customer's browser: Debian's webkit2gtk-driver (WebKitWebDriver, classic W3C
 * WebDriver over HTTP) drives the MiniBrowser on a virtual display (Xvfb) with WebKit's mock
 * capture devices. Debian's WebKitGTK 2.50 is built without WebRTC (no RTCPeerConnection), so it
 * reaches the widget's pre-call screen and its unsupported-browser notice, never a call. The client
 * is the few WebDriver commands the spec needs, over fetch: no extra package.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { freePort } from '../../src/backend/testing/free-port';
import { startXvfb, XVFB_PATH } from './xvfb';

/**
 * Where Debian's webkit2gtk-driver installs the WebDriver server; the spec is skipped when it is
 * missing.
 */
export const WEBKIT_DRIVER = '/usr/bin/WebKitWebDriver';
/** The MiniBrowser the driver launches (same package); checked before the spec runs. */
export const MINIBROWSER = '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';

/** Why WebKitGTK cannot run here, or null when it can. */
export function webkitMissing(): string | null {
  for (const [path, pkg] of [
    [WEBKIT_DRIVER, 'webkit2gtk-driver'],
    [MINIBROWSER, 'webkit2gtk-driver'],
    [XVFB_PATH, 'xvfb'],
  ] as const)
    if (!existsSync(path))
      return `${path} is not installed (scripts/ensure-chromium.mjs installs Debian's ${pkg} when run as root)`;
  return null;
}

/** One WebDriver session in the MiniBrowser. */
export interface WebKitSession {
  /** The MiniBrowser's user agent (names the WebKit version). */
  userAgent: string;
  goto(url: string): Promise<void>;
  /**
   * Runs `script` (a function body; `arguments` are `args`) in the page; async when it returns a
   * promise.
   */
  run<T>(script: string, args?: unknown[]): Promise<T>;
  /** Clicks the element the script returns (a real click through WebDriver's element click). */
  clickReturned(script: string): Promise<void>;
  screenshot(): Promise<Buffer>;
  close(): Promise<void>;
}

/** Starts Xvfb, WebKitWebDriver and a MiniBrowser session with mock camera and microphone. */
export async function startWebKit(): Promise<WebKitSession> {
  const display = await startXvfb();
  if (!display) throw new Error('Xvfb is not installed');
  const port = await freePort();
  const driver: ChildProcess = spawn(WEBKIT_DRIVER, [`--port=${port}`], {
    env: { ...process.env, DISPLAY: display.display },
    stdio: 'ignore',
  });
  // The driver takes the MiniBrowser down with it; a dying test process must not leave it running.
  const onExit = () => driver.kill('SIGTERM');
  process.once('exit', onExit);
  driver.once('exit', () => process.off('exit', onExit));
  const url = `http://127.0.0.1:${port}`;
  const stopAll = async () => {
    driver.kill('SIGTERM');
    await display.stop();
  };
  try {
    await waitForDriver(url);
    const created = await call<{ sessionId: string }>(url, 'POST', '/session', {
      capabilities: {
        alwaysMatch: {
          'webkitgtk:browserOptions': {
            binary: MINIBROWSER,
            args: [
              '--automation',
              '--enable-mock-capture-devices=true',
              '--enable-media-stream=true',
              '--media-playback-requires-user-gesture=false',
            ],
          },
        },
      },
    });
    const s = session(url, created.sessionId, stopAll);
    s.userAgent = await s.run<string>('return navigator.userAgent');
    return s;
  } catch (error) {
    await stopAll();
    throw error;
  }
}

function session(url: string, id: string, stopAll: () => Promise<void>): WebKitSession {
  const base = `/session/${id}`;
  const run = <T>(script: string, args: unknown[] = []) =>
    call<T>(url, 'POST', `${base}/execute/async`, {
      // Async always: the last argument is WebDriver's callback; a returned promise is awaited.
      script: `const done = arguments[arguments.length - 1];
        Promise.resolve((function () { ${script} }).apply(null, Array.prototype.slice.call(arguments, 0, -1)))
          .then(done, (e) => done({ __error: String(e) }));`,
      args,
    });
  const s: WebKitSession = {
    userAgent: '',
    async goto(to) {
      await call(url, 'POST', `${base}/url`, { url: to });
    },
    async run<T>(script: string, args: unknown[] = []) {
      const value = await run<T | { __error: string }>(script, args);
      if (value && typeof value === 'object' && '__error' in value) throw new Error(value.__error);
      return value as T;
    },
    async clickReturned(script) {
      const el = await run<Record<string, string>>(script);
      if (!el || typeof el !== 'object') throw new Error(`no element: ${script}`);
      await call(url, 'POST', `${base}/element/${Object.values(el)[0]}/click`, {});
    },
    async screenshot() {
      return Buffer.from(await call<string>(url, 'GET', `${base}/screenshot`), 'base64');
    },
    async close() {
      await call(url, 'DELETE', base).catch(() => undefined);
      await stopAll();
    },
  };
  return s;
}

async function waitForDriver(url: string) {
  const deadline = Date.now() + 15_000;
  for (;;) {
    try {
      const res = await fetch(`${url}/status`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error('WebKitWebDriver did not start within 15 s');
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function call<T>(url: string, method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${url}${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = (await res.json()) as { value: T & { error?: string; message?: string } };
  if (!res.ok)
    throw new Error(`WebDriver ${method} ${path}: ${json.value?.error}: ${json.value?.message}`);
  return json.value;
}
