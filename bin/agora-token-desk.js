#!/usr/bin/env node
// The CLI is TypeScript compiled to dist/ by `npm run build:node` (run by `prepare` on npm ci/install).
import { existsSync } from 'node:fs';

// The esbuild bundle starts fastest; the plain tsc output works as well.
const bundle = new URL('../dist/cli/bundle/main.cjs', import.meta.url);
const entry = existsSync(bundle) ? bundle : new URL('../dist/cli/main.js', import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write('error: agora-token-desk is not built; run `npm run build:node` in the checkout\n');
  process.exit(3);
}
await import(entry.href);
