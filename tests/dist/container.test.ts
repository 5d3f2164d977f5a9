import { execFile, spawn } from 'node:child_process';
import { existsSync, readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, baseEnv, tempDir } from '../helpers/cli.js';
import { replayCopy } from './build-context.js';
import { isIgnored, parseDockerignore } from './dockerignore.js';
import { execForm, readStages, stageEnv, type Stage } from './dockerfile.js';
import { freePort, waitForJson } from './http-wait.js';
import { npmEnv } from './npm-package.js';

const run = promisify(execFile);
const dockerfile = readFileSync(join(REPO_ROOT, 'Dockerfile'), 'utf8');
const dockerignoreText = readFileSync(join(REPO_ROOT, '.dockerignore'), 'utf8');
const dockerignore = dockerignoreText.split(/\r?\n/).map((line) => line.trim());
const ignoreRules = parseDockerignore(dockerignoreText);
const stages = readStages(dockerfile);
const runtime = stages.at(-1) as Stage;
const build = stages.find((stage) => stage.name === 'build');
const packageJson = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { bin: Record<string, string> };

const args = (stage: Stage | undefined, keyword: string) =>
  (stage?.instructions ?? []).filter((instruction) => instruction.keyword === keyword).map((instruction) => instruction.args);
/** The runtime stage's RUN commands, each `a && b` split into its parts. */
const runtimeCommands = args(runtime, 'RUN').flatMap((command) => command.split('&&')).map((part) => part.trim());
const runtimeInstall = runtimeCommands.find((part) => part.startsWith('npm ci')) ?? '';
const workdir = (stage: Stage | undefined) => args(stage, 'WORKDIR').at(-1) ?? '/';
/** The build stage's instructions that change files, in order. */
const buildSteps = (build?.instructions ?? []).filter((instruction) => ['COPY', 'RUN'].includes(instruction.keyword));

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
    expect(args(build, 'RUN')).toContain('npm run build:cli');

    expect(runtimeInstall).toMatch(/^npm ci\b.*--omit=dev/);
    expect(runtimeInstall).toContain('--ignore-scripts');
    expect(args(runtime, 'COPY').filter((line) => line.startsWith('--from=build'))).toEqual([
      '--from=build /app/dist/cli ./dist/cli',
      '--from=build /app/dist/shared ./dist/shared',
    ]);
  });

  it("runs `agora-token-desk serve` as the node image's unprivileged user (by number) on HOST 0.0.0.0, PORT 8080", () => {
    const keywords = runtime.instructions.map((instruction) => instruction.keyword);
    // Numeric, so Kubernetes' runAsNonRoot can check it; 1000 is the official image's `node` user.
    expect(args(runtime, 'USER').at(-1)).toBe('1000:1000');
    expect(keywords.lastIndexOf('USER')).toBeLessThan(keywords.indexOf('ENTRYPOINT'));
    expect(stageEnv(runtime)).toMatchObject({ HOST: '0.0.0.0', PORT: '8080' });
    expect(args(runtime, 'EXPOSE')).toEqual(['8080']);
    // No --host in the command: it would override HOST, and HOST is what `docker run -e` can change.
    expect([...execForm(runtime, 'ENTRYPOINT'), ...execForm(runtime, 'CMD')]).toEqual(['agora-token-desk', 'serve']);
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
      expect(isIgnored(ignoreRules, source), source).toBe(false);
    }
  });
});

describe("the image's build stage, replayed in a folder (no Docker engine here)", () => {
  const buildDir = tempDir('container-build');

  beforeAll(async () => {
    const copy = { context: REPO_ROOT, rules: ignoreRules, stages: {}, workdir: workdir(build) };
    const env = { ...baseEnv(), ...stageEnv(build as Stage) };
    for (const step of buildSteps) {
      if (step.keyword === 'COPY') replayCopy(step.args, buildDir.path, copy);
      else if (step.args.startsWith('npm ci')) {
        // In place of `npm ci`: this checkout's installed node_modules (the same lockfile),
        // symlinked. Installing again here would need the network and minutes.
        symlinkSync(join(REPO_ROOT, 'node_modules'), join(buildDir.path, 'node_modules'), 'dir');
      } else {
        await run('sh', ['-c', step.args], { cwd: buildDir.path, env: { ...npmEnv(), ...env }, maxBuffer: 16 * 1024 * 1024 });
      }
    }
    return buildDir.cleanup;
  }, 600_000);

  it('copies only what the context offers after .dockerignore, and its commands succeed on those files', () => {
    // Reaching here means every COPY found its sources and every RUN exited 0.
    expect(buildSteps.some((step) => step.keyword === 'RUN' && !step.args.startsWith('npm ci'))).toBe(true);
    expect(existsSync(join(buildDir.path, '.env'))).toBe(false);
    expect(existsSync(join(buildDir.path, 'tests'))).toBe(false);
  });

  it("produces every file the runtime stage copies from it, and the runtime stage's server answers /ping", async () => {
    const app = tempDir('container-app');
    try {
      await replayRuntime(app.path, buildDir.path);
      for (const name of ['electron', 'electron-builder', 'react', 'vite', 'typescript', 'vitest', 'esbuild']) {
        expect(existsSync(join(app.path, 'node_modules', name)), name).toBe(false);
      }
      expect(existsSync(join(app.path, 'node_modules', 'fastify', 'package.json'))).toBe(true);
      await expect(pingAsTheImage(app.path)).resolves.toEqual({ message: 'pong' });
    } finally {
      app.cleanup();
    }
  }, 300_000);
});

/** The runtime stage in a folder: its npm ci for real (production dependencies), its COPY lines from the context and the replayed build stage. */
async function replayRuntime(appDir: string, buildDir: string): Promise<void> {
  const copy = { context: REPO_ROOT, rules: ignoreRules, stages: { build: buildDir }, workdir: workdir(runtime) };
  for (const step of runtime.instructions) {
    if (step.keyword === 'COPY') replayCopy(step.args, appDir, copy);
    if (step.keyword === 'RUN' && step.args.startsWith('npm ci')) {
      const [npm = 'npm', ...npmArgs] = runtimeInstall.split(/\s+/);
      await run(npm, [...npmArgs, '--cache', join(appDir, '.npm-cache')], { cwd: appDir, env: npmEnv(), maxBuffer: 16 * 1024 * 1024 });
    }
  }
}

/** Starts the replayed image's command with its environment, bound to loopback only, and GETs /ping. */
async function pingAsTheImage(appDir: string): Promise<unknown> {
  const port = await freePort();
  const command = [...execForm(runtime, 'ENTRYPOINT'), ...execForm(runtime, 'CMD')];
  const env = {
    ...baseEnv(),
    ...stageEnv(runtime),
    HOST: '127.0.0.1',
    PORT: String(port),
    AGORA_TOKEN_DESK_HOME: join(appDir, 'home'),
    // Public test credentials of Agora's reference test suite, given at run time as `docker run -e` would.
    APP_ID: '970CA35de60c44645bbae8a215061b33',
    APP_CERTIFICATE: '5CFd2fd1755d40ecb72977518be15d3b',
  };
  const server = spawn(process.execPath, [join(appDir, packageJson.bin['agora-token-desk'] ?? ''), ...command.slice(1)], {
    cwd: appDir,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  try {
    return await waitForJson(`http://127.0.0.1:${port}/ping`, server);
  } finally {
    server.kill('SIGTERM');
  }
}
