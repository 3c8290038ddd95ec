/**
 * Socket hardening shared by every WebSocket endpoint: no socket error may reach the process as an
 * unhandled `error` event (which stops Node), whether the socket is still an HTTP upgrade being
 * refused or already a WebSocket receiving malformed frames. `ws` closes a socket with the right
 * code (1002 protocol error, 1009 too big) before it emits `error`, so a listener is all it takes.
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type ServerOptions, type WebSocket } from 'ws';

/**
 * Errors on a raw upgrade socket (a reset while it is being answered or refused) end that socket
 * only.
 */
export function guardUpgradeSocket(socket: Duplex): void {
  if (socket.listenerCount('error') === 0) socket.on('error', () => socket.destroy());
}

/** A `noServer` WebSocketServer with a payload limit that must be chosen for its protocol. */
export function guardedWebSocketServer(
  options: Omit<ServerOptions, 'noServer' | 'server' | 'port'> & { maxPayload: number },
): WebSocketServer {
  const wss = new WebSocketServer({ ...options, noServer: true });
  wss.on('error', () => undefined);
  // Bad handshakes are answered (400) and closed by ws itself; listening keeps it from logging to
  // stderr.
  wss.on('wsClientError', (_err, socket) => socket.destroy());
  return wss;
}

/**
 * Completes an upgrade on `wss` and hands the WebSocket on only once it has an `error` listener,
 * so a malformed frame closes that socket and nothing else.
 */
export function acceptWebSocket(
  wss: WebSocketServer,
  req: IncomingMessage,
  socket: Duplex,
  head: Buffer,
  onSocket: (ws: WebSocket) => void,
): void {
  guardUpgradeSocket(socket);
  wss.handleUpgrade(req, socket, head, (ws) => {
    ws.on('error', () => undefined);
    onSocket(ws);
  });
}

/**
 * Header and whole-request deadlines on the HTTP server (Node answers 408 and closes). Node checks
 * them on an interval, which must be shorter than the deadlines for them to bite on time.
 */
export function limitSlowClients(
  server: import('node:http').Server,
  t: { headersMs: number; requestMs: number },
): void {
  server.headersTimeout = t.headersMs;
  server.requestTimeout = t.requestMs;
  (server as unknown as { connectionsCheckingInterval: number }).connectionsCheckingInterval =
    Math.max(100, Math.min(30_000, Math.floor(t.headersMs / 4)));
}

/**
 * Answers an upgrade with an HTTP error and closes the connection both ways once the answer is out:
 * a half-closed socket would go on reading (and discarding) whatever the client keeps sending.
 */
export function refuseUpgrade(socket: Duplex, status: string): true {
  guardUpgradeSocket(socket);
  socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`, () =>
    socket.destroy(),
  );
  return true;
}
