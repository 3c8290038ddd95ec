/**
 * The transport and credential options: --region and --profile reach the signature, the
 * AWS_ENDPOINT_URL_CONNECT variable picks the endpoint, --no-verify-ssl and --ca-bundle govern TLS
 * (against a loopback https endpoint with a throw-away self-signed certificate), --cli-read-timeout
 * bounds a slow answer, --no-paginate is accepted and --color auto follows the terminal.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  run,
  startContactArgs,
  startFakeEndpoint,
  type FakeEndpoint,
} from './testing/cli-test-kit';
import { runCli } from './run-cli';
import { selfSignedCert, type SelfSignedCert } from '../backend/testing/self-signed-cert';

const dir = mkdtempSync(join(tmpdir(), 'cvc-cli-tls-'));
let plain: FakeEndpoint;
let tls: FakeEndpoint;
let cert: SelfSignedCert;
beforeAll(async () => {
  cert = selfSignedCert(['127.0.0.1']);
  plain = await startFakeEndpoint();
  tls = await startFakeEndpoint({
    key: readFileSync(cert.keyFile, 'utf8'),
    cert: cert.cert,
  });
});
afterAll(async () => {
  await plain.close();
  await tls.close();
  rmSync(dir, { recursive: true, force: true });
  cert.remove();
});
beforeEach(() => {
  plain.requests.splice(0);
  plain.delay(0);
});

describe('region, profile and endpoint', () => {
  it('signs for the --region given', async () => {
    expect((await run(startContactArgs(plain.url, '--region', 'eu-west-2'))).code).toBe(0);
    expect(plain.requests[0]?.headers.authorization).toMatch(
      /Credential=local\/\d{8}\/eu-west-2\/connect\/aws4_request/,
    );
  });

  it('takes credentials from the --profile in the shared files', async () => {
    writeFileSync(
      join(dir, 'credentials'),
      '[tester]\naws_access_key_id = AKIDPROFILETESTER\naws_secret_access_key = secret\n',
    );
    writeFileSync(join(dir, 'config'), '[profile tester]\nregion = ap-southeast-2\n');
    // The SDK itself locates the shared files through these variables.
    const saved = {
      creds: process.env.AWS_SHARED_CREDENTIALS_FILE,
      config: process.env.AWS_CONFIG_FILE,
    };
    process.env.AWS_SHARED_CREDENTIALS_FILE = join(dir, 'credentials');
    process.env.AWS_CONFIG_FILE = join(dir, 'config');
    try {
      const result = await run(
        startContactArgs(plain.url, '--profile', 'tester', '--region', 'ap-southeast-2'),
      );
      expect(result.code).toBe(0);
    } finally {
      process.env.AWS_SHARED_CREDENTIALS_FILE = saved.creds;
      process.env.AWS_CONFIG_FILE = saved.config;
      if (saved.creds === undefined) delete process.env.AWS_SHARED_CREDENTIALS_FILE;
      if (saved.config === undefined) delete process.env.AWS_CONFIG_FILE;
    }
    expect(plain.requests[0]?.headers.authorization).toMatch(
      /Credential=AKIDPROFILETESTER\/\d{8}\/ap-southeast-2\//,
    );
  });

  it('uses AWS_ENDPOINT_URL_CONNECT when no --endpoint-url is given, and accepts --no-paginate', async () => {
    const argv = startContactArgs(plain.url, '--no-paginate').filter(
      (a, i, all) => a !== '--endpoint-url' && all[i - 1] !== '--endpoint-url',
    );
    expect((await run(argv, { AWS_ENDPOINT_URL_CONNECT: plain.url })).code).toBe(0);
    expect(plain.requests).toHaveLength(1);
  });
});

describe('TLS options', () => {
  it('refuses an untrusted certificate by default (exit 255)', async () => {
    const { code, stderr } = await run(startContactArgs(tls.url));
    expect(code).toBe(255);
    expect(stderr).toMatch(/self.signed|certificate/i);
    expect(tls.requests).toHaveLength(0);
  });

  it('connects with --no-verify-ssl, or with --ca-bundle naming the certificate', async () => {
    expect((await run(startContactArgs(tls.url, '--no-verify-ssl'))).code).toBe(0);
    expect((await run(startContactArgs(tls.url, '--ca-bundle', cert.certFile))).code).toBe(0);
    expect(tls.requests.filter((r) => r.path.endsWith('/contact/webrtc'))).toHaveLength(2);
  });

  it('reports an unreadable --ca-bundle as a configuration error (exit 253)', async () => {
    const { code, stderr } = await run(
      startContactArgs(tls.url, '--ca-bundle', join(dir, 'missing.pem')),
    );
    expect(code).toBe(253);
    expect(stderr).toContain('Unable to read the CA bundle');
  });
});

describe('timeouts and colour', () => {
  it('gives up on a slow answer after --cli-read-timeout seconds', async () => {
    plain.delay(2500);
    const started = Date.now();
    const { code, stderr } = await run(startContactArgs(plain.url, '--cli-read-timeout', '1'));
    expect(code).toBe(255);
    expect(stderr).toMatch(/timeout/i);
    // Three attempts of about one second each, not three of 2.5 s.
    expect(Date.now() - started).toBeLessThan(7000);
  });

  it('takes the default format from AWS_DEFAULT_OUTPUT and refuses an unknown one (exit 253)', async () => {
    expect(
      (
        await run(startContactArgs(plain.url, '--query', 'ContactId'), {
          AWS_DEFAULT_OUTPUT: 'text',
        })
      ).stdout,
    ).toBe('c-123\n');
    expect(
      (
        await run(startContactArgs(plain.url, '--query', 'ContactId', '--output', 'json'), {
          AWS_DEFAULT_OUTPUT: 'text',
        })
      ).stdout,
    ).toBe('"c-123"\n');
    const bad = await run(startContactArgs(plain.url), { AWS_DEFAULT_OUTPUT: 'yaml' });
    expect(bad.code).toBe(253);
    expect(bad.stderr).toContain('AWS_DEFAULT_OUTPUT must be json, text or table');
  });

  it('colours the table on a terminal with --color auto, not when piped', async () => {
    const out = async (isTty: boolean) => {
      let text = '';
      await runCli({
        argv: startContactArgs(plain.url, '--output', 'table'),
        env: {},
        stdout: (t) => (text += t),
        stderr: () => undefined,
        isTty,
      });
      return text;
    };
    expect(await out(true)).toContain('\x1b[');
    expect(await out(false)).not.toContain('\x1b[');
  });
});
