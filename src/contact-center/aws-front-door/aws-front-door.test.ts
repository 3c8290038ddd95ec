/**
 * Issue 9 defect 3: the emulator at /aws behaves like AWS towards browsers and strangers. No CORS
 * grant to other origins, no foreign Host, a rate limit, MissingAuthenticationTokenException
 * without a signature; any access key by default, verified signatures once local credentials are
 * configured, with the official SDK client, the AWS CLI and the server's own /api all still
 * working.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { promisify } from 'node:util';
import { ConnectClient, ListInstancesCommand } from '@aws-sdk/client-connect';
import { startLocalStack, type LocalStack } from '../../backend/testing/start-local-stack';
import { startTestCall } from '../../backend/testing/start-test-call';
import { rawRequest } from '../../backend/testing/raw-http';

let stack: LocalStack | undefined;
const clients: ConnectClient[] = [];
afterEach(async () => {
  clients.splice(0).forEach((c) => c.destroy());
  await stack?.close();
  stack = undefined;
});

const KEY = { accessKeyId: 'AKIDLOCALTEST', secretAccessKey: 'local-secret-for-tests' };
const client = (credentials = { accessKeyId: 'anything', secretAccessKey: 'anything' }) => {
  const c = new ConnectClient({
    region: 'us-east-1',
    endpoint: stack!.emulatorUrl,
    credentials,
    maxAttempts: 1,
  });
  clients.push(c);
  return c;
};
const START_BODY = JSON.stringify({
  InstanceId: '2639718f-95c5-4bc8-9a3a-1540ddcb76c9',
  ContactFlowId: 'd501a97f-adeb-401a-a3f8-e8455e83aa7d',
  ParticipantDetails: { DisplayName: 'Eve' },
});

describe('/aws towards strangers', () => {
  it('refuses a request without a signature as AWS does, starting nothing', async () => {
    stack = await startLocalStack();
    const res = await fetch(`${stack.emulatorUrl}/contact/webrtc`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: START_BODY,
    });
    expect(res.status).toBe(403);
    expect(res.headers.get('x-amzn-errortype')).toBe('MissingAuthenticationTokenException');
    expect(await res.json()).toMatchObject({ message: 'Missing Authentication Token' });
    expect(
      stack.provider.name === 'local' &&
        (await client().send(new ListInstancesCommand({}))).InstanceSummaryList,
    ).toHaveLength(1);
  });

  it('grants CORS to no other origin and refuses its requests; its own origin gets the grant', async () => {
    stack = await startLocalStack();
    const preflight = (origin: string) =>
      fetch(`${stack!.emulatorUrl}/contact/webrtc`, {
        method: 'OPTIONS',
        headers: {
          origin,
          'access-control-request-method': 'PUT',
          'access-control-request-headers': 'authorization',
        },
      });
    const foreign = await preflight('https://evil.example');
    expect(foreign.status).toBe(403);
    expect(foreign.headers.get('access-control-allow-origin')).toBeNull();
    const nullOrigin = await preflight('null');
    expect(nullOrigin.status).toBe(403);
    const own = await preflight(stack.baseUrl);
    expect(own.status).toBe(200);
    expect(own.headers.get('access-control-allow-origin')).toBe(stack.baseUrl);
    expect(own.headers.get('access-control-allow-headers')).toContain('x-amz-bearer');
  });

  it('answers only its configured host names (no DNS rebinding)', async () => {
    stack = await startLocalStack();
    const port = Number(new URL(stack.baseUrl).port);
    const res = await rawRequest(
      port,
      `GET /aws/instance HTTP/1.1\r\nHost: evil.example:${port}\r\nAuthorization: AWS4-HMAC-SHA256 Credential=a/20260101/us-east-1/connect/aws4_request, SignedHeaders=host;x-amz-date, Signature=${'0'.repeat(64)}\r\nConnection: close\r\n\r\n`,
    );
    expect(res).toMatch(/^HTTP\/1.1 403/);
    expect(res).toContain('AccessDeniedException');
  });

  it("rate-limits a client with ThrottlingException, but not the server's own /api calls", async () => {
    stack = await startLocalStack({ awsRateLimitPerMinute: 3 });
    const outcomes: string[] = [];
    for (let i = 0; i < 5; i++)
      outcomes.push(
        await client()
          .send(new ListInstancesCommand({}))
          .then(
            () => 'ok',
            (e: Error) => e.name,
          ),
      );
    expect(outcomes).toEqual(['ok', 'ok', 'ok', 'ThrottlingException', 'ThrottlingException']);
    for (let i = 0; i < 3; i++)
      await expect(startTestCall(stack.baseUrl)).resolves.toMatchObject({
        contactId: expect.any(String),
      });
  });
});

describe('/aws signatures', () => {
  it('accepts any access key by default', async () => {
    stack = await startLocalStack();
    await expect(
      client({ accessKeyId: 'AKIDWHATEVER', secretAccessKey: 'x' }).send(
        new ListInstancesCommand({}),
      ),
    ).resolves.toBeDefined();
  });

  it('verifies signatures once local credentials are configured', async () => {
    stack = await startLocalStack({ awsCredentials: KEY });
    await expect(client(KEY).send(new ListInstancesCommand({}))).resolves.toMatchObject({
      InstanceSummaryList: [expect.anything()],
    });
    await expect(
      client({ ...KEY, secretAccessKey: 'wrong' }).send(new ListInstancesCommand({})),
    ).rejects.toMatchObject({
      name: 'InvalidSignatureException',
      message: expect.stringContaining('does not match'),
    });
    await expect(
      client({ accessKeyId: 'AKIDOTHER', secretAccessKey: KEY.secretAccessKey }).send(
        new ListInstancesCommand({}),
      ),
    ).rejects.toMatchObject({ name: 'UnrecognizedClientException' });
    await expect(startTestCall(stack.baseUrl)).resolves.toMatchObject({
      contactId: expect.any(String),
    });
  });

  const hasAwsCli = (process.env.PATH ?? '').split(':').some((d) => existsSync(`${d}/aws`));

  it.skipIf(!hasAwsCli)(
    'works with the AWS CLI, and refuses it with a wrong secret',
    async () => {
      stack = await startLocalStack({ awsCredentials: KEY });
      const aws = (secret: string) =>
        promisify(execFile)(
          'aws',
          [
            'connect',
            'list-instances',
            '--endpoint-url',
            stack!.emulatorUrl,
            '--region',
            'us-east-1',
            '--output',
            'json',
          ],
          {
            env: {
              PATH: process.env.PATH,
              HOME: process.env.HOME,
              AWS_ACCESS_KEY_ID: KEY.accessKeyId,
              AWS_SECRET_ACCESS_KEY: secret,
              AWS_CONFIG_FILE: '/dev/null',
              AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
            },
          },
        );
      const ok = await aws(KEY.secretAccessKey);
      expect(JSON.parse(ok.stdout).InstanceSummaryList).toHaveLength(1);
      await expect(aws('wrong')).rejects.toMatchObject({
        stderr: expect.stringContaining('InvalidSignatureException'),
      });
    },
    120_000,
  ); // the Python CLI starts slowly on a loaded machine
});
