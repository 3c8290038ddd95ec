// Flat ESLint config: typescript-eslint recommended rules, React hooks rules for the UI code, and the
// import boundaries between src/shared, the browser folders, the server and the Chime SDK.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import prettier from 'eslint-config-prettier';

// Import boundaries (see README, Architecture). Flat config replaces a rule per matching block, so each
// block below lists every pattern that applies to its files.
/** Browser code other than the call engine. */
const browserFolders = [
  'src/widget/**',
  'src/embed/**',
  'src/api/**',
  'src/agent-desk/**',
  'src/join/**',
];
const onlyEngineImportsChime = {
  group: ['amazon-chime-sdk-js', 'amazon-chime-sdk-js/*'],
  message: 'Only src/call-engine imports amazon-chime-sdk-js.',
};
const noServerInBrowser = {
  regex: '^(\\.\\./)+(backend|contact-center|media-server|server-common|cli)(/|$)',
  message:
    'Browser code never imports the server folders (src/backend, src/contact-center, src/media-server, src/server-common) or src/cli.',
};
// The server in three parts (README, Architecture): the backend knows neither the local contact center
// nor the media server (it loads the local provider by one dynamic import, below); the media server
// knows neither the backend nor the contact center; src/server-common is below all three.
const backendAlone = {
  regex: '^(\\.\\./)+(contact-center|media-server)(/|$)',
  message:
    'The backend never imports src/contact-center or src/media-server (the local provider is loaded by the one dynamic import in build-server.ts).',
};
const mediaServerAlone = {
  regex: '^(\\.\\./)+(backend|contact-center)(/|$)',
  message: 'The media server never imports src/backend or src/contact-center.',
};
const commonAlone = {
  regex: '^(\\.\\./)+(backend|contact-center|media-server)(/|$)',
  message: 'src/server-common never imports src/backend, src/contact-center or src/media-server.',
};
/** Production code of a server part (its tests and testing/ kits may reach across, e.g. the fuzz harness). */
const productionOf = (folder) => ({
  files: [`src/${folder}/**`],
  ignores: [`src/${folder}/**/*.test.ts`, `src/${folder}/**/testing/**`],
});

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'test-results/', 'playwright-report/', '.data/', '.tmp/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'no-restricted-imports': ['error', { patterns: [onlyEngineImportsChime] }],
      // No comma-operator squeezes (`(a(), b)`): one statement per line.
      'no-sequences': 'error',
    },
  },
  {
    files: browserFolders,
    rules: {
      'no-restricted-imports': ['error', { patterns: [onlyEngineImportsChime, noServerInBrowser] }],
    },
  },
  {
    files: ['src/call-engine/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [noServerInBrowser] }] },
  },
  {
    // The contracts shared by server and browser depend on nothing but zod (and each other).
    files: ['src/shared/**'],
    ignores: ['src/shared/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(?!zod$|zod/mini$|\\./)',
              message:
                'src/shared imports only zod (or zod/mini, its small build the browser gets) and other src/shared modules.',
            },
          ],
        },
      ],
    },
  },
  {
    // React hook rules only where React lives (server code calls werift's useNACK() etc., which are not hooks).
    files: [...browserFolders, 'src/call-engine/**'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    // Test kits and fakes live in testing/ folders; production code never reaches them (nor does the
    // published package: scripts/packages/test-kits.mjs checks the bundle too). A rule of its own, so
    // the per-folder no-restricted-imports blocks above need not repeat it.
    files: ['src/**'],
    ignores: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'src/**/testing/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '(^|/)testing(/|$)',
              message:
                'Production code never imports a test kit (testing/ folders are for tests, benches and e2e).',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['e2e/**'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    // The media server speaks the SDK's signaling protocol with the SDK's own generated protobuf module
    // (byte-identical encoding); it imports nothing else of the SDK.
    files: ['src/media-server/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^amazon-chime-sdk-js(?!/build/signalingprotocol/SignalingProtocol$)',
              message: 'The media server may only import the SDK signaling protocol module.',
            },
          ],
        },
      ],
    },
  },
  {
    ...productionOf('media-server'),
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^amazon-chime-sdk-js(?!/build/signalingprotocol/SignalingProtocol$)',
              message: 'The media server may only import the SDK signaling protocol module.',
            },
            mediaServerAlone,
          ],
        },
      ],
    },
  },
  {
    ...productionOf('backend'),
    rules: {
      'no-restricted-imports': ['error', { patterns: [onlyEngineImportsChime, backendAlone] }],
      'no-restricted-syntax': [
        'error',
        {
          selector:
            "ImportExpression[source.value=/(contact-center|media-server)\\//]:not([source.value='../contact-center/local-provider'])",
          message:
            'The backend loads the local contact center only through ../contact-center/local-provider (build-server.ts).',
        },
      ],
    },
  },
  {
    ...productionOf('server-common'),
    rules: {
      'no-restricted-imports': ['error', { patterns: [onlyEngineImportsChime, commonAlone] }],
    },
  },
  // Formatting is Prettier's (`npm run lint` runs `prettier --check`); ESLint's stylistic rules stay off.
  prettier,
);
