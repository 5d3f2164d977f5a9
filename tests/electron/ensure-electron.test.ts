import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, tempDir } from '../helpers/cli.js';
import { uiEnv } from '../helpers/ui-process.js';

const electronInstalled = existsSync(join(REPO_ROOT, 'node_modules', 'electron', 'path.txt'));

// npm prestart. Only the path that needs no download runs here: with
// ELECTRON_SKIP_BINARY_DOWNLOAD set, Electron's installer fetches nothing.
describe('scripts/ensure-electron.mjs (npm prestart)', () => {
  it('says in one line that the browser version starts instead when the binary cannot be fetched', () => {
    const result = spawnSync(process.execPath, [join(REPO_ROOT, 'scripts', 'ensure-electron.mjs')], {
      cwd: REPO_ROOT,
      encoding: 'utf8',
      env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1' },
    });
    expect(result.status).toBe(0);
    if (electronInstalled) {
      // Already fetched on this machine: nothing to do.
      expect(result.stdout + result.stderr).toBe('');
      return;
    }
    expect(result.stdout).toBe(
      'Fetching the Electron binary (first run only)...\n' +
        'Electron is not available here (its binary could not be fetched): starting the app in your browser instead.\n',
    );
  });
});

describe('scripts/start-app.mjs (npm start, after the build)', () => {
  it.skipIf(electronInstalled)(
    'without Electron, runs browser mode with the arguments given and stops cleanly on SIGTERM',
    async () => {
      const home = tempDir('atd-start-app');
      const child = spawn(process.execPath, [join(REPO_ROOT, 'scripts', 'start-app.mjs'), '--no-open'], {
        cwd: REPO_ROOT,
        env: uiEnv(home.path),
      });
      let out = '';
      child.stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
      const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
      try {
        await expect.poll(() => out).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#k=\S+$/m);
        const url = /^(http:\/\/\S+)#k=/m.exec(out)?.[1] ?? '';
        expect((await fetch(url)).status).toBe(200);
        child.kill('SIGTERM');
        expect(await exited).toBe(0);
        expect(out.trimEnd().split('\n').at(-1)).toBe('stopped');
      } finally {
        if (child.exitCode === null) child.kill('SIGKILL');
        home.cleanup();
      }
    },
  );
});
