/**
 * The server's entry point and the only place that reads the environment: `CONNECT_MODE=local`
 * (default) runs the built-in contact center, `CONNECT_MODE=aws` talks to a real Amazon Connect
 * instance through the same SDK code path. The wiring itself is buildServer (the composition root).
 */
import { fileURLToPath } from 'node:url';
import { buildServer } from './build-server';
import { loadServerConfig } from './server-config';

const config = loadServerConfig(process.env);
const distDir = fileURLToPath(new URL('../../dist', import.meta.url));
const server = await buildServer(config, { distDir });

await server.app.listen({ port: config.PORT, host: config.HOST });
console.log(server.describe().join('\n'));

let closing = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, async () => {
    if (closing) return;
    closing = true;
    await server.close();
    process.exit(0);
  });
}
