import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/cli.js';

// Electron cannot run on our machines, so the compiler is what checks main and preload
// against Electron's real API (node_modules/electron/electron.d.ts).
describe('electron/ type-checks against the real electron types', () => {
  it('tsc -p electron/tsconfig.json reports no errors', () => {
    const tsc = join(REPO_ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
    const result = spawnSync(process.execPath, [tsc, '-p', join(REPO_ROOT, 'electron', 'tsconfig.json')], {
      cwd: REPO_ROOT,
      encoding: 'utf8',
    });
    expect(result.stdout + result.stderr).toBe('');
    expect(result.status).toBe(0);
  }, 120_000);
});
