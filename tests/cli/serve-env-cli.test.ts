import { writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { decodeToken } from '../../shared/token/index.js';
import { VECTOR_CREDENTIALS } from '../fixtures/agora-vectors.js';
import { runCli, tempDir } from '../helpers/cli.js';
import { holdRequest, serveFailure, startServe, type ServeProcess } from '../helpers/serve-process.js';

const ENV = { APP_ID: VECTOR_CREDENTIALS.appId, APP_CERTIFICATE: VECTOR_CREDENTIALS.appCertificate };
const SECOND = { appId: '0123456789abcdef0123456789abcdef', appCertificate: 'fedcba9876543210fedcba9876543210' };
const running: ServeProcess[] = [];
afterAll(() => {
  for (const server of running) server.child.kill('SIGKILL');
});

async function serve(args: string[], env: Record<string, string>, cwd?: string): Promise<ServeProcess> {
  const server = await startServe(args, env, cwd);
  running.push(server);
  return server;
}

async function stop(server: ServeProcess): Promise<number | null> {
  server.child.kill('SIGTERM');
  return server.exited;
}

/** Resolves with the connection error's code, or 'connected' if the port still accepts. */
function tryConnect(url: string): Promise<string> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = connect({ host: hostname, port: Number(port) });
    socket.once('connect', () => {
      socket.destroy();
      resolve('connected');
    });
    socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
  });
}

