/**
 * Test kit: a plain HTTP server on a free loopback port whose WebSocket upgrades go to a media server,
 * as the real server wires it, for tests that open signaling sockets like the SDK does.
 */
import { createServer, type Server } from 'node:http';
import { once } from 'node:events';
import type { MediaService } from '../media-service';

/** Starts an HTTP server on a free port of 127.0.0.1; `base` is its http:// URL. */
export async function listenOnLoopback(): Promise<{ http: Server; base: string }> {
  const http = createServer();
  http.listen(0, '127.0.0.1');
  await once(http, 'listening');
  return { http, base: `http://127.0.0.1:${(http.address() as { port: number }).port}` };
}

/** Hands the server's WebSocket upgrades to `media` (in place of any earlier media server). */
export function routeUpgrades(http: Server, media: MediaService): void {
  http.removeAllListeners('upgrade');
  http.on(
    'upgrade',
    (req, socket, head) => void (media.handleUpgrade(req, socket, head) || socket.destroy()),
  );
}
