import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { resolve } from 'node:path';

/**
 * The embeddable widget: dist/connect-video-call.js is the tiny launcher entry (custom element +
 * public API). Everything else (React UI, Chime SDK) lands in lazily loaded chunks under dist/chunks/.
 */
export default defineConfig({
  plugins: [react()],
  publicDir: false,
  define: { 'process.env.NODE_ENV': JSON.stringify('production') },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 2000,
    lib: {
      entry: { 'connect-video-call': resolve(import.meta.dirname, 'src/embed/connect-video-call.ts') },
      formats: ['es'],
    },
    rollupOptions: {
      output: {
        entryFileNames: '[name].js',
        chunkFileNames: 'chunks/[name]-[hash].js',
        assetFileNames: 'assets/[name]-[hash][extname]',
      },
    },
  },
});
