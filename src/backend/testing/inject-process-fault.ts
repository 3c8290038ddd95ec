/**
 * Test kit, preloaded into a server process (`node --import tsx --import <this> main.ts`): on
 * SIGUSR2 it raises the fault named in the file `CVC_FAULT_FILE`, from a fresh task as a bug would:
 * `uncaught` (a TypeError thrown from a timer), `socket` (an EPIPE error thrown from a timer),
 * `rejection` (a promise rejected with nobody listening).
 */
import { readFileSync } from 'node:fs';

process.on('SIGUSR2', () => {
  const kind = readFileSync(process.env.CVC_FAULT_FILE!, 'utf8').trim();
  setTimeout(() => {
    if (kind === 'rejection') {
      void Promise.reject(new Error('injected rejection'));
      return;
    }
    if (kind === 'socket')
      throw Object.assign(new Error('write EPIPE (injected)'), { code: 'EPIPE' });
    throw new TypeError('injected: cannot read properties of undefined');
  }, 0);
});
