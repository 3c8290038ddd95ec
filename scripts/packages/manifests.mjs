// The published packages' manifests, generated from the repository's package.json (the repo itself
// is private: it holds the demo site, the local contact center, the tests). See README, "Packages".
import { readFileSync } from 'node:fs';

export const root = JSON.parse(readFileSync('package.json', 'utf8'));
const common = () => ({
  version: root.version,
  license: root.license,
  type: 'module',
  ...(root.repository ? { repository: root.repository } : {}),
});

/** Version range of `name` as the repository pins it (runtime dependencies only). */
function versionOf(name) {
  const range = root.dependencies?.[name];
  if (!range)
    throw new Error(
      `the server package imports ${name}, which is not in package.json "dependencies"`,
    );
  return range;
}

/**
 * `connect-video-call`: the browser widget, self-contained (no dependencies; React is the host's).
 */
export function widgetManifest() {
  const peer = { react: '>=19', 'react-dom': '>=19' };
  return {
    name: 'connect-video-call',
    ...common(),
    description:
      'Embeddable browser video-call widget for Amazon Connect (StartWebRTCContact): a custom element, mount() and a React component.',
    keywords: ['amazon-connect', 'video-call', 'webrtc', 'chime', 'web-component', 'react'],
    main: './connect-video-call.js',
    types: './types/embed/connect-video-call.d.ts',
    exports: {
      '.': { types: './types/embed/connect-video-call.d.ts', default: './connect-video-call.js' },
      './react': { types: './types/embed/react.d.ts', default: './react.js' },
      './package.json': './package.json',
    },
    // For TypeScript's old `node` resolution, which does not read "exports".
    typesVersions: { '*': { react: ['./types/embed/react.d.ts'] } },
    files: ['connect-video-call.js', 'react.js', 'chunks/*.js', 'types'],
    peerDependencies: peer,
    peerDependenciesMeta: Object.fromEntries(Object.keys(peer).map((k) => [k, { optional: true }])),
  };
}

/**
 * Packages with native code that the server package may load but never installs unasked: optional
 * peer dependencies (better-sqlite3 keeps the standalone server's deferred ends in a SQLite file; a
 * deploy uses DynamoDB instead).
 */
export const OPTIONAL_NATIVE = ['better-sqlite3'];

/**
 * `connect-video-call-server`: the backend as a library; `dependencies` are what its code imports.
 */
export function serverManifest(imported) {
  const deps = [...imported]
    .filter((name) => !OPTIONAL_NATIVE.includes(name))
    .sort()
    .map((name) => [name, versionOf(name)]);
  const peers = OPTIONAL_NATIVE.filter((name) => imported.has(name));
  return {
    name: 'connect-video-call-server',
    ...common(),
    description:
      'The backend of the connect-video-call widget as a library: createApp, configuration and the Amazon Connect provider.',
    keywords: ['amazon-connect', 'video-call', 'startwebrtccontact'],
    engines: root.engines,
    main: './index.js',
    types: './types/backend/index.d.ts',
    exports: {
      '.': { types: './types/backend/index.d.ts', default: './index.js' },
      './package.json': './package.json',
    },
    files: ['index.js', 'chunks/*.js', 'types'],
    dependencies: Object.fromEntries(deps),
    ...(peers.length > 0
      ? {
          peerDependencies: Object.fromEntries(peers.map((name) => [name, versionOf(name)])),
          peerDependenciesMeta: Object.fromEntries(peers.map((name) => [name, { optional: true }])),
        }
      : {}),
  };
}
