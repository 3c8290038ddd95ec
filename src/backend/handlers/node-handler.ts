/**
 * The backend as a Node `http` request listener, for `http.createServer(handler)` or Express /
 * Connect middleware (`app.use(handler)`, before any body parser). Requests go straight into
 * Fastify's router (`app.routing`), so it is the standalone server's request path on someone else's
 * server.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { prepareApp, startFailure, type HandlerSource } from './handler-source';

/**
 * A request listener; as middleware (with `next`) it answers `/api/...` and passes everything else
 * on.
 */
export type NodeHandler = (
  req: IncomingMessage,
  res: ServerResponse,
  next?: (err?: unknown) => void,
) => void;

const isApiPath = (url: string | undefined) => /^\/api(\/|\?|$)/.test(url ?? '');

/** Builds a Node request listener / Express middleware serving `/api`. */
export function createNodeHandler(source: HandlerSource): NodeHandler {
  const ready = prepareApp(source);
  return (req, res, next) => {
    if (next && !isApiPath(req.url)) {
      next();
      return;
    }
    ready.then(
      (app) => app.routing(req, res),
      () => {
        res.writeHead(startFailure.status, { 'content-type': 'application/json' });
        res.end(startFailure.body);
      },
    );
  };
}
