// Packs the CLI alone (npm run pack:cli): the launcher, the compiled CLI and shared code,
// (the application layer, shared/app, included) and the built page for `agora-token-desk ui` (browser mode), README and LICENSE, with a package.json stripped of what only the desktop app needs.
// Packing the checkout itself would also ship package.json's `main` (the Electron entry),
// which npm always includes, and the build scripts.
// Usage: node scripts/pack-cli.mjs [destination folder]   (prints npm pack's JSON report)
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const destination = resolve(process.argv[2] ?? join(root, 'release'));
const PARTS = [
  'bin',
  'dist/cli',
  'dist/shared',
  // The serverless entry points of package.json's "exports": their types and the Worker bundle.
  'dist/types',
  'dist/worker',
  'dist/renderer',
  'README.md',
  'LICENSE',
];
// Fields that describe the desktop app or the development checkout, not the CLI package.
const DESKTOP_ONLY = ['main', 'productName', 'devDependencies', 'scripts', 'allowScripts'];

if (!existsSync(join(root, 'dist', 'cli', 'main.js'))) {
  console.error('error: dist/cli is not built; run `npm run build:node` first');
  process.exit(2);
}
if (!existsSync(join(root, 'dist', 'renderer', 'index.html'))) {
  console.error('error: dist/renderer is not built; run `npm run build:renderer` first');
  process.exit(2);
}

const stage = mkdtempSync(join(tmpdir(), 'atd-pack-cli-'));
try {
  for (const part of PARTS) cpSync(join(root, part), join(stage, part), { recursive: true });
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  for (const field of DESKTOP_ONLY) delete manifest[field];
  writeFileSync(join(stage, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  mkdirSync(destination, { recursive: true });
  const report = execFileSync('npm', ['pack', '--json', '--pack-destination', destination], {
    cwd: stage,
    encoding: 'utf8',
  });
  process.stdout.write(report);
} finally {
  rmSync(stage, { recursive: true, force: true });
}
