// Bundles the Cloudflare Workers entry (shared/serverless/cloudflare-worker.ts) into one ES
// module for workerd with `nodejs_compat`: node:* built-ins and cloudflare:* stay imports
// the runtime provides; every package is inlined. Run by `npm run build:worker` (and
// `npm run build:node`); `--outdir DIR` writes elsewhere (the workerd test bundles into a
// temporary folder). Prints the raw and gzip sizes that docs/serverless.md reports.
import { build } from 'esbuild';
import { readFileSync, rmSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { zodEnglishOnly } from './esbuild-zod-english.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const at = process.argv.indexOf('--outdir');
const outdir = at === -1 ? join(root, 'dist/worker') : process.argv[at + 1];
const outfile = join(outdir, 'agora-token-desk-worker.mjs');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

rmSync(outdir, { recursive: true, force: true });
await build({
  absWorkingDir: root,
  entryPoints: ['shared/serverless/cloudflare-worker.ts'],
  outfile,
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'es2022',
  conditions: ['workerd', 'worker'],
  minify: true,
  // avvio and Fastify name plugins and hooks by their functions' names in messages.
  keepNames: true,
  legalComments: 'eof',
  logLevel: 'warning',
  external: ['node:*', 'cloudflare:*'],
  // workerd leaves import.meta.url undefined; info-routes.ts resolves package.json against it.
  define: { 'import.meta.url': JSON.stringify('file:///worker/shared/server/info-routes.js') },
  // Fastify and its dependencies are CommonJS and require() Node's built-ins; an ES module
  // has no require, so give it workerd's (nodejs_compat provides node:module).
  banner: {
    js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire('/');",
  },
  plugins: [
    {
      // A Worker has no TCP client for Redis, and a shared limit there belongs to the platform's
      // own rate limiting; leaving ioredis out keeps the bundle smaller.
      name: 'no-redis-store',
      setup(b) {
        b.onResolve({ filter: /redis-rate-limit-store\.js$/ }, () => ({ path: 'no-redis', namespace: 'no-redis' }));
        b.onLoad({ filter: /.*/, namespace: 'no-redis' }, () => ({
          loader: 'js',
          contents: `export async function openRedisRateLimitStore() {
            throw new Error('a Redis rate-limit store is not available in a Worker');
          }`,
        }));
      },
    },
    zodEnglishOnly(root),
    {
      // GET / reports the package version, which info-routes.ts reads from package.json
      // beside the code; a Worker has no such file, so it gets the one read now.
      name: 'package-json-inlined',
      setup(b) {
        b.onResolve({ filter: /^node:fs$/ }, (args) =>
          args.importer.endsWith('info-routes.ts') ? { path: 'package-json', namespace: 'package-json' } : undefined,
        );
        b.onLoad({ filter: /.*/, namespace: 'package-json' }, () => ({
          loader: 'js',
          contents: `const text = ${JSON.stringify(JSON.stringify({ name: pkg.name, version: pkg.version }))};
            export function readFileSync() { return text; }`,
        }));
      },
    },
    {
      // workerd's util.debuglog() prints even without NODE_DEBUG, so avvio's boot trace
      // (hundreds of lines) would fill the Worker's log on every cold start.
      name: 'quiet-avvio',
      setup(b) {
        b.onLoad({ filter: /[\\/]avvio[\\/]lib[\\/]debug\.js$/ }, () => ({
          loader: 'js',
          contents: 'module.exports = { debug: () => {} };',
        }));
      },
    },
    {
      // Packages that require('process') get the global one (workerd has no such module).
      name: 'global-process',
      setup(b) {
        b.onResolve({ filter: /^(node:)?process$/ }, () => ({ path: 'process', namespace: 'global-process' }));
        b.onLoad({ filter: /.*/, namespace: 'global-process' }, () => ({
          loader: 'js',
          contents: 'module.exports = globalThis.process;',
        }));
      },
    },
    {
      // workerd's Channel.hasSubscribers is a method, not Node's boolean getter, so
      // Fastify's `if (channel.hasSubscribers) channel.publish(...)` always publishes, and
      // publishing while the module loads (where the app is built) throws. Nothing in a
      // Worker subscribes to Fastify's diagnostics channels: give it channels without
      // subscribers.
      name: 'inert-diagnostics-channel',
      setup(b) {
        b.onResolve({ filter: /^(node:)?diagnostics_channel$/ }, () => ({ path: 'inert', namespace: 'inert-dc' }));
        b.onLoad({ filter: /.*/, namespace: 'inert-dc' }, () => ({
          loader: 'js',
          contents: `
            const noop = () => {};
            const channel = () => ({ hasSubscribers: false, publish: noop, subscribe: noop, unsubscribe: noop,
              bindStore: noop, unbindStore: noop, runStores: (_d, fn, self, ...args) => fn.apply(self, args) });
            const run = (fn, _c, self, ...args) => fn.apply(self, args);
            const tracingChannel = () => ({ hasSubscribers: false, start: channel(), end: channel(),
              asyncStart: channel(), asyncEnd: channel(), error: channel(), subscribe: noop, unsubscribe: noop,
              traceSync: run, tracePromise: run, traceCallback: (fn, _p, _c, self, ...args) => fn.apply(self, args) });
            module.exports = { channel, tracingChannel, hasSubscribers: () => false, subscribe: noop, unsubscribe: noop };`,
        }));
      },
    },
  ],
});

const bytes = readFileSync(outfile);
const kib = (n) => `${(n / 1024).toFixed(1)} KiB`;
console.log(
  `worker bundle ${relative(process.cwd(), outfile)}: ${kib(bytes.length)} raw, ${kib(gzipSync(bytes, { level: 9 }).length)} gzip`,
);
