import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, runNodeScript, tempDir } from '../helpers/cli.js';
import { uiEnv } from '../helpers/ui-process.js';

const electronInstalled = existsSync(join(REPO_ROOT, 'node_modules', 'electron', 'path.txt'));

// npm prestart, as a real process running Electron's real installer. Its download goes to
// a server this test started, which answers 404: the failure is the same on a machine with
// or without internet, and nothing is fetched.
describe('scripts/ensure-electron.mjs (npm prestart)', () => {
  it('says in one line, with the reason, that the browser version starts instead when the binary cannot be fetched', async () => {
    const asked: string[] = [];
    const mirror = createServer((request, response) => {
      asked.push(request.url ?? '');
      response.writeHead(404).end();
    });
    await new Promise<void>((resolve) => mirror.listen(0, '127.0.0.1', resolve));
    const { port } = mirror.address() as AddressInfo;
    const cache = tempDir('atd-electron-cache');
    try {
      // A clean environment: no mirror or proxy setting of the caller's shell applies.
      const result = await runNodeScript(join(REPO_ROOT, 'scripts', 'ensure-electron.mjs'), [], {
        env: { ELECTRON_MIRROR: `http://127.0.0.1:${port}/`, electron_config_cache: cache.path },
      });
      expect(result.code).toBe(0);
      if (electronInstalled) {
        // Already fetched on this machine: nothing to do.
        expect(result.stdout + result.stderr).toBe('');
        return;
      }
      expect(asked).toHaveLength(1);
      expect(result.stderr).toBe('');
      expect(result.stdout).toBe(
        'Fetching the Electron binary (first run only)...\n' +
          `Electron is not available here (its binary could not be fetched: Response code 404 (Not Found) for http://127.0.0.1:${port}${asked[0]}): ` +
          'starting the app in your browser instead.\n',
      );
    } finally {
      mirror.close();
      cache.cleanup();
    }
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
