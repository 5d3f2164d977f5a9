import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { VECTOR_CREDENTIALS } from '../fixtures/agora-vectors.js';
import { tempDir } from '../helpers/cli.js';
import { serveFailure, startServe, type ServeProcess } from '../helpers/serve-process.js';

const ENV = { APP_ID: VECTOR_CREDENTIALS.appId, APP_CERTIFICATE: VECTOR_CREDENTIALS.appCertificate };
const KEY = 'k_0123456789abcdefghijklmnopqrstuv';
const running: ServeProcess[] = [];
afterAll(() => {
  for (const server of running) server.child.kill('SIGKILL');
});

async function serve(args: string[], env: Record<string, string> = ENV, cwd?: string): Promise<ServeProcess> {
  const server = await startServe(['--port', '0', ...args], env, cwd);
  running.push(server);
  return server;
}

async function stop(server: ServeProcess): Promise<void> {
  server.child.kill('SIGTERM');
  expect(await server.exited).toBe(0);
}

/** The server bound to every interface, reached through loopback. */
const local = (server: ServeProcess) => server.url.replace('0.0.0.0', '127.0.0.1');

describe('serve on a network', () => {
  it('bound off loopback without authentication, prints one warning line', async () => {
    const server = await serve(['--host', '0.0.0.0']);
    await expect
      .poll(() => server.stderr())
      .toMatch(
        /^warning: listening on 0\.0\.0\.0 without authentication: anyone who can reach port \d+ can mint tokens/m,
      );
    expect(server.stderr().trim().split('\n')).toHaveLength(1);
    await stop(server);
  });

  it('AUTH_API_KEYS requires a key on token routes, never logs it, and silences the warning', async () => {
    const server = await serve(['--host', '0.0.0.0'], { ...ENV, AUTH_API_KEYS: `other-key, ${KEY}` });
    expect((await fetch(`${local(server)}/ping`)).status).toBe(200);
    expect((await fetch(`${local(server)}/rtm/u`)).status).toBe(401);
    expect((await fetch(`${local(server)}/rtm/u`, { headers: { authorization: `Bearer ${KEY}` } })).status).toBe(200);
    await expect.poll(() => server.stdout()).toMatch(/GET \/rtm\/u 200/);
    await stop(server);
    expect(server.stderr()).toBe('');
    expect(server.stdout()).not.toContain(KEY);
  });

  it('--api-keys-file, RATE_LIMIT, --metrics and --log-format json work together', async () => {
    const dir = tempDir('atd-serve-keys');
    try {
      writeFileSync(join(dir.path, 'keys.txt'), `# team keys\n${KEY}\n`);
      const server = await serve(
        ['--api-keys-file', 'keys.txt', '--metrics', '--log-format', 'json'],
        { ...ENV, RATE_LIMIT: '2' },
        dir.path,
      );
      const auth = { headers: { authorization: `Bearer ${KEY}` } };
      expect((await fetch(`${server.url}/chat/app?expiry=60`, auth)).status).toBe(200);
      expect((await fetch(`${server.url}/chat/app`, auth)).status).toBe(200);
      const limited = await fetch(`${server.url}/chat/app`, auth);
      expect(limited.status).toBe(429);
      expect(limited.headers.get('retry-after')).toMatch(/^\d+$/);
      expect(await (await fetch(`${server.url}/metrics`)).text()).toContain(
        'agora_token_desk_tokens_issued_total{kind="chat"} 2',
      );
      await expect
        .poll(
          () =>
            server
              .stdout()
              .split('\n')
              .filter((line) => line.includes('"statusCode":429')).length,
        )
        .toBeGreaterThan(0);
      await stop(server);
      const lines = server.stdout().trim().split('\n');
      for (const line of lines) expect(() => JSON.parse(line) as unknown, line).not.toThrow();
      expect(server.stdout()).not.toContain(KEY);
      expect(server.stdout()).not.toContain('expiry=60');
      expect(server.stdout()).not.toContain('007eJ');
    } finally {
      dir.cleanup();
    }
  });

  it('bad settings fail before listening with exit 2', async () => {
    const missingFile = await serveFailure(['--port', '0', '--api-keys-file', '/nonexistent/keys'], ENV);
    expect(missingFile.code).toBe(2);
    expect(missingFile.stderr).toMatch(/^error: cannot read the API keys file/);
    const badLimit = await serveFailure(['--port', '0', '--rate-limit', 'lots'], ENV);
    expect([badLimit.code, badLimit.stderr.trim()]).toEqual([
      2,
      'error: --rate-limit must be a whole number of at least 1, not "lots"',
    ]);
    const both = await serveFailure(['--port', '0', '--all-profiles', '--profile', 'a'], ENV);
    expect([both.code, both.stderr.trim()]).toEqual([2, 'error: --all-profiles and --profile cannot be combined']);
  });
});

describe('serve JWT settings', () => {
  it('a JWKS URL that is not a URL, an unreadable key file or a bad channel pattern: exit 2 before listening', async () => {
    const badUrl = await serveFailure(['--port', '0', '--jwt-jwks-url', 'not a url'], ENV);
    expect([badUrl.code, badUrl.stderr.trim()]).toEqual([2, 'error: the JWKS URL is not a URL: not a url']);
    const badKey = await serveFailure(['--port', '0', '--jwt-public-key-file', '/nonexistent.pem'], ENV);
    expect(badKey.code).toBe(2);
    expect(badKey.stderr).toMatch(/^error: cannot read the JWT public key file/);
    const badPattern = await serveFailure(
      ['--port', '0', '--jwt-jwks-url', 'http://127.0.0.1:1/jwks', '--jwt-channel-pattern', '('],
      ENV,
    );
    expect([badPattern.code, badPattern.stderr.trim()]).toEqual([
      2,
      'error: the JWT channel pattern is not a regular expression: (',
    ]);
  });
});
