import { writeFileSync } from 'node:fs';
import { createServer as createHttpServer } from 'node:http';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { resolvePort } from '../../cli/commands/serve.js';
import { decodeToken } from '../../shared/token/index.js';
import { VECTOR_CREDENTIALS } from '../fixtures/agora-vectors.js';
import { tempDir } from '../helpers/cli.js';
import { holdRequest, serveFailure, startServe, type ServeProcess } from '../helpers/serve-process.js';

const ENV = { APP_ID: VECTOR_CREDENTIALS.appId, APP_CERTIFICATE: VECTOR_CREDENTIALS.appCertificate };
const running: ServeProcess[] = [];
afterAll(() => {
  for (const server of running) server.child.kill('SIGKILL');
});

async function serve(args: string[], env: Record<string, string> = ENV, cwd?: string): Promise<ServeProcess> {
  const server = await startServe(args, env, cwd);
  running.push(server);
  return server;
}

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

describe('agora-token-desk serve (spawned)', () => {
  it('serves a UIKit-style request with no trailing slash on the first try, and logs it without the token', async () => {
    const server = await serve(['--port', '0']);
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const response = await fetch(`${server.url}/rtc/test/publisher/uid/0?expiry=120`);
    expect(response.status).toBe(200);
    const { rtcToken } = (await response.json()) as { rtcToken: string };
    expect(decodeToken(rtcToken, { appCertificate: ENV.APP_CERTIFICATE })).toMatchObject({
      signature: 'valid',
      expire: 120,
    });
    await expect
      .poll(() => server.stdout())
      .toMatch(/^\d{4}-\d\d-\d\dT\S+Z GET \/rtc\/test\/publisher\/uid\/0 200 \d+\.\dms$/m);
    expect(server.stdout()).not.toContain(rtcToken.slice(0, 20));
    expect(server.stdout()).not.toContain('expiry');
    expect(server.stdout() + server.stderr()).not.toContain(ENV.APP_CERTIFICATE);
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
  });

  it('--quiet logs no requests; --cors sets the allowed origin', async () => {
    const server = await serve(['--port', '0', '--quiet', '--cors', 'https://app.test']);
    const allowed = await fetch(`${server.url}/ping`, { headers: { origin: 'https://app.test' } });
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://app.test');
    expect((await fetch(`${server.url}/ping`, { headers: { origin: 'https://other.test' } })).status).toBe(403);
    server.child.kill('SIGINT');
    expect(await server.exited).toBe(0);
    expect(server.stdout()).not.toMatch(/ GET \/ping /);
  });

  it.each(['SIGTERM', 'SIGINT'] as const)('finishes a request in flight on %s, then exits 0', async (signal) => {
    const server = await serve(['--port', '0']);
    // The server has the request's headers (it answered 100 Continue), then it is signalled,
    // and only once it says it is stopping does the body arrive: the request is in flight
    // across the start of the shutdown whatever the machine's speed.
    const held = await holdRequest(server.url, JSON.stringify({ tokenType: 'chat', uid: 'late' }));
    server.child.kill(signal);
    await expect.poll(() => server.stdout()).toMatch(/^stopping: finishing requests in flight/m);
    const { status, text } = await held.finish();
    expect(status).toBe(200);
    expect(decodeToken((JSON.parse(text) as { token: string }).token).appId).toBe(ENV.APP_ID);
    expect(await server.exited).toBe(0);
    expect(server.stdout()).toMatch(/^stopped$/m);
    await expect(fetch(`${server.url}/ping`)).rejects.toThrow();
  });

  it('reads a .env file in the working directory; the environment wins over it', async () => {
    const dir = tempDir('atd-serve-env');
    try {
      const port = await freePort();
      writeFileSync(
        join(dir.path, '.env'),
        `APP_ID=${ENV.APP_ID}\nAPP_CERTIFICATE=${ENV.APP_CERTIFICATE}\nSERVER_PORT=${port}\n`,
      );
      const server = await serve([], {}, dir.path);
      expect(server.url).toBe(`http://127.0.0.1:${port}`);
      server.child.kill('SIGTERM');
      await server.exited;
      const other = await freePort();
      const overridden = await serve([], { SERVER_PORT: String(other) }, dir.path);
      expect(overridden.url).toBe(`http://127.0.0.1:${other}`);
      overridden.child.kill('SIGTERM');
      await overridden.exited;
    } finally {
      dir.cleanup();
    }
  });

  it('takes the port from --port, else SERVER_PORT, else PORT, else 8080', () => {
    expect(resolvePort('9001', { SERVER_PORT: '9002', PORT: '9003' })).toBe(9001);
    expect(resolvePort(undefined, { SERVER_PORT: '9002', PORT: '9003' })).toBe(9002);
    expect(resolvePort(undefined, { PORT: '9003' })).toBe(9003);
    expect(resolvePort(undefined, {})).toBe(8080);
    expect(() => resolvePort('http', {})).toThrow('--port must be a port number from 0 to 65535, not "http"');
    expect(() => resolvePort(undefined, { PORT: '70000' })).toThrow('PORT must be a port number');
  });

  it('PORT is used when SERVER_PORT is unset', async () => {
    const port = await freePort();
    const server = await serve([], { ...ENV, PORT: String(port) });
    expect(server.url).toBe(`http://127.0.0.1:${port}`);
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
  });

  it('missing or malformed credentials: one line, exit 3, nothing listening', async () => {
    const home = tempDir('atd-serve-nocreds');
    try {
      const missing = await serveFailure(['--port', '0'], { AGORA_TOKEN_DESK_HOME: home.path }, home.path);
      expect(missing.code).toBe(3);
      expect(missing.stdout).toBe('');
      expect(missing.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^error: no credentials/)]);
      const malformed = await serveFailure(
        ['--port', '0'],
        { APP_ID: 'nope', APP_CERTIFICATE: ENV.APP_CERTIFICATE, AGORA_TOKEN_DESK_HOME: home.path },
        home.path,
      );
      expect(malformed.code).toBe(3);
      expect(malformed.stderr.trim().split('\n')).toEqual(['error: APP_ID must be 32 hexadecimal characters']);
      expect(malformed.stderr).not.toContain(ENV.APP_CERTIFICATE);
    } finally {
      home.cleanup();
    }
  });

  it('a port in use: one clear line, exit 3', async () => {
    const busy = createHttpServer();
    await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
    const { port } = busy.address() as AddressInfo;
    try {
      const result = await serveFailure(['--port', String(port)], ENV);
      expect(result.code).toBe(3);
      expect(result.stderr.trim().split('\n')).toEqual([
        expect.stringMatching(new RegExp(`^error: .*${port}.*in use`)),
      ]);
    } finally {
      busy.close();
    }
  });

  it('bad flags: exit 2', async () => {
    const result = await serveFailure(['--host', 'not a host', '--port', '0'], ENV);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^error: host must be an IP address or localhost/);
  });
});
