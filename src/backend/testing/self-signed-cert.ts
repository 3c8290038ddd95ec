/**
 * Test kit: a fresh self-signed certificate and key made with the `openssl` CLI, as the README's
 * phone recipe makes one, for the names and addresses given (subjectAltName), in a temporary
 * folder.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isIP } from 'node:net';

/** The certificate and key, as files and as PEM text; `remove()` deletes the temporary folder. */
export interface SelfSignedCert {
  certFile: string;
  keyFile: string;
  cert: string;
  remove(): void;
}

/** Makes a 2048-bit RSA certificate valid for one day for `names` (DNS names or IP addresses). */
export function selfSignedCert(names: string[]): SelfSignedCert {
  const dir = mkdtempSync(join(tmpdir(), 'cvc-tls-'));
  const certFile = join(dir, 'cert.pem');
  const keyFile = join(dir, 'key.pem');
  const san = names.map((n) => (isIP(n) ? `IP:${n}` : `DNS:${n}`)).join(',');
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-days',
      '1',
      '-keyout',
      keyFile,
      '-out',
      certFile,
      '-subj',
      `/CN=${names[0]}`,
      '-addext',
      `subjectAltName=${san}`,
    ],
    { stdio: 'ignore' },
  );
  return {
    certFile,
    keyFile,
    cert: readFileSync(certFile, 'utf8'),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
