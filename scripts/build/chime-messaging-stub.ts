/**
 * Vite plugin: keeps `@aws-sdk/client-chime-sdk-messaging` out of the browser bundles.
 *
 * amazon-chime-sdk-js is CommonJS and its index requires every module, so its messaging session
 * (DefaultMessagingSession, Chime SDK *messaging* channels) drags the whole messaging client and
 * its Smithy runtime into the Chime chunk (about 70 KB gzip). A meeting never uses it: the only use
 * is `new GetMessagingSessionEndpointCommand()` in DefaultMessagingSession.connect(). The plugin
 * resolves the client to a tiny module whose command throws a clear error if anything ever
 * constructs it, and fails the build if the client is imported from anywhere else, or if that one
 * importer starts to use more of the client than the stub provides (a new SDK version), so the stub
 * cannot silently rot.
 */
import type { Plugin } from 'vite';

const CLIENT = '@aws-sdk/client-chime-sdk-messaging';
const STUB_ID = '\0chime-sdk-messaging-stub';
const ALLOWED_IMPORTER =
  /amazon-chime-sdk-js[\\/]build[\\/]messagingsession[\\/]DefaultMessagingSession\.js$/;
/** The client's exports the stub provides (all the SDK's JavaScript uses). */
export const STUBBED_EXPORTS = ['GetMessagingSessionEndpointCommand'];

/** The stub module's source: every export is a class whose constructor throws. */
export const stubSource = STUBBED_EXPORTS.map(
  (name) =>
    `export class ${name} { constructor() { throw new Error('connect-video-call: ${CLIENT} is not bundled (${name}): Chime SDK messaging sessions are not supported by this widget; a meeting does not use them.'); } }`,
).join('\n');

/** Names the importer uses as `<binding>.<Name>` of its `require("<client>")` binding. */
export function usedClientExports(code: string): string[] {
  const binding = new RegExp(
    `(?:const|var|let)\\s+(\\w+)\\s*=\\s*require\\(["']${CLIENT.replace(/[/-]/g, '\\$&')}["']\\)`,
  ).exec(code)?.[1];
  if (!binding) return [];
  return [
    ...new Set([...code.matchAll(new RegExp(`\\b${binding}\\.(\\w+)`, 'g'))].map((m) => m[1]!)),
  ];
}

/** The plugin (for the widget, React and site builds). */
export function chimeMessagingStub(): Plugin {
  return {
    name: 'connect-video-call:chime-messaging-stub',
    enforce: 'pre',
    resolveId(source, importer) {
      if (source !== CLIENT && !source.startsWith(`${CLIENT}/`)) return null;
      if (!importer || !ALLOWED_IMPORTER.test(importer)) {
        this.error(
          `${CLIENT} is imported by ${importer ?? 'an entry'}; only the Chime SDK's DefaultMessagingSession may use it (it is stubbed out, see scripts/build/chime-messaging-stub.ts).`,
        );
      }
      return STUB_ID;
    },
    load(id) {
      return id === STUB_ID ? stubSource : null;
    },
    transform(code, id) {
      if (!ALLOWED_IMPORTER.test(id)) return null;
      const used = usedClientExports(code);
      if (used.length === 0 && code.includes(CLIENT))
        this.error(`Cannot see which exports of ${CLIENT} ${id} uses; update usedClientExports().`);
      const missing = used.filter((name) => !STUBBED_EXPORTS.includes(name));
      if (missing.length > 0)
        this.error(
          `DefaultMessagingSession now uses ${missing.join(', ')} of ${CLIENT}; extend STUBBED_EXPORTS in scripts/build/chime-messaging-stub.ts.`,
        );
      return null;
    },
  };
}