describe('serve configured by environment variables only (spawned, real sockets)', () => {
  it('HOST sets the address (the Dockerfile sets it); --host wins over it', async () => {
    const fromEnv = await serve([], { ...ENV, PORT: '0', HOST: '127.0.0.2' });
    expect(fromEnv.url).toMatch(/^http:\/\/127\.0\.0\.2:\d+$/);
    expect((await fetch(`${fromEnv.url}/ping`)).status).toBe(200);
    expect(await stop(fromEnv)).toBe(0);
    const fromFlag = await serve(['--host', '127.0.0.1'], { ...ENV, PORT: '0', HOST: '127.0.0.2' });
    expect(fromFlag.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(await stop(fromFlag)).toBe(0);
  });

  it('METRICS, QUIET, LOG_FORMAT, RATE_LIMIT and AUTH_API_KEYS take effect without a flag', async () => {
    const key = 'env-only-key-1234567890';
    const server = await serve([], {
      ...ENV,
      PORT: '0',
      METRICS: 'true',
      LOG_FORMAT: 'json',
      RATE_LIMIT: '1',
      AUTH_API_KEYS: key,
    });
    expect((await fetch(`${server.url}/metrics`)).status).toBe(200);
    expect((await fetch(`${server.url}/rtm/u1/`)).status).toBe(401);
    const auth = { headers: { authorization: `Bearer ${key}` } };
    expect((await fetch(`${server.url}/rtm/u1/`, auth)).status).toBe(200);
    expect((await fetch(`${server.url}/rtm/u1/`, auth)).status).toBe(429);
    expect(await stop(server)).toBe(0);
    for (const line of server.stdout().trim().split('\n'))
      expect(() => JSON.parse(line) as unknown, line).not.toThrow();
    expect(server.stdout()).not.toContain(key);
  });

  it('a bad value in a variable: exit 2 before listening, naming the variable', async () => {
    const result = await serveFailure([], { ...ENV, PORT: '0', SHUTDOWN_TIMEOUT: 'ten' });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('SHUTDOWN_TIMEOUT must be a number of seconds of at least 0, not "ten"');
  });

  it('serve --help lists every variable', async () => {
    const { stdout, code } = await runCli(['serve', '--help']);
    expect(code).toBe(0);
    for (const name of [
      'APP_ID',
      'PROJECTS_FILE',
      'SERVER_PORT, else PORT',
      'HOST',
      'CORS_ALLOW_ORIGIN',
      'SHUTDOWN_TIMEOUT',
      'METRICS',
    ])
      expect(stdout).toContain(name);
  });
});

describe('PROJECTS: several projects in a container', () => {
  const appIdOf = async (url: string): Promise<string> => {
    const response = await fetch(url);
    expect(response.status).toBe(200);
    return decodeToken(((await response.json()) as { rtmToken: string }).rtmToken).appId;
  };

  it('APP_ID answers requests without appId; appId picks a project from PROJECTS', async () => {
    const server = await serve([], { ...ENV, PORT: '0', PROJECTS: JSON.stringify([{ ...SECOND, name: 'staging' }]) });
    expect(await appIdOf(`${server.url}/rtm/u1/`)).toBe(ENV.APP_ID);
    expect(await appIdOf(`${server.url}/rtm/u1/?appId=${SECOND.appId}`)).toBe(SECOND.appId);
    expect(server.stdout()).toMatch(/listening on .* \(App IDs .*, PROJECTS \(staging\)\)/);
    expect(await stop(server)).toBe(0);
    expect(server.stdout() + server.stderr()).not.toContain(SECOND.appCertificate);
  });

  it('PROJECTS_FILE alone (a mounted secret): its first project answers requests without appId', async () => {
    const dir = tempDir('atd-projects');
    try {
      writeFileSync(join(dir.path, 'projects.json'), JSON.stringify([SECOND, VECTOR_CREDENTIALS]));
      const server = await serve([], { PORT: '0', PROJECTS_FILE: 'projects.json' }, dir.path);
      expect(await appIdOf(`${server.url}/rtm/u1/`)).toBe(SECOND.appId);
      expect(await appIdOf(`${server.url}/rtm/u1/?appId=${ENV.APP_ID}`)).toBe(ENV.APP_ID);
      expect(await stop(server)).toBe(0);
    } finally {
      dir.cleanup();
    }
  });

  it('bad JSON or a bad field: exit 2 with the entry and field, never the certificate; an unreadable file: exit 3', async () => {
    const broken = await serveFailure([], {
      PORT: '0',
      PROJECTS: `[{"appId":"${SECOND.appId}","appCertificate":"${SECOND.appCertificate}"`,
    });
    expect(broken.code).toBe(2);
    expect(broken.stderr).toMatch(/PROJECTS is not valid JSON/);
    expect(broken.stderr + broken.stdout).not.toContain(SECOND.appCertificate);
    const field = await serveFailure([], {
      PORT: '0',
      PROJECTS: JSON.stringify([{ appId: SECOND.appId, appCertificate: 'nope' }]),
    });
    expect(field.code).toBe(2);
    expect(field.stderr).toContain('PROJECTS[0].appCertificate: App Certificate must be 32 hexadecimal characters');
    const twice = await serveFailure([], { ...ENV, PORT: '0', PROJECTS: JSON.stringify([VECTOR_CREDENTIALS]) });
    expect(twice.code).toBe(2);
    expect(twice.stderr).toContain('is served twice');
    const missing = await serveFailure([], { PORT: '0', PROJECTS_FILE: '/nonexistent/projects.json' });
    expect(missing.code).toBe(3);
    expect(missing.stderr).toContain('cannot read PROJECTS_FILE /nonexistent/projects.json: ENOENT');
  });
});

describe('SIGTERM drain, as Kubernetes stops a pod', () => {
  it('stops accepting at once, lets the request in flight finish within SHUTDOWN_TIMEOUT, exits 0', async () => {
    const server = await serve([], { ...ENV, PORT: '0', SHUTDOWN_TIMEOUT: '30' });
    expect(await tryConnect(server.url)).toBe('connected');
    // The server has the request's headers (it answered 100 Continue); the body follows only
    // once the drain has begun, so the request is in flight across SIGTERM on any machine.
    const held = await holdRequest(server.url, JSON.stringify({ tokenType: 'chat', uid: 'late' }));
    server.child.kill('SIGTERM');
    await expect.poll(() => server.stdout()).toMatch(/^stopping: finishing requests in flight \(at most 30 s/m);
    expect(await tryConnect(server.url)).toBe('ECONNREFUSED');
    const { status, text } = await held.finish();
    expect(status).toBe(200);
    expect(decodeToken((JSON.parse(text) as { token: string }).token).appId).toBe(ENV.APP_ID);
    expect(await server.exited).toBe(0);
    expect(server.stdout()).toMatch(/^stopped$/m);
  });
});
