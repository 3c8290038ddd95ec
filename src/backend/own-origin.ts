/**
 * Same-origin and trusted-host checks on the raw request. A page the server served itself sends an
 * `Origin` equal to the scheme, host and port the request came to; that is only the server's own
 * origin when the host is one the server answers to (a name it is configured for, or the very
 * address the connection arrived on), since a DNS-rebound name also makes Origin and Host agree.
 */
import type { IncomingMessage } from 'node:http';
import type { TLSSocket } from 'node:tls';

/** Names every local server answers to, whatever its configuration. */
export const LOOPBACK_HOSTS = ['localhost', '127.0.0.1', '::1'];

const bare = (hostname: string) => hostname.replace(/^\[|\]$/g, '').toLowerCase();
const localAddressOf = (req: IncomingMessage) =>
  bare((req.socket.localAddress ?? '').replace(/^::ffff:/, ''));

/**
 * The hostname (no port, no brackets) of the request's Host header; undefined when absent or
 * malformed.
 */
export function requestHostname(req: IncomingMessage): string | undefined {
  const host = req.headers.host;
  if (!host) return undefined;
  try {
    return bare(new URL(`http://${host}`).hostname);
  } catch {
    return undefined;
  }
}

/**
 * True when the Host header names one of `trustedHosts`, or the address the connection arrived on.
 */
export function isTrustedHost(req: IncomingMessage, trustedHosts: readonly string[]): boolean {
  const hostname = requestHostname(req);
  if (!hostname) return false;
  return trustedHosts.some((h) => bare(h) === hostname) || hostname === localAddressOf(req);
}

/** True when `Origin` is exactly this request's own scheme, trusted host and listening port. */
export function isOwnOrigin(req: IncomingMessage, trustedHosts: readonly string[]): boolean {
  const origin = req.headers.origin;
  if (!origin || !req.headers.host) return false;
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false;
  }
  const scheme = (req.socket as TLSSocket).encrypted ? 'https:' : 'http:';
  const port = Number(url.port || (url.protocol === 'https:' ? 443 : 80));
  return (
    url.protocol === scheme &&
    url.host === req.headers.host.toLowerCase() &&
    port === req.socket.localPort &&
    isTrustedHost(req, trustedHosts)
  );
}
