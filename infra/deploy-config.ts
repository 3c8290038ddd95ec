/**
 * The deployment's configuration (infra/deploy.config.json, see deploy.config.example.json),
 * validated before anything is synthesized: a bad value stops `npm run deploy` with a message
 * naming the field.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { z } from 'zod';
import { EntryPoint } from '../src/backend/entry-points';

const isOrigin = (u: string) => {
  try {
    return new URL(u).origin === u;
  } catch {
    return false;
  }
};
const INSTANCE_ARN = /^arn:aws[a-z-]*:connect:([a-z0-9-]+):(\d{12}):instance\/([0-9a-f-]{36})$/;

/** Schema of infra/deploy.config.json; defaults fill what a first deployment may leave out. */
export const DeployConfig = z.strictObject({
  stackName: z
    .string()
    .regex(/^[A-Za-z][A-Za-z0-9-]{0,127}$/)
    .default('ConnectVideoCall'),
  /**
   * The Amazon Connect instance the backend may start calls on; its region and account are the
   * stack's.
   */
  connectInstanceArn: z
    .string()
    .regex(INSTANCE_ARN, 'must be arn:aws:connect:<region>:<account>:instance/<instance id>'),
  /** Origins of the pages that embed the widget: the API's and the CDN's CORS allow-list. */
  allowedOrigins: z
    .array(z.string().refine(isOrigin, 'must be an origin: scheme://host[:port], no path'))
    .min(1),
  /**
   * Entry points (README, "Entry points"), relative to this file; every one must use the instance
   * above.
   */
  entryPointsFile: z.string(),
  requireCustomerJwt: z.boolean().default(false),
  /** The built widget (npm run build), relative to the repository root. */
  widgetDir: z.string().default('dist'),
  /**
   * Browser and CDN cache lifetime of the entry scripts (connect-video-call.js, react.js); hashed
   * chunks keep a year.
   */
  entryScriptMaxAgeSeconds: z.number().int().min(0).max(86_400).default(300),
  /**
   * An existing SNS topic the CloudWatch alarms notify (alarm and recovery); none: console only.
   */
  alarmTopicArn: z
    .string()
    .regex(
      /^arn:aws[a-z-]*:sns:[a-z0-9-]+:\d{12}:[A-Za-z0-9_-]{1,256}$/,
      'must be an SNS topic ARN',
    )
    .optional(),
  /** The backend's p99 latency (ms) that, held for 15 minutes, raises the latency alarm. */
  latencyP99AlarmMs: z.number().int().min(100).max(30_000).default(3000),
});
export type DeployConfig = z.infer<typeof DeployConfig>;

/**
 * A validated configuration with what the stack derives from it: region, account and instance id
 * from the ARN, and the entry points read from their file.
 */
export interface LoadedDeployment {
  config: DeployConfig;
  region: string;
  account: string;
  instanceId: string;
  entryPoints: EntryPoint[];
  /** Absolute path of the entry-points file (bundled into the Lambda). */
  entryPointsPath: string;
}

/** Validates a configuration object; `baseDir` resolves entryPointsFile. */
export function resolveDeployment(raw: unknown, baseDir: string): LoadedDeployment {
  const parsed = DeployConfig.safeParse(raw);
  if (!parsed.success)
    throw new Error(`Invalid deployment configuration: ${z.prettifyError(parsed.error)}`);
  const config = parsed.data;
  const [, region = '', account = '', instanceId = ''] =
    INSTANCE_ARN.exec(config.connectInstanceArn) ?? [];
  const entryPointsPath = resolve(baseDir, config.entryPointsFile);
  const entryPoints = z
    .array(EntryPoint)
    .min(1)
    .parse(JSON.parse(readFileSync(entryPointsPath, 'utf8')));
  const foreign = entryPoints.filter(
    (ep) => ep.instanceId !== instanceId && ep.instanceId !== config.connectInstanceArn,
  );
  if (foreign.length > 0) {
    throw new Error(
      `Entry points ${foreign.map((e) => `"${e.id}"`).join(', ')} use another instance than ${config.connectInstanceArn}; the backend's IAM policy allows only that one.`,
    );
  }
  return { config, region, account, instanceId, entryPoints, entryPointsPath };
}

/** Reads and validates a deploy.config.json file. */
export function loadDeployment(path: string): LoadedDeployment {
  return resolveDeployment(JSON.parse(readFileSync(path, 'utf8')), dirname(resolve(path)));
}
