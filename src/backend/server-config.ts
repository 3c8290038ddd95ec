/**
 * Every setting the server takes, parsed and validated in one place. main.ts passes process.env
 * (nothing else reads it); the handlers and the test stack pass the same names with typed values
 * (numbers, booleans, lists). The README's configuration table mirrors this file.
 */
import { z } from 'zod';

const bool = z.union([
  z.boolean(),
  z
    .enum(['true', 'false', '1', '0', 'yes', 'no'])
    .transform((v) => ['true', '1', 'yes'].includes(v)),
]);
const list = z.union([
  z.array(z.string()),
  z.string().transform((v) =>
    v
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
  ),
]);

const Env = z
  .object({
    CONNECT_MODE: z.enum(['local', 'aws']).default('local'),
    PORT: z.coerce.number().int().min(0).max(65535).default(8080),
    HOST: z.string().default('127.0.0.1'),
    PUBLIC_URL: z.string().url().optional(),
    ENTRY_POINTS_FILE: z.string().optional(),
    ALLOWED_ORIGINS: list.optional(),
    RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(120),
    BODY_LIMIT_BYTES: z.coerce.number().int().min(1024).max(10_485_760).default(65_536),
    TRUST_PROXY: bool.default(false),
    CUSTOMER_JWT_SECRET: z
      .string()
      .min(32, 'CUSTOMER_JWT_SECRET must be at least 32 characters')
      .optional(),
    REQUIRE_CUSTOMER_JWT: bool.default(false),
    SESSION_SECRET: z.string().min(32, 'SESSION_SECRET must be at least 32 characters').optional(),
    LOCAL_CONFIG_DIR: z.string().default('config/local'),
    LOCAL_DATA_DIR: z.string().default('.data'),
    /**
     * DynamoDB table of deferred ends (the deploy); without it they are kept in DEFERRED_ENDS_FILE.
     */
    DEFERRED_ENDS_TABLE: z.string().min(3).max(255).optional(),
    /**
     * SQLite file of deferred ends (default LOCAL_DATA_DIR/deferred-ends.db), shared by the
     * processes using it.
     */
    DEFERRED_ENDS_FILE: z.string().min(1).optional(),
    /** Sweep deferred ends every second in this process (the deploy sweeps in its own Lambda). */
    DEFERRED_END_SWEEP: bool.default(true),
    /** The built site and widget main.ts serves (`dist` of this checkout by default). */
    DIST_DIR: z.string().min(1).optional(),
    MEDIA_ICE_ADDRESS: z.string().optional(),
    MEDIA_TURN_SECRET: z
      .string()
      .min(16, 'MEDIA_TURN_SECRET must be at least 16 characters')
      .optional(),
    MEDIA_TURN_PORT: z.coerce.number().int().min(1).max(65535).default(3478),
    LOCAL_SPEECH: bool.default(true),
    TLS_CERT_FILE: z.string().optional(),
    TLS_KEY_FILE: z.string().optional(),
    LOG_LEVEL: z
      .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
      .default('info'),
    AWS_REGION: z.string().optional(),
    LOCAL_AWS_ACCESS_KEY_ID: z.string().min(1).optional(),
    LOCAL_AWS_SECRET_ACCESS_KEY: z.string().min(1).optional(),
    LOCAL_AWS_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(600),
    HEADERS_TIMEOUT_MS: z.coerce.number().int().min(1000).max(600_000).default(10_000),
    REQUEST_TIMEOUT_MS: z.coerce.number().int().min(1000).max(3_600_000).default(30_000),
  })
  .refine((c) => !c.LOCAL_AWS_ACCESS_KEY_ID === !c.LOCAL_AWS_SECRET_ACCESS_KEY, {
    path: ['LOCAL_AWS_SECRET_ACCESS_KEY'],
    message: 'set LOCAL_AWS_ACCESS_KEY_ID and LOCAL_AWS_SECRET_ACCESS_KEY together (or neither)',
  });

/**
 * A validated configuration; `publicUrl` and `trustedHosts` are derived (PUBLIC_URL, or this host
 * and port).
 */
export type ServerConfig = z.infer<typeof Env> & { publicUrl: string; trustedHosts: string[] };
/**
 * What loadServerConfig accepts: the variable names, as strings (an environment) or typed values.
 */
export type ServerConfigInput = z.input<typeof Env>;

/**
 * Validates a configuration (process.env or typed values); throws one error listing every bad
 * setting.
 */
export function loadServerConfig(input: ServerConfigInput | NodeJS.ProcessEnv): ServerConfig {
  const parsed = Env.safeParse(input);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const c = parsed.data;
  const scheme = c.TLS_CERT_FILE ? 'https' : 'http';
  const host =
    c.HOST === '0.0.0.0' || c.HOST === '::'
      ? 'localhost'
      : c.HOST === '127.0.0.1'
        ? 'localhost'
        : c.HOST;
  const publicUrl = (c.PUBLIC_URL ?? `${scheme}://${host}:${c.PORT}`).replace(/\/$/, '');
  // Host names this server answers to: a page under one of them is same-origin, the local-only
  // endpoints refuse others.
  const listen = c.HOST === '0.0.0.0' || c.HOST === '::' ? [] : [c.HOST];
  const trustedHosts = [
    ...new Set([
      'localhost',
      '127.0.0.1',
      '::1',
      new URL(publicUrl).hostname.replace(/^\[|\]$/g, ''),
      ...listen,
      ...(c.MEDIA_ICE_ADDRESS ? [c.MEDIA_ICE_ADDRESS] : []),
    ]),
  ];
  return { ...c, publicUrl, trustedHosts };
}
