/**
 * Decides where the CLI sends StartWebRTCContact and builds the official ConnectClient for it.
 * Endpoint, in order: `--endpoint-url`, `AWS_ENDPOINT_URL_CONNECT`, `AWS_ENDPOINT_URL`, then real
 * AWS when `CONNECT_MODE=aws`, else the local stack's emulator at `${CONNECT_VIDEO_CALL_URL}/aws`
 * (default `http://localhost:8080/aws`). Any endpoint that is not AWS's own counts as a local
 * stack: it gets dummy credentials (unless --profile is given) and local instance/flow defaults.
 */
import { Agent } from 'node:https';
import { readFileSync } from 'node:fs';
import { ConnectClient, type ConnectClientConfig } from '@aws-sdk/client-connect';
import type { GlobalOptions } from './argv-parser';
import { ConfigError } from './cli-errors';

/** Where `npm start` serves the demo site (and its /join/ page) when nothing else is said. */
export const DEFAULT_SITE_URL = 'http://localhost:8080';

/**
 * The environment variables the CLI reads (main.ts passes them in; nothing else reads process.env).
 */
export type CliEnv = Partial<
  Record<
    | 'AWS_ENDPOINT_URL_CONNECT'
    | 'AWS_ENDPOINT_URL'
    | 'AWS_REGION'
    | 'AWS_DEFAULT_REGION'
    | 'AWS_PROFILE'
    | 'AWS_ACCESS_KEY_ID'
    | 'AWS_CA_BUNDLE'
    | 'AWS_DEFAULT_OUTPUT'
    | 'CONNECT_MODE'
    | 'CONNECT_VIDEO_CALL_URL'
    | 'LOCAL_CONFIG_DIR',
    string
  >
>;

/**
 * Which Connect the CLI talks to (the local emulator or AWS) and how, as resolved from options and
 * environment.
 */
export interface ConnectTarget {
  kind: 'local' | 'aws';
  /** The endpoint URL, or undefined for AWS's regional endpoint. */
  endpoint?: string;
  region?: string;
  /** Base URL of the demo site whose /join/ page joins a contact's meeting (for --join-url). */
  siteUrl: string;
  /** How requests are authenticated, for --debug (never the credentials themselves). */
  auth: 'unsigned' | 'dummy local credentials' | 'AWS credential chain';
}

const isAwsHost = (url: string) =>
  /(^|\.)(amazonaws\.com|amazonaws\.com\.cn|api\.aws)$/i.test(new URL(url).hostname);
const trim = (url: string) => url.replace(/\/+$/, '');

/** Resolves the target from options and environment. */
export function resolveTarget(g: GlobalOptions, env: CliEnv): ConnectTarget {
  const site = env.CONNECT_VIDEO_CALL_URL ? trim(env.CONNECT_VIDEO_CALL_URL) : undefined;
  const explicit = g.endpointUrl ?? env.AWS_ENDPOINT_URL_CONNECT ?? env.AWS_ENDPOINT_URL;
  const endpoint =
    explicit ?? (env.CONNECT_MODE === 'aws' ? undefined : `${site ?? DEFAULT_SITE_URL}/aws`);
  if (endpoint !== undefined) {
    try {
      new URL(endpoint);
    } catch {
      throw new ConfigError(`Invalid endpoint: ${endpoint}`);
    }
  }
  const kind = endpoint === undefined || isAwsHost(endpoint) ? 'aws' : 'local';
  const region =
    g.region ??
    env.AWS_REGION ??
    env.AWS_DEFAULT_REGION ??
    (kind === 'local' ? 'us-east-1' : undefined);
  const profile = g.profile ?? env.AWS_PROFILE;
  const auth = !g.signRequest
    ? 'unsigned'
    : kind === 'local' && !profile && !env.AWS_ACCESS_KEY_ID
      ? 'dummy local credentials'
      : 'AWS credential chain';
  const localSite =
    kind === 'local' && endpoint && /\/aws\/?$/.test(endpoint)
      ? trim(endpoint).replace(/\/aws$/, '')
      : undefined;
  return {
    kind,
    endpoint: endpoint && trim(endpoint),
    region,
    siteUrl: site ?? localSite ?? DEFAULT_SITE_URL,
    auth,
  };
}

/** Builds the ConnectClient for a target, honouring TLS, timeout, profile and signing options. */
export function createConnectClient(
  target: ConnectTarget,
  g: GlobalOptions,
  env: CliEnv,
): ConnectClient {
  const caPath = g.caBundle ?? env.AWS_CA_BUNDLE;
  let ca: Buffer | undefined;
  if (caPath) {
    try {
      ca = readFileSync(caPath);
    } catch (err) {
      throw new ConfigError(`Unable to read the CA bundle ${caPath}: ${(err as Error).message}`);
    }
  }
  const seconds = (s: number | undefined, fallback: number) =>
    (s ?? fallback) === 0 ? 0 : (s ?? fallback) * 1000;
  const config: ConnectClientConfig = {
    region: target.region,
    endpoint: target.endpoint,
    profile: g.profile,
    requestHandler: {
      connectionTimeout: seconds(g.connectTimeoutSeconds, 60),
      // The AWS CLI's read timeout is a socket inactivity limit, which is the SDK's socketTimeout.
      socketTimeout: seconds(g.readTimeoutSeconds, 60),
      httpsAgent: new Agent({
        keepAlive: false,
        rejectUnauthorized: g.verifySsl,
        ...(ca ? { ca } : {}),
      }),
    },
  };
  if (target.auth === 'dummy local credentials')
    config.credentials = { accessKeyId: 'local', secretAccessKey: 'local' };
  if (target.auth === 'unsigned') {
    // --no-sign-request: no credentials are loaded and no Authorization header is sent.
    config.httpAuthSchemeProvider = () => [{ schemeId: 'smithy.api#noAuth' }];
    config.httpAuthSchemes = [
      {
        schemeId: 'smithy.api#noAuth',
        identityProvider: () => async () => ({}),
        signer: { sign: async (request) => request },
      },
    ];
  }
  return new ConnectClient(config);
}
