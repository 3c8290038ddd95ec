/**
 * How the server's own SDK clients reach its own emulator (local mode), however the server is
 * served: on the address it really listens on (loopback when it listens on every interface, the LAN
 * address when HOST names one), and over TLS trusting exactly the certificate the server presents,
 * which for the README's phone recipe is self-signed and names the LAN address, not 127.0.0.1.
 * Pinning that one certificate (by its SHA-256 fingerprint) keeps verification on: nothing else,
 * even with a matching name, is accepted on this link.
 */
import { Agent } from 'node:https';
import { checkServerIdentity, rootCertificates, type PeerCertificate } from 'node:tls';
import { X509Certificate } from 'node:crypto';

/** The address, port and certificate the server listens with. */
export interface ListenSettings {
  HOST: string;
  PORT: number;
  /** PEM of the certificate chain served (leaf first), when the server serves HTTPS. */
  tlsCert?: string;
}

/** The base URL (no trailing slash) on which this process reaches its own listener. */
export function selfUrl(listen: ListenSettings): string {
  const scheme = listen.tlsCert ? 'https' : 'http';
  const wildcard = listen.HOST === '0.0.0.0' || listen.HOST === '::' || listen.HOST === '';
  const host = wildcard ? '127.0.0.1' : listen.HOST;
  return `${scheme}://${host.includes(':') ? `[${host}]` : host}:${listen.PORT}`;
}

/**
 * An HTTPS agent for the SDK clients' request handler that trusts the server's own certificate:
 * the chain must verify (public roots, plus the served chain itself as a trust anchor, which is
 * what makes a self-signed certificate verify), and the peer must present exactly our leaf, under
 * whatever name it was issued for.
 */
export function selfTrustingAgent(certChainPem: string): Agent {
  const served = certChainPem.match(
    /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g,
  );
  if (!served?.[0]) throw new Error('TLS_CERT_FILE holds no PEM certificate');
  const leafFingerprint = new X509Certificate(served[0]).fingerprint256;
  return new Agent({
    keepAlive: true,
    ca: [...rootCertificates, ...served],
    checkServerIdentity: (host: string, cert: PeerCertificate) =>
      cert.fingerprint256 === leafFingerprint ? undefined : checkServerIdentity(host, cert),
  });
}
