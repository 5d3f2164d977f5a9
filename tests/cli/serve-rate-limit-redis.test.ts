import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { VECTOR_CREDENTIALS } from '../fixtures/agora-vectors.js';
import { freePort, startRedis, type RedisProcess } from '../helpers/redis-server.js';
import { serveFailure, startServe, type ServeProcess } from '../helpers/serve-process.js';

const ENV = { APP_ID: VECTOR_CREDENTIALS.appId, APP_CERTIFICATE: VECTOR_CREDENTIALS.appCertificate };
const TOKEN_PATH = '/rtc/test/publisher/uid/1234';
const NO_CACHE = 'private, no-cache, no-store, must-revalidate';
const running: ServeProcess[] = [];
let redis: RedisProcess[] = [];

afterEach(async () => {
  await Promise.all(redis.map((r) => r.stop()));
  redis = [];
});
afterAll(() => {
  for (const server of running) server.child.kill('SIGKILL');
});

async function redisServer(port?: number): Promise<RedisProcess> {
  const started = await startRedis(port);
  redis.push(started);
  return started;
}

async function serve(args: string[], env: Record<string, string> = {}): Promise<ServeProcess> {
  const server = await startServe(['--port', '0', '--quiet', ...args], { ...ENV, ...env });
  running.push(server);
  return server;
}

async function stop(server: ServeProcess): Promise<void> {
  server.child.kill('SIGTERM');
  expect(await server.exited).toBe(0);
}

const statusOf = async (server: ServeProcess, path = TOKEN_PATH): Promise<number> =>
  (await fetch(`${server.url}${path}`)).status;

describe('serve --rate-limit-redis', () => {
  it('two server processes share one limit: 3 requests in all, then 429 from both', async () => {
    const store = await redisServer();
    const args = ['--rate-limit', '3', '--rate-limit-redis', store.url];
    const [a, b] = [await serve(args), await serve([], { RATE_LIMIT: '3', RATE_LIMIT_REDIS_URL: store.url })];
    const statuses = [];
    for (const server of [a, b, a, b, a]) statuses.push(await statusOf(server));
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
    // Other routes are not limited.
    expect(await statusOf(b, '/ping')).toBe(200);
    await Promise.all([stop(a), stop(b)]);
  });

  it('Redis gone mid-run (default closed): token requests get a 503 JSON error, once back the limit applies again', async () => {
    const store = await redisServer();
    const server = await serve(['--rate-limit', '2', '--rate-limit-redis', store.url]);
    expect(await statusOf(server)).toBe(200);
    await store.stop();
    const refused = await fetch(`${server.url}${TOKEN_PATH}`);
    expect(refused.status).toBe(503);
    expect(refused.headers.get('cache-control')).toBe(NO_CACHE);
    const message = 'the rate limit cannot be checked right now (its shared store is unreachable): try again shortly';
    expect(await refused.json()).toEqual({ status: 503, error: message, message });
    expect(await statusOf(server)).toBe(503);
    expect(await statusOf(server, '/ping')).toBe(200);
    const address = `127.0.0.1:${store.port}`;
    await expect
      .poll(() => server.stderr())
      .toMatch(
        new RegExp(
          `^warning: the rate-limit Redis at ${address} is unreachable \\(.+\\): token requests are refused`,
          'm',
        ),
      );
    expect(server.stderr().match(/unreachable/g)).toHaveLength(1);

    await redisServer(store.port);
    await expect.poll(() => server.stderr()).toMatch(/is reachable again: the shared limit applies again$/m);
    // A fresh Redis holds no counts: two more, then the limit.
    expect([await statusOf(server), await statusOf(server), await statusOf(server)]).toEqual([200, 200, 429]);
    await stop(server);
  });

  it('Redis gone mid-run with --rate-limit-redis-fail open: requests pass without a limit, one warning', async () => {
    const store = await redisServer();
    const server = await serve(['--rate-limit', '1', '--rate-limit-redis', store.url], {
      RATE_LIMIT_REDIS_FAIL: 'open',
    });
    expect([await statusOf(server), await statusOf(server)]).toEqual([200, 429]);
    await store.stop();
    expect([await statusOf(server), await statusOf(server), await statusOf(server)]).toEqual([200, 200, 200]);
    await expect
      .poll(() => server.stderr())
      .toMatch(/unreachable \(.+\): token requests are let through without a rate limit/);
    expect(server.stderr().match(/unreachable/g)).toHaveLength(1);
    await stop(server);
  });

  it('unreachable at start: exit 3 naming host:port, never the password', async () => {
    const port = await freePort();
    const result = await serveFailure(
      ['--port', '0', '--rate-limit', '5', '--rate-limit-redis', `redis://user:s3cret-pw@127.0.0.1:${port}/0`],
      ENV,
    );
    expect(result.code).toBe(3);
    expect(result.stderr.trim()).toBe(
      `error: cannot reach the rate-limit Redis at 127.0.0.1:${port} (ECONNREFUSED); check --rate-limit-redis or RATE_LIMIT_REDIS_URL`,
    );
    expect(result.stdout + result.stderr).not.toContain('s3cret-pw');
  });

  it.each([
    [
      ['--rate-limit-redis', 'redis://127.0.0.1:6379'],
      {},
      '--rate-limit-redis (RATE_LIMIT_REDIS_URL) needs a limit to share: add --rate-limit N (RATE_LIMIT)',
    ],
    [
      ['--rate-limit', '5'],
      { RATE_LIMIT_REDIS_URL: 'http://:s3cret-pw@cache:6379' },
      '--rate-limit-redis must be a redis:// or rediss:// URL, e.g. redis://redis.internal:6379/0',
    ],
    [
      ['--rate-limit', '5', '--rate-limit-redis', 'redis://127.0.0.1:6379', '--rate-limit-redis-fail', 'maybe'],
      {},
      '--rate-limit-redis-fail must be open or closed, not "maybe"',
    ],
    [
      ['--rate-limit', '5', '--rate-limit-redis-fail', 'open'],
      {},
      '--rate-limit-redis-fail (RATE_LIMIT_REDIS_FAIL) applies only with --rate-limit-redis',
    ],
  ])('refuses %j %j with exit 2', async (args, env, message) => {
    const result = await serveFailure(['--port', '0', ...args], { ...ENV, ...env });
    expect(result.code).toBe(2);
    expect(result.stderr.trim()).toBe(`error: ${message}`);
  });
});

describe('serve --workers with --rate-limit-redis', () => {
  it('the workers of one server share the limit too', async () => {
    const store = await redisServer();
    const server = await serve(['--workers', '2', '--rate-limit', '4', '--rate-limit-redis', store.url]);
    const answers: { status: number; worker: string | null }[] = [];
    // A connection per request, so both workers take some.
    for (let i = 0; i < 8; i += 1) {
      const response = await fetch(`${server.url}${TOKEN_PATH}`, { headers: { connection: 'close' } });
      answers.push({ status: response.status, worker: response.headers.get('x-worker') });
    }
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 429, 429, 429, 429]);
    expect(new Set(answers.map((a) => a.worker)).size).toBe(2);
    await stop(server);
  });
});
