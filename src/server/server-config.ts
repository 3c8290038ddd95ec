/**
 * Every environment variable the server reads, parsed and validated in one place (main.ts calls this;
 * nothing else reads process.env). The README's configuration table mirrors this file.
 */
import { z } from 'zod';

const bool = z.enum(['true', 'false', '1', '0', 'yes', 'no']).transform((v) => ['true', '1', 'yes'].includes(v));
const list = z.string().transform((v) => v.split(',').map((s) => s.trim()).filter(Boolean));

const Env = z.object({
  CONNECT_MODE: z.enum(['local', 'aws']).default('local'),
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().default('127.0.0.1'),
  PUBLIC_URL: z.string().url().optional(),
  ENTRY_POINTS_FILE: z.string().optional(),
  ALLOWED_ORIGINS: list.optional(),
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(120),
  BODY_LIMIT_BYTES: z.coerce.number().int().min(1024).max(10_485_760).default(65_536),
  TRUST_PROXY: bool.default(false),
  CUSTOMER_JWT_SECRET: z.string().min(32, 'CUSTOMER_JWT_SECRET must be at least 32 characters').optional(),
  REQUIRE_CUSTOMER_JWT: bool.default(false),
  SESSION_SECRET: z.string().min(32, 'SESSION_SECRET must be at least 32 characters').optional(),
  LOCAL_CONFIG_DIR: z.string().default('config/local'),
  LOCAL_DATA_DIR: z.string().default('.data'),
  MEDIA_ICE_ADDRESS: z.string().optional(),
  MEDIA_TURN_SECRET: z.string().min(16, 'MEDIA_TURN_SECRET must be at least 16 characters').optional(),
  MEDIA_TURN_PORT: z.coerce.number().int().min(1).max(65535).default(3478),
  LOCAL_SPEECH: bool.default(true),
  TLS_CERT_FILE: z.string().optional(),
  TLS_KEY_FILE: z.string().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  AWS_REGION: z.string().optional(),
});

export type ServerConfig = z.infer<typeof Env> & { publicUrl: string };

/** Parses the environment; throws one error listing every bad variable. */
export function readServerConfig(env: NodeJS.ProcessEnv): ServerConfig {
  const parsed = Env.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const c = parsed.data;
  const scheme = c.TLS_CERT_FILE ? 'https' : 'http';
  const host = c.HOST === '0.0.0.0' || c.HOST === '::' ? 'localhost' : c.HOST === '127.0.0.1' ? 'localhost' : c.HOST;
  const publicUrl = (c.PUBLIC_URL ?? `${scheme}://${host}:${c.PORT}`).replace(/\/$/, '');
  return { ...c, publicUrl };
}
