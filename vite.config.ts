import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { resolve } from 'node:path';
import { buildDir } from './scripts/build-dir.mjs';

const site = (page: string) => resolve(import.meta.dirname, 'site', page);

/**
 * The site build: every page lives in site/, as it is served: the demo shop ("/", with its shared
 * shop.css), the shop's second page ("/size-guide/", where a call goes on), the agent desk
 * ("/agent/"), the join page used by the CLI's --join-url ("/join/") and the snippet page
 * ("/snippet/"); their code is in src/. No test page is part of it (the e2e harness
 * is built on its own by e2e/testing/harness-build.ts; site-inputs.test.ts keeps it out). The
 * embeddable widget itself is built by vite.embed.config.ts into dist/ and loaded by the demo pages
 * through the real <script> snippet, exactly as a customer site would.
 */
export default defineConfig({
  plugins: [react()],
  root: resolve(import.meta.dirname, 'site'),
  publicDir: resolve(import.meta.dirname, 'public'),
  // The Chime SDK (agent desk, join page) reads Node's `global`.
  define: { global: 'globalThis' },
  build: {
    outDir: resolve(import.meta.dirname, buildDir, 'site'),
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 2000,
    rollupOptions: {
      input: {
        shop: site('index.html'),
        agent: site('agent/index.html'),
        join: site('join/index.html'),
        snippet: site('snippet/index.html'),
        sizeGuide: site('size-guide/index.html'),
      },
    },
  },
});
