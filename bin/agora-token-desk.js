#!/usr/bin/env node
// The CLI is TypeScript built to dist/ by `npm run build:node` (`npm test`, `npm start` and
// `npm run build` run it; `npm ci` runs no scripts, see .npmrc).
// CommonJS (bin/package.json says so): the ES module loader alone costs a noticeable part
// of a `token` run, and this launcher only has to require the bundle.
'use strict';
const { existsSync } = require('node:fs');
const { join } = require('node:path');
const { pathToFileURL } = require('node:url');

// The esbuild bundle starts fastest; the plain tsc output works as well.
const bundle = join(__dirname, '..', 'dist', 'cli', 'bundle', 'main.cjs');
const plain = join(__dirname, '..', 'dist', 'cli', 'main.js');
if (existsSync(bundle)) require('./load-bundle.js').loadBundle(bundle, `${bundle}.v8cache`);
else if (existsSync(plain)) import(pathToFileURL(plain).href);
else {
  process.stderr.write('error: agora-token-desk is not built; run `npm run build:node` in the checkout\n');
  process.exit(3);
}
