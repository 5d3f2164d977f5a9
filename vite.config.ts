import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('./renderer', import.meta.url));

// The renderer is loaded from file:// in the packaged app, so every asset URL is relative.
export default defineConfig({
  root,
  base: './',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('./dist/renderer', import.meta.url)),
    emptyOutDir: true,
    target: 'chrome120',
    // No source maps in the package (the distribution tests check it).
    sourcemap: false,
    // A single stylesheet file keeps `style-src 'self'` enough: nothing is injected inline.
    cssCodeSplit: false,
    modulePreload: { polyfill: false },
  },
});
