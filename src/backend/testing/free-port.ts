/**
 * Finds a free TCP port on loopback. The local provider must know its URL before the server listens
 * (the meeting URLs it hands out contain it), so tests, benchmarks and the e2e setup pick a port
 * first.
 */
import { createServer } from 'node:net';

/** A port that was free a moment ago (the OS picks it; the listener closes before it resolves). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}
