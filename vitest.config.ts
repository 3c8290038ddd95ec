import { defineConfig } from 'vitest/config';

// Node tests (server, emulator, media, flows, CLI) and DOM component tests (*.test.tsx, jsdom) in one run.
// The AWS SDK warns once per process that its 2027 releases need Node 22; in tests that is noise.
const env = { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' };

export default defineConfig({
  test: {
    env,
    projects: [
      {
        test: {
          name: 'node',
          environment: 'node',
          env,
          include: [
            'src/**/*.test.ts',
            'bin/**/*.test.ts',
            'bench/**/*.test.ts',
            'scripts/**/*.test.ts',
            'infra/**/*.test.ts',
          ],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'dom',
          environment: 'jsdom',
          include: ['src/**/*.test.tsx'],
          testTimeout: 15_000,
        },
      },
    ],
  },
});
