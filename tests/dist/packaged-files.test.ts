import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, tempDir } from '../helpers/cli.js';
import { createLinuxPackager, packAppFiles, readPackagedFile, type PackagedApp } from './electron-builder.js';

/** Build tools and UI libraries that must stay devDependencies, out of the installer. */
const DEV_ONLY = ['electron', 'electron-builder', 'app-builder-lib', 'react', 'react-dom', 'vite', 'typescript', 'vitest', 'esbuild', 'playwright-core'];

const APP_BUILDS: Array<[script: string, output: string]> = [
  ['build:electron', 'dist/electron/main.js'],
  ['build:electron', 'dist/electron/preload.cjs'],
  ['build:renderer', 'dist/renderer/index.html'],
];

function npmRun(script: string): void {
  execFileSync('npm', ['run', '--silent', script], { cwd: REPO_ROOT, stdio: 'pipe' });
}

/** Bare module names a bundle imports (static and dynamic), without subpaths. */
function importedPackages(code: string): string[] {
  const specifiers = [
    ...code.matchAll(/^\s*import\s[^;]*?from\s*["']([^"']+)["']/gm),
    ...code.matchAll(/^\s*import\s*["']([^"']+)["']/gm),
    ...code.matchAll(/\bimport\(\s*["']([^"']+)["']\s*\)/g),
    ...code.matchAll(/\brequire\(\s*["']([^"']+)["']\s*\)/g),
  ].map((match) => match[1] ?? '');
  const names = specifiers
    .filter((spec) => !spec.startsWith('.') && !spec.startsWith('node:'))
    .map((spec) => spec.split('/').slice(0, spec.startsWith('@') ? 2 : 1).join('/'));
  return [...new Set(names)].filter((name) => !builtinModules.includes(name)).sort();
}

describe('the files electron-builder packages into the app', () => {
  const out = tempDir('packaged-app');
  let app: PackagedApp;
  let topLevelModules: Set<string>;

  beforeAll(async () => {
    // `npm test` builds only dist/cli and dist/shared: build the app parts a fresh clone lacks.
    // (Not rebuilt when present: other suites may be reading or rebuilding them right now.)
    for (const [script, output] of APP_BUILDS) if (!existsSync(join(REPO_ROOT, output))) npmRun(script);
    app = await packAppFiles(await createLinuxPackager(), out.path);
    topLevelModules = new Set(
      [...app.asarFiles, ...app.unpackedFiles]
        .map((path) => /^node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(path)?.[1])
        .filter((name): name is string => name !== undefined),
    );
    return out.cleanup;
  }, 240_000);

  it('contains the built main, preload, renderer page and package.json', () => {
    for (const path of ['package.json', 'dist/electron/main.js', 'dist/electron/preload.cjs', 'dist/renderer/index.html']) {
      expect(app.asarFiles, path).toContain(path);
    }
    expect(app.asarFiles.some((path) => path.startsWith('dist/renderer/assets/') && path.endsWith('.js'))).toBe(true);
  });

  it('contains no tests, source maps, TypeScript sources, CLI or tsc output', () => {
    const appFiles = app.asarFiles.filter((path) => !path.startsWith('node_modules/'));
    expect(appFiles.filter((path) => !/^(package\.json|dist\/(electron|renderer)\/)/.test(path))).toEqual([]);
    const everything = [...app.asarFiles, ...app.unpackedFiles];
    expect(everything.filter((path) => /\.(map|tsx?|mts|cts)$/.test(path) && !path.endsWith('.d.ts'))).toEqual([]);
    expect(everything.filter((path) => /(^|\/)(tests?|__tests__)\//.test(path) && !path.startsWith('node_modules/'))).toEqual([]);
  });

  it('carries the runtime dependencies and none of the build tools', () => {
    for (const name of ['agora-token', 'fastify', 'zod', '@napi-rs/keyring']) expect(topLevelModules, name).toContain(name);
    expect(DEV_ONLY.filter((name) => topLevelModules.has(name))).toEqual([]);
  });

  it("has every package main.js imports, and electron's own module is the only one missing", () => {
    const missing = importedPackages(readPackagedFile(out.path, 'dist/electron/main.js')).filter((name) => !topLevelModules.has(name));
    expect(missing).toEqual(['electron']);
  });

  it('unpacks the keyring native module for this platform out of the asar', () => {
    const abi = process.platform === 'linux' ? '-gnu' : process.platform === 'win32' ? '-msvc' : '';
    const target = `${process.platform}-${process.arch}${abi}`;
    expect(app.unpackedFiles).toContain(`node_modules/@napi-rs/keyring-${target}/keyring.${target}.node`);
    expect(app.unpackedFiles).toContain('node_modules/@napi-rs/keyring/index.js');
    expect(app.asarFiles.filter((path) => path.endsWith('.node'))).toEqual([]);
  });
});
