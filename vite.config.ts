import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { resolve } from 'node:path';
import { buildDir } from './scripts/build-dir.mjs';

/**
 * The site build: the demo shop ("/"), the agent desk ("/agent/"), the join page used by the CLI's
 * --join-url ("/join/") and the snippet page ("/snippet/") and the shop's second page ("/size-guide/", where a call goes on). No test page is part of it (the e2e harness
 * is built on its own by e2e/testing/harness-build.ts; site-inputs.test.ts keeps it out). The
 * embeddable widget itself is built by vite.embed.config.ts into dist/ and loaded by the demo pages
 * through the real <script> snippet, exactly as a customer site would.
 */
export default defineConfig({
  plugins: [react()],
  publicDir: 'public',
  // The Chime SDK (agent desk, join page) reads Node's `global`.
  define: { global: 'globalThis' },
  build: {
    outDir: `${buildDir}/site`,
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 2000,
    rollupOptions: {
      input: {
        shop: resolve(import.meta.dirname, 'index.html'),
        agent: resolve(import.meta.dirname, 'agent/index.html'),
        join: resolve(import.meta.dirname, 'join/index.html'),
        snippet: resolve(import.meta.dirname, 'snippet/index.html'),
        sizeGuide: resolve(import.meta.dirname, 'size-guide/index.html'),
      },
    },
  },
});
