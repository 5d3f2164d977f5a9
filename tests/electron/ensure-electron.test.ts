import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/cli.js';

// npm prestart. Only the path that needs no download runs here: with
// ELECTRON_SKIP_BINARY_DOWNLOAD set, Electron's installer fetches nothing.
describe('scripts/ensure-electron.mjs (npm prestart)', () => {
  it('stops npm start with one clear line when the binary cannot be fetched', () => {
    const result = spawnSync(process.execPath, [join(REPO_ROOT, 'scripts', 'ensure-electron.mjs')], {
      cwd: REPO_ROOT,
      encoding: 'utf8',
      env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1' },
    });
    if (existsSync(join(REPO_ROOT, 'node_modules', 'electron', 'path.txt'))) {
      // Already fetched on this machine: nothing to do.
      expect(result.status).toBe(0);
      expect(result.stdout + result.stderr).toBe('');
      return;
    }
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('Fetching the Electron binary (first run only)...\n');
    expect(result.stderr).toMatch(/^error: the Electron binary could not be fetched; .*\n$/);
  });
});
