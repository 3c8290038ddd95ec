// Flat ESLint config: typescript-eslint recommended rules plus React hooks rules for the UI code.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'test-results/', 'playwright-report/', '.data/', '.tmp/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Only the call engine may talk to the Chime SDK (see README, Architecture).
      'no-restricted-imports': ['error', { patterns: [{ group: ['amazon-chime-sdk-js'], message: 'Only src/call-engine imports amazon-chime-sdk-js.' }] }],
    },
  },
  {
    // React hook rules only where React lives (server code calls werift's useNACK() etc., which are not hooks).
    files: ['src/widget/**', 'src/embed/**', 'src/api/**', 'src/agent-desk/**', 'src/join/**', 'src/call-engine/**'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    files: ['src/call-engine/**', 'e2e/**'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    // The media server speaks the SDK's signaling protocol with the SDK's own generated protobuf module
    // (byte-identical encoding); it imports nothing else of the SDK.
    files: ['src/server/media/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ regex: '^amazon-chime-sdk-js(?!/build/signalingprotocol/SignalingProtocol$)', message: 'The media server may only import the SDK signaling protocol module.' }] }],
    },
  },
);
