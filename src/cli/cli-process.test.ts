/**
 * The installed command in its own process, with the environment a user has: nothing but the
 * command's own output reaches stdout and stderr (no dependency's runtime warning, such as the AWS
 * SDK's NodeVersionSupportWarning on Node 20, or a deprecation), on success and on failure.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { startContactArgs, startFakeEndpoint, type FakeEndpoint } from './testing/cli-test-kit';

let endpoint: FakeEndpoint;
beforeAll(async () => {
  endpoint = await startFakeEndpoint();
});
afterAll(() => endpoint?.close());

// The test runner switches the SDK's notice off for its own process; a user's shell does not.
const {
  AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: _off,
  NODE_OPTIONS: _opts,
  ...userEnv
} = process.env;

function bin(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['bin/connect-video-call.mjs', ...args],
      { env: userEnv, timeout: 30_000 },
      (err, stdout, stderr) => {
        resolve({ code: err ? Number((err as { code?: number }).code ?? 1) : 0, stdout, stderr });
      },
    );
  });
}

describe(`connect-video-call on Node ${process.version}`, () => {
  it('prints only the response on success', async () => {
    const out = await bin(
      startContactArgs(endpoint.url, '--query', 'ContactId', '--output', 'text'),
    );
    expect(out).toEqual({ code: 0, stdout: 'c-123\n', stderr: '' });
  });

  it('prints only its own error on failure', async () => {
    endpoint.failNext(404, 'ResourceNotFoundException', 'Contact flow f does not exist');
    const out = await bin(startContactArgs(endpoint.url));
    expect(out.code).toBe(254);
    expect(out.stderr).toBe(
      '\nAn error occurred (ResourceNotFoundException) when calling the StartWebRTCContact operation: Contact flow f does not exist\n',
    );
  });
});
