import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RequestLogEntry } from '../../shared/contract/index.js';
import { LocalTokenServer } from '../../shared/server/local-token-server.js';
import { CREDENTIALS, NO_CACHE, PUBLISHER, SUBSCRIBER, expectServices, verified } from './server-helpers.js';

// The same routes as the inject suites, through a real socket on 127.0.0.1: one case per route.
describe('LocalTokenServer on a listening port', () => {
  let server: LocalTokenServer;
  const log: RequestLogEntry[] = [];

  beforeAll(async () => {
    server = await LocalTokenServer.start({ credentials: CREDENTIALS, port: 0 });
    server.on('request', (entry) => log.push(entry));
  });
  afterAll(() => server.close());

  async function get(path: string): Promise<{ status: number; body: Record<string, unknown>; headers: Headers }> {
    const response = await fetch(`${server.url}${path}`);
    return {
      status: response.status,
      body: (await response.json()) as Record<string, unknown>,
      headers: response.headers,
    };
  }

  it('listens on loopback by default and answers /ping with the no-cache headers', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const { status, body, headers } = await get('/ping');
    expect([status, body]).toEqual([200, { message: 'pong' }]);
    for (const [name, value] of Object.entries(NO_CACHE)) expect(headers.get(name)).toBe(value);
  });

  it('POST /getToken', async () => {
    const response = await fetch(`${server.url}/getToken`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ tokenType: 'rtc', channel: 'test', role: 'publisher', uid: '42', expire: 600 }),
    });
    expect(response.status).toBe(200);
    expectServices(((await response.json()) as { token: string }).token, 600, [
      { type: 'rtc', channel: 'test', uid: '42', privileges: PUBLISHER(600) },
    ]);
  });

  it('GET /rtc, with and without the trailing slash', async () => {
    for (const path of ['/rtc/test/subscriber/uid/7/?expiry=60', '/rtc/test/subscriber/uid/7?expiry=60']) {
      const { status, body } = await get(path);
      expect(status, path).toBe(200);
      expectServices(body['rtcToken'], 60, [{ type: 'rtc', channel: 'test', uid: '7', privileges: SUBSCRIBER(60) }]);
    }
  });

  it('GET /rtm, /rte and both /chat routes', async () => {
    expect(verified((await get('/rtm/alice')).body['rtmToken']).services).toMatchObject([
      { type: 'rtm', userId: 'alice' },
    ]);
    const pair = (await get('/rte/test/publisher/uid/5/')).body;
    expect(verified(pair['rtcToken']).services).toMatchObject([{ type: 'rtc', channel: 'test', uid: '5' }]);
    expect(
      verified(pair['rtmToken'])
        .services.map((service) => service.type)
        .sort(),
    ).toEqual(['rtc', 'rtm']);
    expect(verified((await get('/chat/app/')).body['chatToken']).services).toMatchObject([
      { type: 'chat', privileges: { app: 3600 } },
    ]);
    expect(verified((await get('/chat/account/bob')).body['chatToken']).services).toMatchObject([
      { type: 'chat', userId: 'bob' },
    ]);
  });

  it('answers errors as JSON and emits every request, without query strings', async () => {
    const { status, body } = await get('/rtc/test/publisher/uid/notanumber/');
    expect(status).toBe(400);
    expect(body).toMatchObject({ status: 400, error: expect.any(String), message: expect.any(String) });
    expect((await get('/nothing')).status).toBe(404);
    expect(log.length).toBeGreaterThanOrEqual(10);
    expect(log.every((entry) => !entry.path.includes('?'))).toBe(true);
    expect(log.at(-1)).toMatchObject({ method: 'GET', path: '/nothing', status: 404, ms: expect.any(Number) });
  });

  it('times each request in the event: more than 0 ms, no more than the client waited', async () => {
    const seen: RequestLogEntry[] = [];
    const listener = (entry: RequestLogEntry) => seen.push(entry);
    server.on('request', listener);
    const started = performance.now();
    expect((await get('/rte/test/publisher/uid/5')).status).toBe(200);
    const clientMs = performance.now() - started;
    server.off('request', listener);
    // Building two signed tokens takes well over the 0.01 ms the entry is rounded to.
    expect(seen).toHaveLength(1);
    expect(seen[0]?.ms).toBeGreaterThan(0);
    expect(seen[0]?.ms).toBeLessThanOrEqual(clientMs);
  });

  it('emits a path that does not decode too, and stops emitting when the listener goes', async () => {
    const seen: RequestLogEntry[] = [];
    const listener = (entry: RequestLogEntry) => seen.push(entry);
    server.on('request', listener);
    expect((await get('/rtm/%ZZ')).status).toBe(400);
    expect(seen).toMatchObject([{ method: 'GET', path: '/rtm/%ZZ', status: 400 }]);
    server.off('request', listener);
    await get('/ping');
    expect(seen).toHaveLength(1);
    // The suite's own listener is still attached and saw both.
    expect(log.slice(-2).map((entry) => entry.path)).toEqual(['/rtm/%ZZ', '/ping']);
  });
});
