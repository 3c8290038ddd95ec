import { defineConfig } from 'vitest/config';

// Node tests (server, emulator, media, flows, CLI) and DOM component tests (*.test.tsx, jsdom) in one run.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'node',
          environment: 'node',
          include: ['src/**/*.test.ts', 'bin/**/*.test.ts'],
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
