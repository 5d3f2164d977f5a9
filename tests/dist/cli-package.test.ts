import { execFile, spawn } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { decodeToken } from '../../shared/token/index.js';
import { REPO_ROOT, baseEnv, tempDir } from '../helpers/cli.js';
import { freePort, waitForJson } from './http-wait.js';
import { installGlobally, installedPackageNames, packCli, type PackedTarball } from './npm-package.js';

const run = promisify(execFile);
// Public test credentials of Agora's reference test suite (also used in the README).
const APP_ID = '970CA35de60c44645bbae8a215061b33';
const APP_CERTIFICATE = '5CFd2fd1755d40ecb72977518be15d3b';
/** Packages that belong to the desktop app or the build, never to the CLI's install. */
const NOT_IN_CLI = ['electron', 'electron-builder', 'react', 'react-dom', 'vite', '@vitejs/plugin-react', 'typescript', 'vitest', 'esbuild', 'playwright-core'];

describe('the CLI from `npm pack`, installed with `npm install -g`', () => {
  const work = tempDir('cli-package');
  let tarball: PackedTarball;
  let command: string;
  // Run away from the checkout, with a data folder of its own: nothing of the repo leaks in.
  const userEnv = () => ({ ...baseEnv(), AGORA_TOKEN_DESK_HOME: join(work.path, 'home') });

  beforeAll(async () => {
    if (!existsSync(join(REPO_ROOT, 'dist', 'cli', 'main.js'))) throw new Error('dist/cli is not built: run `npm run build:node` (npm test does)');
    tarball = await packCli(work.path);
    command = await installGlobally(tarball.path, join(work.path, 'prefix'), join(work.path, 'npm-cache'));
    return work.cleanup;
  }, 300_000);

  it('packs only the launcher, the compiled CLI and shared code, the browser UI, README and LICENSE', () => {
    const parts = /^(bin\/|dist\/(cli|shared|types|worker|renderer)\/)/;
    const outside = tarball.files.filter((path) => !parts.test(path) && !['package.json', 'README.md', 'LICENSE'].includes(path));
    expect(outside).toEqual([]);
    expect(tarball.files).toEqual(
      expect.arrayContaining(['bin/agora-token-desk.js', 'dist/cli/main.js', 'dist/renderer/index.html', 'dist/shared/app/app-services.js', 'LICENSE', 'README.md']),
    );
    // Not the desktop shell: nothing of dist/electron.
    expect(tarball.files.filter((path) => path.startsWith('dist/electron/'))).toEqual([]);
    // Sources and maps stay out; declarations (dist/types, for the serverless exports) go in.
    expect(tarball.files.filter((path) => /(?<!\.d)\.ts$|\.map$/.test(path))).toEqual([]);
    expect(tarball.files).toEqual(
      expect.arrayContaining([
        'dist/shared/serverless/fetch-handler.js',
        'dist/types/shared/serverless/fetch-handler.d.ts',
        'dist/worker/agora-token-desk-worker.mjs',
      ]),
    );
  });

  it('answers a Request through the installed agora-token-desk/fetch entry point (and has the others)', async () => {
    // Beside the prefix's node_modules, so the package name resolves through its "exports".
    const probe = join(work.path, 'prefix', 'lib', 'probe-fetch.mjs');
    writeFileSync(
      probe,
      [
        "import { createFetchHandler } from 'agora-token-desk/fetch';",
        "import { handler as lambda } from 'agora-token-desk/lambda';",
        "import vercel from 'agora-token-desk/vercel';",
        "if (typeof lambda !== 'function' || typeof vercel.fetch !== 'function') throw new Error('an entry point is missing');",
        `const handler = createFetchHandler({ credentials: { appId: '${APP_ID}', appCertificate: process.env.CERT } });`,
        "const response = await handler(new Request('https://tokens.example.com/rtm/alice'));",
        'console.log(JSON.stringify({ status: response.status, body: await response.json() }));',
      ].join('\n'),
    );
    const { stdout } = await run(process.execPath, [probe], { cwd: work.path, env: { ...userEnv(), CERT: APP_CERTIFICATE } });
    const { status, body } = JSON.parse(stdout) as { status: number; body: { rtmToken: string } };
    expect(status).toBe(200);
    const decoded = decodeToken(body.rtmToken, { appCertificate: APP_CERTIFICATE });
    expect(decoded).toMatchObject({ version: '007', signature: 'valid', services: [{ type: 'rtm', userId: 'alice' }] });
  });

  it('installs a working agora-token-desk command with help for every command', async () => {
    const { stdout } = await run(command, ['--help'], { cwd: work.path, env: userEnv() });
    for (const name of ['serve', 'token', 'decode', 'profile', 'ui']) expect(stdout).toMatch(new RegExp(`^\\s+${name}\\b`, 'm'));
    for (const name of ['serve', 'token', 'decode', 'profile', 'ui']) {
      await expect(run(command, [name, '--help'], { cwd: work.path, env: userEnv() })).resolves.toMatchObject({ stdout: expect.stringContaining('Usage:') });
    }
  });

  it('builds a Chat app token that decodes and verifies with the same credentials', async () => {
    const env = { ...userEnv(), APP_ID, APP_CERTIFICATE };
    const { stdout } = await run(command, ['token', 'chat', '--json'], { cwd: work.path, env });
    const { token } = JSON.parse(stdout) as { token: string };
    const decoded = decodeToken(token, { appCertificate: APP_CERTIFICATE });
    expect(decoded).toMatchObject({ version: '007', appId: APP_ID, signature: 'valid' });
    expect(decoded.version === '007' && decoded.services.map((service) => service.type)).toEqual(['chat']);

    const check = await run(command, ['decode', token, '--json', '--certificate-env', 'APP_CERTIFICATE', '--check'], { cwd: work.path, env });
    expect(JSON.parse(check.stdout)).toMatchObject({ version: '007', signature: 'valid' });
  });

  it('serves the token API on the port from PORT, as agora-token-service does', async () => {
    const port = await freePort();
    const env = { ...userEnv(), APP_ID, APP_CERTIFICATE, PORT: String(port) };
    const server = spawn(command, ['serve', '--host', '127.0.0.1'], { cwd: work.path, env, stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      await expect(waitForJson(`http://127.0.0.1:${port}/ping`, server)).resolves.toEqual({ message: 'pong' });
    } finally {
      server.kill('SIGTERM');
    }
  });

  it('opens the app in a browser with `ui` (browser mode), from the installed package alone', async () => {
    const ui = spawn(command, ['ui', '--no-open'], { cwd: work.path, env: userEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    ui.stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
    try {
      await expect.poll(() => out, { timeout: 60_000 }).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#k=\S+$/m);
      const [, url = '', key = ''] = /^(http:\/\/\S+)#k=(\S+)$/m.exec(out) ?? [];
      expect(await (await fetch(url)).text()).toContain('<div id="root">');
      const status = await fetch(`${url}api/server:status`, { method: 'POST', headers: { 'x-token-desk-key': key, 'content-type': 'application/json' }, body: 'null' });
      expect(await status.json()).toEqual({ ok: true, value: { state: 'stopped' } });
    } finally {
      ui.kill('SIGTERM');
    }
  });

  it('has no desktop, UI or build packages in its installed dependency tree', async () => {
    const names = await installedPackageNames(join(work.path, 'prefix'));
    expect(names).toContain('agora-token-desk');
    for (const name of ['@napi-rs/keyring', 'agora-token', 'commander', 'fastify', 'zod']) expect(names).toContain(name);
    expect(NOT_IN_CLI.filter((name) => names.has(name))).toEqual([]);
    // The keyring's native binary comes from its prebuilt platform package, nothing is compiled.
    const abi = process.platform === 'linux' ? '-gnu' : process.platform === 'win32' ? '-msvc' : '';
    expect(names).toContain(`@napi-rs/keyring-${process.platform}-${process.arch}${abi}`);
  });
});
