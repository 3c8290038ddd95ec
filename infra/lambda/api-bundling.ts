/**
 * How the API Lambda is bundled: one place, read by the stack (NodejsFunction) and by the test and
 * bench that load the bundle the stack would deploy.
 */

/** esbuild's settings for infra/lambda/handler.ts. */
export const API_BUNDLING = {
  /** CommonJS, as Lambda's Node runtime loads a handler file. */
  format: 'cjs',
  target: 'node22',
  /** Only the local contact center uses these, and aws mode never loads it. */
  external: ['better-sqlite3', 'werift', 'opusscript'],
} as const;
