import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SERVE_ENV_ONLY, SERVE_ENV_SETTINGS } from '../../cli/serve-env.js';
import { readStages, stageEnv, type Stage } from '../dist/dockerfile.js';
import { REPO_ROOT } from '../helpers/cli.js';
import { HEX32_ANYWHERE, deployFiles, readData, readText } from './deploy-files.js';

/** Every variable `serve` reads; a deploy file that sets another one configures nothing. */
const SERVE_VARIABLES = new Set([
  ...SERVE_ENV_ONLY.map((row) => row.env),
  ...SERVE_ENV_SETTINGS.flatMap((row) => row.env),
  'NODE_ENV',
]);
const REQUIRED = ['APP_ID', 'APP_CERTIFICATE'];

interface RenderService {
  type: string;
  runtime: string;
  dockerfilePath: string;
  healthCheckPath: string;
  envVars: Array<{ key: string; sync?: boolean; value?: string }>;
}
interface AppJson {
  stack: string;
  env: Record<string, { description?: string; required?: boolean; value?: string }>;
}
interface ComposeService {
  build: string | { context: string };
  read_only?: boolean;
  user?: string;
  cap_drop?: string[];
  env_file?: Array<string | { path: string; required?: boolean }>;
  environment?: Record<string, string>;
  healthcheck?: { test: string[] };
}

const render = (readData('render.yaml') as { services: RenderService[] }).services;
const appJson = readData('app.json') as AppJson;
const heroku = readData('heroku.yml') as { build: { docker: Record<string, string> }; run?: unknown };
const railway = readData('railway.json') as {
  build: { builder: string; dockerfilePath: string };
  deploy: { healthcheckPath: string; restartPolicyType: string; restartPolicyMaxRetries?: number };
};
const compose = readData('docker-compose.yml') as { services: Record<string, ComposeService> };

describe('every deploy file', () => {
  it('holds no 32-hex-character value (no App ID or certificate, not even an example)', () => {
    const files = deployFiles();
    expect(files).toEqual(expect.arrayContaining(['render.yaml', 'deploy/kubernetes/deployment.yaml']));
    for (const file of files) expect(HEX32_ANYWHERE.exec(readText(file))?.[0], file).toBeUndefined();
  });

  it('the hex check itself catches a certificate-shaped value', () => {
    expect(HEX32_ANYWHERE.test('APP_CERTIFICATE: 5CFd2fd1755d40ecb72977518be15d3b')).toBe(true);
    expect(HEX32_ANYWHERE.test(`sha: ${'a'.repeat(40)}`)).toBe(false);
  });

  it('parses, and every platform builds this Dockerfile', () => {
    expect(render[0]?.runtime).toBe('docker');
    expect(existsSync(join(REPO_ROOT, render[0]?.dockerfilePath ?? 'missing'))).toBe(true);
    expect(heroku.build.docker['web']).toBe('Dockerfile');
    expect(railway.build).toEqual({ builder: 'DOCKERFILE', dockerfilePath: 'Dockerfile' });
    const service = Object.values(compose.services)[0];
    expect(service?.build).toBe('.');
  });
});

describe('render.yaml', () => {
  it('a Docker web service checked on /ping; the credentials are entered at deploy time, never stored here', () => {
    expect(render).toHaveLength(1);
    const [service] = render;
    expect(service).toMatchObject({ type: 'web', healthCheckPath: '/ping' });
    for (const key of REQUIRED) expect(service?.envVars.find((env) => env.key === key)).toEqual({ key, sync: false });
    for (const { key } of service?.envVars ?? []) expect(SERVE_VARIABLES, key).toContain(key);
  });
});

describe('app.json and heroku.yml', () => {
  it('the container stack, each variable described, the credentials required and without a value', () => {
    expect(appJson.stack).toBe('container');
    for (const [name, env] of Object.entries(appJson.env)) {
      expect(SERVE_VARIABLES, name).toContain(name);
      expect(env.description?.length ?? 0, name).toBeGreaterThan(20);
      expect(typeof env.required, name).toBe('boolean');
    }
    for (const key of REQUIRED) {
      expect(appJson.env[key]?.required, key).toBe(true);
      expect(appJson.env[key]?.value, key).toBeUndefined();
    }
    // No run section: the image's ENTRYPOINT + CMD (agora-token-desk serve) start the dyno.
    expect(heroku.run).toBeUndefined();
    const runtime = readStages(readText('Dockerfile')).at(-1) as Stage;
    const start = ['ENTRYPOINT', 'CMD'].flatMap((keyword) =>
      runtime.instructions
        .filter((instruction) => instruction.keyword === keyword)
        .map((instruction) => JSON.parse(instruction.args) as string[]),
    );
    expect(start.flat()).toEqual(['agora-token-desk', 'serve']);
  });
});

describe('railway.json', () => {
  it('health check on /ping and a bounded restart policy', () => {
    expect(railway.deploy.healthcheckPath).toBe('/ping');
    expect(['ON_FAILURE', 'ALWAYS', 'NEVER']).toContain(railway.deploy.restartPolicyType);
    expect(railway.deploy.restartPolicyMaxRetries).toBeGreaterThan(0);
  });
});

describe('docker-compose.yml', () => {
  const service = Object.values(compose.services)[0] as ComposeService;

  it('health check on /ping, variables from .env, the credentials required at `up`', () => {
    expect(service.healthcheck?.test.join(' ')).toContain('/ping');
    expect(service.env_file).toEqual([{ path: '.env', required: true }]);
    for (const key of REQUIRED) expect(service.environment?.[key]).toBe(`\${${key}:?set ${key} in .env}`);
    for (const key of Object.keys(service.environment ?? {})) expect(SERVE_VARIABLES, key).toContain(key);
  });

  it('read-only root filesystem, a non-root user, no capabilities', () => {
    expect(service.read_only).toBe(true);
    expect(service.user).toMatch(/^[1-9]\d*:[1-9]\d*$/);
    expect(service.cap_drop).toEqual(['ALL']);
  });
});

describe('Dockerfile (the image every platform above runs)', () => {
  const stages = readStages(readText('Dockerfile'));
  const runtime = stages.at(-1) as Stage;
  const lines = (stage: Stage, keyword: string) =>
    stage.instructions.filter((instruction) => instruction.keyword === keyword).map((instruction) => instruction.args);

  it('runs as a non-root user and has a HEALTHCHECK on /ping', () => {
    const user = lines(runtime, 'USER').at(-1) ?? 'root';
    expect(user.split(':')[0]).not.toMatch(/^(root|0)$/);
    expect(lines(runtime, 'HEALTHCHECK').join(' ')).toMatch(/CMD .*\/ping/);
  });

  it('declares no secret as ARG or ENV in any stage', () => {
    for (const stage of stages) {
      const names = [...lines(stage, 'ARG').map((arg) => arg.split('=')[0] ?? ''), ...Object.keys(stageEnv(stage))];
      for (const name of names) expect(name).not.toMatch(/APP_ID|CERTIFICATE|SECRET|TOKEN|PASSWORD|KEY|PROJECTS/i);
    }
  });

  it('installs production dependencies only in the runtime stage and takes only compiled output from the build', () => {
    const install = lines(runtime, 'RUN').find((run) => run.startsWith('npm ci')) ?? '';
    expect(install).toMatch(/--omit=dev/);
    for (const copy of lines(runtime, 'COPY').filter((line) => line.startsWith('--from=')))
      expect(copy).toMatch(/^--from=build \/app\/dist\//);
  });
});
