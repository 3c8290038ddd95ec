import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { resolve } from 'node:path';
import { chimeMessagingStub } from './scripts/build/chime-messaging-stub';
import { bundleReport } from './scripts/build/bundle-report';
import { mediaAssets } from './scripts/build/media-assets';
import { buildDir } from './scripts/build-dir.mjs';

/**
 * The embeddable widget: dist/connect-video-call.js is the tiny launcher entry (custom element +
 * public API). Everything else (React UI, Chime SDK) lands in lazily loaded chunks under dist/chunks/.
 * `--mode react` builds dist/react.js (the React component) with React external, next to it.
 * Both are fully minified (Vite leaves whitespace in ES library builds for consumers' tree-shaking;
 * these chunks are loaded by browsers as they are), keep the Chime SDK's unused messaging client out,
 * and write dist/.vite/*bundle-report.json for the size budgets (scripts/bundle-budget.mjs).
 */
export default defineConfig(({ mode }) => {
  const isReact = mode === 'react';
  return {
    plugins: [
      react(),
      chimeMessagingStub(),
      mediaAssets(),
      bundleReport(isReact ? 'react-bundle-report.json' : 'bundle-report.json'),
    ],
    publicDir: false,
    // The script-tag widget renders with Preact's React-compatible runtime (10 KB instead of React's 66 KB
    // gzip, which kept the download over its 330 KB budget); the React component uses the host's React.
    resolve: isReact
      ? {}
      : {
          alias: [
            { find: /^react-dom\/client$/, replacement: 'preact/compat/client' },
            { find: /^react-dom$/, replacement: 'preact/compat' },
            { find: /^react\/jsx-runtime$/, replacement: 'preact/jsx-runtime' },
            { find: /^react$/, replacement: 'preact/compat' },
          ],
        },
    // The Chime SDK (through a dependency) reads Node's `global`; host pages must not need a shim.
    define: { 'process.env.NODE_ENV': JSON.stringify('production'), global: 'globalThis' },
    build: {
      outDir: buildDir,
      emptyOutDir: !isReact,
      // Maps stay in dist/ for decoding stack traces but are not referenced (nor published).
      sourcemap: 'hidden',
      chunkSizeWarningLimit: 2000,
      lib: {
        entry: (isReact
          ? { react: resolve(import.meta.dirname, 'src/embed/react.tsx') }
          : {
              'connect-video-call': resolve(import.meta.dirname, 'src/embed/connect-video-call.ts'),
            }) as Record<string, string>,
        formats: ['es'],
      },
      rolldownOptions: {
        external: isReact ? ['react', 'react-dom', 'react-dom/client', 'react/jsx-runtime'] : [],
        output: {
          entryFileNames: '[name].js',
          chunkFileNames: isReact ? 'chunks/react-[name]-[hash].js' : 'chunks/[name]-[hash].js',
          assetFileNames: 'assets/[name]-[hash][extname]',
          minify: true,
          comments: { legal: true, annotation: false, jsdoc: false },
          // React in its own chunk: cached across widget releases, and the call UI's own weight is visible.
          codeSplitting: isReact
            ? undefined
            : {
                groups: [
                  {
                    name: 'react',
                    test: /[\\/]node_modules[\\/](react|react-dom|scheduler|preact)[\\/]/,
                  },
                ],
              },
        },
      },
    },
  };
});
