import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { resolve } from 'node:path';

/**
 * The embeddable widget: dist/connect-video-call.js is the tiny launcher entry (custom element +
 * public API). Everything else (React UI, Chime SDK) lands in lazily loaded chunks under dist/chunks/.
 * `--mode react` builds dist/react.js (the React component) with React external, next to it.
 */
export default defineConfig(({ mode }) => {
  const isReact = mode === 'react';
  return {
    plugins: [react()],
    publicDir: false,
    // The Chime SDK (through a dependency) reads Node's `global`; host pages must not need a shim.
    define: { 'process.env.NODE_ENV': JSON.stringify('production'), global: 'globalThis' },
    build: {
      outDir: 'dist',
      emptyOutDir: !isReact,
      sourcemap: true,
      chunkSizeWarningLimit: 2000,
      lib: {
        entry: (isReact
          ? { react: resolve(import.meta.dirname, 'src/embed/react.tsx') }
          : { 'connect-video-call': resolve(import.meta.dirname, 'src/embed/connect-video-call.ts') }) as Record<string, string>,
        formats: ['es'],
      },
      rollupOptions: {
        external: isReact ? ['react', 'react-dom', 'react-dom/client', 'react/jsx-runtime'] : [],
        output: {
          entryFileNames: '[name].js',
          chunkFileNames: isReact ? 'chunks/react-[name]-[hash].js' : 'chunks/[name]-[hash].js',
          assetFileNames: 'assets/[name]-[hash][extname]',
        },
      },
    },
  };
});
