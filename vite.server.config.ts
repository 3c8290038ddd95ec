import { defineConfig } from 'vite';
import { buildDir } from './scripts/build-dir.mjs';
import { localProviderNotPackaged } from './scripts/build/repository-only';

/**
 * The server package's code (connect-video-call-server): src/backend/index.ts bundled for Node into
 * dist/server/, every dependency left external (scripts/packages/pack.mjs turns the imports into the
 * package's "dependencies"). Not minified: it is read in stack traces and by server bundlers. The local
 * contact center is not in it (scripts/build/repository-only.ts).
 */
export default defineConfig({
  publicDir: false,
  plugins: [localProviderNotPackaged()],
  build: {
    ssr: 'src/backend/index.ts',
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
