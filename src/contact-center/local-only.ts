/**
 * Guards for the local-only endpoints (agent desk, emulator, media and participant WebSockets):
 * they answer only to the host names the server is configured for, so a page on another site cannot
 * reach them through DNS rebinding, and never to `Origin: null` (sandboxed frames, local files).
 * The desk additionally takes commands only from the server's own pages.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { UpgradeHandler } from '../backend/app';
import { isOwnOrigin, isTrustedHost } from '../backend/own-origin';
import { refuseUpgrade } from '../server-common/socket-guard';

const forbidden = (message: string) => ({
  error: { name: 'AccessDeniedException', message, retryable: false },
});

/**
 * Wraps a route plugin so it answers only trusted hosts, and only its own pages for anything but
 * GET.
 */
export function localOnly(
  trustedHosts: string[],
  ownOrigins: string[],
  plugin: FastifyPluginAsync,
): FastifyPluginAsync {
  return async (app) => {
    app.addHook('onRequest', async (req, reply) => {
      if (!isTrustedHost(req.raw, trustedHosts))
        return reply
          .code(403)
          .send(forbidden(`This endpoint only answers to ${trustedHosts.join(', ')}.`));
      const origin = req.headers.origin;
      if (origin === undefined) return;
      const own = ownOrigins.includes(origin) || isOwnOrigin(req.raw, trustedHosts);
      if (origin === 'null' || (req.method !== 'GET' && req.method !== 'HEAD' && !own)) {
        return reply
          .code(403)
          .send(forbidden('The agent desk only accepts requests from its own page'));
      }
    });
    await app.register(plugin);
  };
}

/**
 * An upgrade handler placed first: it refuses (403) every upgrade from an untrusted host or
 * `Origin: null`.
 */
export function refuseUntrustedUpgrades(trustedHosts: string[]): UpgradeHandler {
  return (req, socket) =>
    isTrustedHost(req, trustedHosts) && req.headers.origin !== 'null'
      ? false
      : refuseUpgrade(socket, '403 Forbidden');
}
