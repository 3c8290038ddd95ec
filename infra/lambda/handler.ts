/**
 * The deployed Lambda's entry (bundled by the CDK stack): the process entry of a Lambda, so like
 * src/backend/main.ts it is where the environment is read. The two secrets come from Secrets
 * Manager (their ARNs are in the environment, never their values) once per cold start; the rest is
 * the server's own configuration, validated by loadServerConfig inside createLambdaHandler.
 */
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { createLambdaHandler, type LambdaHandler } from '../../src/backend/index';

async function readSecrets(
  arns: Record<string, string | undefined>,
): Promise<Record<string, string>> {
  const client = new SecretsManagerClient({});
  try {
    const entries = await Promise.all(
      Object.entries(arns)
        .filter((e): e is [string, string] => Boolean(e[1]))
        .map(
          async ([name, arn]) =>
            [
              name,
              (await client.send(new GetSecretValueCommand({ SecretId: arn }))).SecretString ?? '',
            ] as const,
        ),
    );
    return Object.fromEntries(entries);
  } finally {
    client.destroy();
  }
}

async function build(): Promise<LambdaHandler> {
  const { SESSION_SECRET_ARN, CUSTOMER_JWT_SECRET_ARN, ...env } = process.env;
  const secrets = await readSecrets({
    SESSION_SECRET: SESSION_SECRET_ARN,
    CUSTOMER_JWT_SECRET: CUSTOMER_JWT_SECRET_ARN,
  });
  return createLambdaHandler({ config: { ...env, ...secrets } });
}

let ready: Promise<LambdaHandler> | undefined;

/** API Gateway HTTP API (payload 2.0) handler. */
export const handler: LambdaHandler = async (event, context) => {
  // A failed start (e.g. Secrets Manager unreachable) is retried by the next invocation.
  ready ??= build().catch((err: unknown) => {
    ready = undefined;
    throw err;
  });
  return (await ready)(event, context);
};
