import { execFile, spawn } from 'node:child_process';
import { cpSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, baseEnv, tempDir } from '../helpers/cli.js';
import { execForm, readStages, stageEnv, type Stage } from './dockerfile.js';
import { freePort, waitForJson } from './http-wait.js';
import { npmEnv } from './npm-package.js';

const run = promisify(execFile);
const dockerfile = readFileSync(join(REPO_ROOT, 'Dockerfile'), 'utf8');
const dockerignore = readFileSync(join(REPO_ROOT, '.dockerignore'), 'utf8').split(/\r?\n/).map((line) => line.trim());
const stages = readStages(dockerfile);
const runtime = stages.at(-1) as Stage;
const build = stages.find((stage) => stage.name === 'build');
const packageJson = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { bin: Record<string, string> };

const args = (stage: Stage | undefined, keyword: string) =>
  (stage?.instructions ?? []).filter((instruction) => instruction.keyword === keyword).map((instruction) => instruction.args);
/** The runtime stage's RUN commands, each `a && b` split into its parts. */
const runtimeCommands = args(runtime, 'RUN').flatMap((command) => command.split('&&')).map((part) => part.trim());
const runtimeInstall = runtimeCommands.find((part) => part.startsWith('npm ci')) ?? '';

describe('Dockerfile for the headless server', () => {
  it('builds in two stages from the official Node image (slim, Node 20 or later)', () => {
    expect(stages.map((stage) => stage.name)).toEqual(['build', 'runtime']);
    for (const stage of stages) {
      expect(stage.image).toMatch(/^node:(\d+)(\.\d+)*-slim$/);
      expect(Number(/^node:(\d+)/.exec(stage.image)?.[1])).toBeGreaterThanOrEqual(20);
    }
  });

  it('compiles every source root tsc builds, and ships only production dependencies and dist', () => {
    const tsconfig = JSON.parse(readFileSync(join(REPO_ROOT, 'tsconfig.build.json'), 'utf8')) as { include: string[] };
    const roots = [...new Set(tsconfig.include.map((glob) => glob.split('/')[0]))];
    const copied = args(build, 'COPY').map((line) => line.split(/\s+/)[0]);
    expect(copied).toEqual(expect.arrayContaining([...roots, 'tsconfig.base.json']));
    expect(args(build, 'RUN')).toContain('npm run build:node');

    expect(runtimeInstall).toMatch(/^npm ci\b.*--omit=dev/);
    expect(runtimeInstall).toContain('--ignore-scripts');
    expect(args(runtime, 'COPY').filter((line) => line.startsWith('--from=build'))).toEqual([
      '--from=build /app/dist/cli ./dist/cli',
      '--from=build /app/dist/shared ./dist/shared',
    ]);
  });

  it('runs `agora-token-desk serve` as the unprivileged node user on 0.0.0.0:8080', () => {
    const keywords = runtime.instructions.map((instruction) => instruction.keyword);
    expect(args(runtime, 'USER').at(-1)).toBe('node');
    expect(keywords.lastIndexOf('USER')).toBeLessThan(keywords.indexOf('ENTRYPOINT'));
    expect(stageEnv(runtime)).toMatchObject({ HOST: '0.0.0.0', PORT: '8080' });
    expect(args(runtime, 'EXPOSE')).toEqual(['8080']);
    expect([...execForm(runtime, 'ENTRYPOINT'), ...execForm(runtime, 'CMD')]).toEqual(['agora-token-desk', 'serve', '--host', '0.0.0.0']);
    const launcher = `/app/${packageJson.bin['agora-token-desk']}`;
    expect(runtimeCommands).toEqual(expect.arrayContaining([`chmod 755 ${launcher}`, `ln -s ${launcher} /usr/local/bin/agora-token-desk`]));
  });

  it('bakes in no credentials and keeps .env, node_modules and build output out of the context', () => {
    const declared = [...args(runtime, 'ENV'), ...args(runtime, 'ARG'), ...args(build, 'ENV'), ...args(build, 'ARG')].join(' ');
    expect(declared).not.toMatch(/APP_ID|APP_CERTIFICATE|SECRET|TOKEN|PASSWORD/i);
    expect(dockerignore).toEqual(expect.arrayContaining(['.env', '.env.*', 'node_modules', 'dist', 'release', 'tests', '.git']));
    const contextSources = [...args(build, 'COPY'), ...args(runtime, 'COPY')]
      .filter((line) => !line.startsWith('--from'))
      .flatMap((line) => line.split(/\s+/).slice(0, -1));
    for (const source of contextSources) {
      expect(existsSync(join(REPO_ROOT, source)), source).toBe(true);
      expect(dockerignore, source).not.toContain(source);
    }
  });
});

describe("the image's runtime stage, replayed in a folder (no Docker engine here)", () => {
  const app = tempDir('container-app');

  beforeAll(async () => {
    if (!existsSync(join(REPO_ROOT, 'dist', 'cli', 'main.js'))) throw new Error('dist/cli is not built: run `npm run build:node` (npm test does)');
    for (const file of ['package.json', 'package-lock.json']) cpSync(join(REPO_ROOT, file), join(app.path, file));
    const [npm = 'npm', ...npmArgs] = runtimeInstall.split(/\s+/);
    await run(npm, [...npmArgs, '--cache', join(app.path, '.npm-cache')], { cwd: app.path, env: npmEnv(), maxBuffer: 16 * 1024 * 1024 });
    for (const dir of ['bin', 'dist/cli', 'dist/shared']) cpSync(join(REPO_ROOT, dir), join(app.path, dir), { recursive: true });
    return app.cleanup;
  }, 300_000);

  it('installs no desktop or build packages', () => {
    for (const name of ['electron', 'electron-builder', 'react', 'vite', 'typescript', 'vitest', 'esbuild']) {
      expect(existsSync(join(app.path, 'node_modules', name)), name).toBe(false);
    }
    expect(existsSync(join(app.path, 'node_modules', 'fastify', 'package.json'))).toBe(true);
  });

  it("answers /ping when started with the image's command and PORT", async () => {
    const port = await freePort();
    // Same command and environment as the image, but bound to loopback only.
    const command = [...execForm(runtime, 'ENTRYPOINT'), ...execForm(runtime, 'CMD')].map((arg) => (arg === '0.0.0.0' ? '127.0.0.1' : arg));
    const env = {
      ...baseEnv(),
      ...stageEnv(runtime),
      HOST: '127.0.0.1',
      PORT: String(port),
      AGORA_TOKEN_DESK_HOME: join(app.path, 'home'),
      // Public test credentials of Agora's reference test suite, given at run time as `docker run -e` would.
      APP_ID: '970CA35de60c44645bbae8a215061b33',
      APP_CERTIFICATE: '5CFd2fd1755d40ecb72977518be15d3b',
    };
    const server = spawn(process.execPath, [join(app.path, packageJson.bin['agora-token-desk'] ?? ''), ...command.slice(1)], {
      cwd: app.path,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      await expect(waitForJson(`http://127.0.0.1:${port}/ping`, server)).resolves.toEqual({ message: 'pong' });
    } finally {
      server.kill('SIGTERM');
    }
  });
});
