/**
 * The README's recipe for joining from a phone: HTTPS with a self-signed certificate, the server on
 * a LAN address or on every interface, PUBLIC_URL on a name only the browsers resolve. The server's
 * own SDK clients must still reach its emulator, so POST /api/calls answers 201 over HTTPS. The
 * "LAN address" is 127.0.0.2: on Linux every 127/8 address is local, and it is not 127.0.0.1.
 */
import { createServer as createHttpsServer } from 'node:https';
import { request } from 'node:https';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildServer } from './build-server';
import { freePort } from './testing/free-port';
import { loadServerConfig } from './server-config';
import { selfTrustingAgent, selfUrl } from './self-link';
import { selfSignedCert } from './testing/self-signed-cert';

const lanCert = selfSignedCert(['video.lan.test', '127.0.0.2', '127.0.0.1']);
const otherCert = selfSignedCert(['video.lan.test', '127.0.0.2', '127.0.0.1']);
afterAll(() => {
  lanCert.remove();
  otherCert.remove();
});

/** One HTTPS request trusting the test certificate (the test's client, not the server's link). */
function post(
  address: string,
  port: number,
  path: string,
  body: unknown,
  headers: Record<string, string>,
) {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = request(
      {
        host: address,
        port,
        path,
        method: 'POST',
        ca: lanCert.cert,
        headers: { 'content-type': 'application/json', ...headers },
      },
      (res) => {
        let text = '';
        res.on('data', (chunk: Buffer) => (text += chunk.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
      },
    );
    req.on('error', reject);
    req.end(JSON.stringify(body));
  });
}

async function startCallOver(host: string, address: string) {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'cvc-tls-stack-'));
  const publicUrl = `https://video.lan.test:${port}`;
  const config = loadServerConfig({
    HOST: host,
    PORT: port,
    PUBLIC_URL: publicUrl,
    TLS_CERT_FILE: lanCert.certFile,
    TLS_KEY_FILE: lanCert.keyFile,
    MEDIA_ICE_ADDRESS: address,
    LOCAL_DATA_DIR: dataDir,
    LOCAL_SPEECH: false,
    LOG_LEVEL: 'silent',
  });
  const server = await buildServer(config);
  try {
    await server.app.listen({ port, host: config.HOST });
    return await post(
      address,
      port,
      '/api/calls',
      { entryPoint: 'default', displayName: 'Phone Jane', clientToken: crypto.randomUUID() },
      { origin: publicUrl },
    );
  } finally {
    await server.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

describe('the server reaches its own emulator over TLS with a self-signed certificate', () => {
  it('on a LAN address with PUBLIC_URL on another name: POST /api/calls answers 201', async () => {
    const res = await startCallOver('127.0.0.2', '127.0.0.2');
    expect(res.body).toContain('"contactId"');
    expect(res.status).toBe(201);
  });

  it('on every interface (HOST=0.0.0.0): POST /api/calls answers 201', async () => {
    const res = await startCallOver('0.0.0.0', '127.0.0.1');
    expect(res.body).toContain('"contactId"');
    expect(res.status).toBe(201);
  });

  it('links to where the server listens, and trusts only the certificate it serves', async () => {
    expect(selfUrl({ HOST: '0.0.0.0', PORT: 8443, tlsCert: 'x' })).toBe('https://127.0.0.1:8443');
    expect(selfUrl({ HOST: '192.168.1.20', PORT: 8443 })).toBe('http://192.168.1.20:8443');
    expect(selfUrl({ HOST: '::1', PORT: 8080 })).toBe('http://[::1]:8080');
    // Another self-signed certificate for the very same names is refused on the link.
    const impostor = createHttpsServer(
      { cert: otherCert.cert, key: (await import('node:fs')).readFileSync(otherCert.keyFile) },
      (_req, res) => res.end('impostor'),
    );
    impostor.listen(0, '127.0.0.1');
    await once(impostor, 'listening');
    const { port } = impostor.address() as { port: number };
    const fetchWith = (pem: string) =>
      new Promise<string>((resolve) => {
        const req = request({ host: '127.0.0.1', port, agent: selfTrustingAgent(pem) }, (res) => {
          res.resume();
          resolve(`status ${res.statusCode}`);
        });
        req.on('error', (err: NodeJS.ErrnoException) => resolve(err.code ?? err.message));
        req.end();
      });
    expect(await fetchWith(lanCert.cert)).toMatch(/CERT|SELF_SIGNED|UNABLE/);
    expect(await fetchWith(otherCert.cert)).toBe('status 200');
    impostor.close();
  });
});
