/**
 * A virtual X display (Debian's xvfb) for browsers that need a screen: Firefox can only capture a
 * screen (getDisplayMedia) when it has one, and WebKitGTK's MiniBrowser has no headless mode.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';

/**
 * Where Debian's xvfb package installs the server; specs needing a display skip when it is absent.
 */
export const XVFB_PATH = '/usr/bin/Xvfb';

/**
 * A running virtual display: pass `display` as DISPLAY to the browser, and stop it after the spec.
 */
export interface VirtualDisplay {
  /** The DISPLAY value, e.g. ":99". */
  display: string;
  stop(): Promise<void>;
}

/** Starts Xvfb on a display number it picks itself; null when Xvfb is not installed. */
export async function startXvfb(size = '1280x800x24'): Promise<VirtualDisplay | null> {
  if (!existsSync(XVFB_PATH)) return null;
  // -displayfd: Xvfb chooses a free display and writes its number to fd 3 once it accepts clients.
  const child: ChildProcess = spawn(
    XVFB_PATH,
    ['-displayfd', '3', '-screen', '0', size, '-nolisten', 'tcp'],
    { stdio: ['ignore', 'ignore', 'ignore', 'pipe'] },
  );
  const number = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdio[3]!.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('\n')) resolve(out.trim());
    });
    child.once('exit', (code) => reject(new Error(`Xvfb exited with code ${code}`)));
    setTimeout(() => reject(new Error('Xvfb did not start within 10 s')), 10_000).unref();
  });
  // A test process that dies (a killed run, a closed pipe) must not leave the display behind.
  const onExit = () => child.kill('SIGTERM');
  process.once('exit', onExit);
  child.once('exit', () => process.off('exit', onExit));
  return {
    display: `:${number}`,
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    },
  };
}
