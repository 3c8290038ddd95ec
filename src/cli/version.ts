/**
 * `--version`: this tool, Node and the SDK client versions, in the AWS CLI's one-line style
 * (`aws-cli/2.x Python/3.x Linux/6.x ...`).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

function packageVersion(path: string | URL): string {
  try {
    return (JSON.parse(readFileSync(path, 'utf8')) as { version?: string }).version ?? 'unknown';
  } catch {
    return 'unknown';
  }
}

/** e.g. `connect-video-call/0.1.0 Node.js/v20.20.0 linux/x64 client-connect/3.1136.0` */
export function versionText(): string {
  const own = packageVersion(new URL('../../package.json', import.meta.url));
  let sdk = 'unknown';
  try {
    const require = createRequire(import.meta.url);
    sdk = packageVersion(require.resolve('@aws-sdk/client-connect/package.json'));
  } catch {
    // the SDK package does not export its package.json in every version
  }
  return `connect-video-call/${own} Node.js/${process.version} ${process.platform}/${process.arch} client-connect/${sdk}`;
}
