import { defineConfig } from 'vite';
import { buildDir } from './scripts/build-dir.mjs';

/**
 * The server package's code (connect-video-call-server): src/server/index.ts bundled for Node into
 * dist/server/, every dependency left external (scripts/packages/pack.mjs turns the imports into the
 * package's "dependencies"). Not minified: it is read in stack traces and by server bundlers.
 */
export default defineConfig({
  publicDir: false,
  build: {
    ssr: 'src/server/index.ts',
    outDir: `${buildDir}/server`,
    emptyOutDir: true,
    target: 'node20',
    sourcemap: false,
    minify: false,
    rolldownOptions: {
      output: {
        format: 'es',
        entryFileNames: 'index.js',
        chunkFileNames: 'chunks/[name]-[hash].js',
      },
    },
  },
});
