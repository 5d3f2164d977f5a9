// Bundles the Electron main process and preload with esbuild (npm run build:electron).
// main: one ESM file with npm packages left to node_modules; preload: one CommonJS file
// that requires only 'electron', because a sandboxed preload cannot load local files.
import { build } from 'esbuild';
import { copyFileSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

const common = {
  absWorkingDir: root,
  bundle: true,
  sourcemap: false,
  legalComments: 'none',
  logLevel: 'warning',
};

await Promise.all([
  build({
    ...common,
    entryPoints: ['electron/main.ts'],
    outfile: 'dist/electron/main.js',
    platform: 'node',
    target: 'node20',
    format: 'esm',
    packages: 'external',
  }),
  build({
    ...common,
    entryPoints: ['electron/preload.ts'],
    outfile: 'dist/electron/preload.cjs',
    platform: 'browser',
    target: 'chrome120',
    format: 'cjs',
    external: ['electron'],
  }),
]);

// The tray icon ships beside main.js (electron-builder packs dist/electron, not build/).
mkdirSync(`${root}dist/electron`, { recursive: true });
copyFileSync(`${root}build/icon.png`, `${root}dist/electron/tray-icon.png`);
