// Bundles the CLI with esbuild (run by npm run build:node) into one CommonJS file, so
// `token` and `decode` start without resolving hundreds of module files. Commands stay
// lazily evaluated: esbuild keeps each dynamically imported module in its own init
// function, and its require() of an external package runs only when that module does.
// Only zod, commander and agora-token are bundled; every other package (Fastify, the
// native keychain module, ...) stays in node_modules and loads when a command needs it.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { zodEnglishOnly } from './esbuild-zod-english.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const BUNDLED = new Set(['zod', 'commander', 'agora-token', 'md5', 'crypt', 'charenc', 'is-buffer']);
const packageOf = (path) => (path.startsWith('@') ? path.split('/').slice(0, 2).join('/') : path.split('/')[0]);

rmSync(`${root}dist/cli/bundle`, { recursive: true, force: true });
await build({
  absWorkingDir: root,
  entryPoints: ['cli/main.ts'],
  outfile: 'dist/cli/bundle/main.cjs',
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  minify: true,
  legalComments: 'none',
  logLevel: 'warning',
  // import.meta.url (the package.json lookup for --version) in CommonJS terms.
  banner: { js: "const __importMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
  define: { 'import.meta.url': '__importMetaUrl' },
  plugins: [
    zodEnglishOnly(root),
    {
      // commander requires node:child_process at load time, for executable subcommands
      // this CLI never uses; loading it pulls in net, dgram and more, a large share of a
      // cold `token` run. The shim defers that require to the first property read.
      name: 'commander-lazy-child-process',
      setup(b) {
        b.onResolve({ filter: /^(node:)?child_process$/ }, (args) =>
          args.importer.includes(`${'node_modules'}/commander/`)
            ? { path: 'lazy-child-process', namespace: 'lazy-child-process' }
            : undefined,
        );
        b.onLoad({ filter: /.*/, namespace: 'lazy-child-process' }, () => ({
          contents: "module.exports = new Proxy({}, { get: (_, key) => require('node:child_process')[key] });",
          loader: 'js',
        }));
      },
    },
    {
      name: 'external-packages',
      setup(b) {
        b.onResolve({ filter: /^[^./]/ }, (args) =>
          BUNDLED.has(packageOf(args.path)) ? undefined : { path: args.path, external: true },
        );
      },
    },
  ],
});

// The code cache for the launcher (bin/load-bundle.js), made by the Node that builds.
const cache = spawnSync(
  process.execPath,
  ['scripts/cli-code-cache.cjs', 'dist/cli/bundle/main.cjs', 'dist/cli/bundle/main.cjs.v8cache'],
  { cwd: root, stdio: 'ignore' },
);
if (cache.status !== 0) throw new Error('writing the CLI code cache failed');
