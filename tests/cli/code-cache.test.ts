import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * The launcher runs the CLI bundle with the V8 code cache the build writes
 * (bin/load-bundle.js, scripts/cli-code-cache.cjs): used when it belongs to the bundle,
 * ignored when it was left by another build.
 */
const root = new URL('../../', import.meta.url).pathname;
const bundle = join(root, 'dist/cli/bundle/main.cjs');
const cache = `${bundle}.v8cache`;
const built = existsSync(bundle) && existsSync(cache);

/** What loadBundle reports when the bundle runs `--version` in a child process. */
function loadReport(bundleFile: string, cacheFile: string): { cacheUsed: boolean; stdout: string } {
  const script = `
    process.argv = [process.execPath, 'agora-token-desk', '--version'];
    const { loadBundle } = require(${JSON.stringify(join(root, 'bin/load-bundle.js'))});
    const { cacheUsed } = loadBundle(${JSON.stringify(bundleFile)}, ${JSON.stringify(cacheFile)});
    process.on('exit', () => process.stderr.write(cacheUsed ? 'cache used' : 'cache not used'));`;
  const run = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
  return { cacheUsed: run.stderr.includes('cache used'), stdout: run.stdout.trim() };
}

describe.runIf(built)('the CLI code cache', () => {
  const dir = mkdtempSync(join(tmpdir(), 'atd-code-cache-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const version = (createRequire(import.meta.url)(join(root, 'package.json')) as { version: string }).version;

  it('is written by the build for this bundle and used by this Node', () => {
    expect(loadReport(bundle, cache)).toEqual({ cacheUsed: true, stdout: version });
  });

  it('is ignored when it belongs to another build, even of the same length', () => {
    // A bundle of the same length with one character changed: V8 alone would accept the cache.
    const other = join(dir, 'main.cjs');
    const source = readFileSync(bundle, 'utf8');
    writeFileSync(other, source.replace('Build, decode and verify', 'build, decode and verify'));
    expect(readFileSync(other).length).toBe(readFileSync(bundle).length);
    copyFileSync(cache, `${other}.v8cache`);
    // It still runs (its version is unknown: no package.json above the copy).
    expect(loadReport(other, `${other}.v8cache`)).toEqual({ cacheUsed: false, stdout: 'unknown' });
  });

  it('is not needed: without it the CLI runs as before', () => {
    expect(loadReport(bundle, join(dir, 'missing.v8cache'))).toEqual({ cacheUsed: false, stdout: version });
  });
});
