/**
 * The server's entry point and the only place that reads the environment: `CONNECT_MODE=local`
 * (default) runs the built-in contact center, `CONNECT_MODE=aws` talks to a real Amazon Connect
 * instance through the same SDK code path. The wiring itself is buildServer (the composition root).
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildServer } from './build-server';
import { loadServerConfig } from './server-config';
import { installProcessPolicy } from './process-policy';

const config = loadServerConfig(process.env);
const distDir = config.DIST_DIR
  ? resolve(config.DIST_DIR)
  : fileURLToPath(new URL('../../dist', import.meta.url));
const server = await buildServer(config, { distDir });
// Faults nobody caught and stop signals (process-policy.ts): survive what is safe, otherwise stop
// cleanly and exit non-zero for the supervisor to restart us.
installProcessPolicy({ stop: () => server.close(), logger: server.app.log });

await server.app.listen({ port: config.PORT, host: config.HOST });
console.log(server.describe().join('\n'));
