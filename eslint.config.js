// Flat ESLint config: typescript-eslint recommended rules plus React hooks rules for the UI code.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'test-results/', 'playwright-report/', '.data/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Only the call engine may talk to the Chime SDK (see README, Architecture).
      'no-restricted-imports': ['error', { patterns: [{ group: ['amazon-chime-sdk-js'], message: 'Only src/call-engine imports amazon-chime-sdk-js.' }] }],
    },
  },
  {
    files: ['src/call-engine/**', 'e2e/**'],
    rules: { 'no-restricted-imports': 'off' },
  },
);
