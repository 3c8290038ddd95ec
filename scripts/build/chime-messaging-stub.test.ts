import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { STUBBED_EXPORTS, stubSource, usedClientExports } from './chime-messaging-stub';

const sdk = 'node_modules/amazon-chime-sdk-js/build';
const jsFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory()
      ? jsFiles(join(dir, d.name))
      : d.name.endsWith('.js')
        ? [join(dir, d.name)]
        : [],
  );

describe('Chime SDK messaging-client stub', () => {
  it('covers exactly what the SDK uses of the client, and only its messaging session uses it', () => {
    const users = jsFiles(sdk).filter((f) =>
      readFileSync(f, 'utf8').includes('@aws-sdk/client-chime-sdk-messaging'),
    );
    expect(users).toEqual([join(sdk, 'messagingsession/DefaultMessagingSession.js')]);
    expect(usedClientExports(readFileSync(users[0]!, 'utf8'))).toEqual(STUBBED_EXPORTS);
  });

  it('throws a clear error if anything constructs a stubbed command', async () => {
    const mod = (await import(`data:text/javascript,${encodeURIComponent(stubSource)}`)) as Record<
      string,
      new () => unknown
    >;
    expect(() => new mod.GetMessagingSessionEndpointCommand!()).toThrow(
      /client-chime-sdk-messaging is not bundled/,
    );
  });
});
