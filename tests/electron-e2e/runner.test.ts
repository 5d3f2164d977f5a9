import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/cli.js';

const electronInstalled = existsSync(join(REPO_ROOT, 'node_modules', 'electron', 'path.txt'));
const SKIP_LINE =
  "skipped the Electron end-to-end tests: Electron's binary is not installed (node_modules/electron has no download)\n";

function env(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const clean = { ...process.env, ...extra };
  for (const key of ['ELECTRON_E2E_EXECUTABLE', 'ELECTRON_E2E_PACKAGED', 'ELECTRON_OVERRIDE_DIST_PATH']) {
    if (!(key in extra)) delete clean[key];
  }
  return clean;
}

function run(command: string, args: string[], extra: Record<string, string> = {}) {
  return spawnSync(command, args, { cwd: REPO_ROOT, env: env(extra), encoding: 'utf8', timeout: 120_000 });
}

// Run as real processes: the script itself and through npm, as a developer types it.
describe('npm run test:electron where Electron cannot run', () => {
  it.skipIf(electronInstalled)('says so in one line and succeeds (the script)', () => {
    const result = run(process.execPath, [join(REPO_ROOT, 'scripts', 'test-electron.mjs')]);
    expect({ status: result.status, stdout: result.stdout, stderr: result.stderr }).toEqual({
      status: 0,
      stdout: SKIP_LINE,
      stderr: '',
    });
  });

  it.skipIf(electronInstalled)('says so in one line and succeeds (npm run -s test:electron)', () => {
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    const result = run(npm, ['run', '-s', 'test:electron']);
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(SKIP_LINE);
  });

  it('fails, never skips, when the packaged app it was pointed at is missing', () => {
    const missing = run(process.execPath, [join(REPO_ROOT, 'scripts', 'test-electron.mjs')], {
      ELECTRON_E2E_EXECUTABLE: join(REPO_ROOT, 'release-e2e', 'no-such-app'),
    });
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/^error: ELECTRON_E2E_EXECUTABLE names .*no-such-app, which does not exist\n$/);
    // A form electron-builder never makes here: the answer cannot depend on what was built before.
    const unknown = run(process.execPath, [join(REPO_ROOT, 'scripts', 'test-electron.mjs')], {
      ELECTRON_E2E_PACKAGED: 'dmg',
      ELECTRON_E2E_EXECUTABLE: '',
    });
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toMatch(/^error: no packaged form "dmg" on \w+; use /);
  });
});
