import { afterAll, describe, expect, it } from 'vitest';
import { NO_CACHE, tokenApp } from './server-helpers.js';

const apps: Array<ReturnType<typeof tokenApp>> = [];
function app(options: Parameters<typeof tokenApp>[0] = {}) {
  const instance = tokenApp(options);
  apps.push(instance);
  return instance;
}
afterAll(async () => {
  await Promise.all(apps.map((a) => a.close()));
});

const CORS_HEADERS = {
  'access-control-allow-methods': 'GET, POST, OPTIONS',
  'access-control-allow-headers': 'Origin, Content-Type, Authorization',
};

describe('CORS (CORS_ALLOW_ORIGIN)', () => {
  it('unset or empty: requests without Origin are served, any Origin is 403 JSON', async () => {
    for (const corsOrigins of [undefined, '']) {
      const server = app(corsOrigins === undefined ? {} : { corsOrigins });
      const plain = await server.inject({ url: '/ping' });
      expect(plain.statusCode).toBe(200);
      expect(plain.headers['access-control-allow-origin']).toBeUndefined();
      const cross = await server.inject({ url: '/ping', headers: { origin: 'https://example.com' } });
      expect(cross.statusCode).toBe(403);
      expect(cross.json()).toEqual({ status: 403, error: 'Origin not allowed', message: 'Origin not allowed' });
      expect(cross.headers).toMatchObject(NO_CACHE);
      expect(cross.headers['access-control-allow-origin']).toBeUndefined();
    }
  });

  it('* allows any origin and echoes it with the allowed methods and headers', async () => {
    const server = app({ corsOrigins: '*' });
    const r = await server.inject({ url: '/rtc/a/publisher/uid/1', headers: { origin: 'https://anything.test' } });
    expect(r.statusCode).toBe(200);
    expect(r.headers).toMatchObject({ 'access-control-allow-origin': 'https://anything.test', ...CORS_HEADERS });
  });

  it('a list allows exactly its origins (spaces around commas ignored)', async () => {
    const server = app({ corsOrigins: 'https://a.test, http://localhost:3000' });
    for (const origin of ['https://a.test', 'http://localhost:3000']) {
      const r = await server.inject({ url: '/ping', headers: { origin } });
      expect(r.statusCode, origin).toBe(200);
      expect(r.headers['access-control-allow-origin']).toBe(origin);
    }
    for (const origin of ['https://b.test', 'https://a.test.evil', 'http://localhost:3001']) {
      expect((await server.inject({ url: '/ping', headers: { origin } })).statusCode, origin).toBe(403);
    }
    expect((await server.inject({ url: '/ping' })).statusCode).toBe(200);
  });

  it('OPTIONS preflight answers 204 with the CORS headers on any path; a refused origin gets 403', async () => {
    const server = app({ corsOrigins: 'https://a.test' });
    for (const url of ['/getToken', '/rtc/a/publisher/uid/1/', '/nowhere']) {
      const r = await server.inject({ method: 'OPTIONS', url, headers: { origin: 'https://a.test' } });
      expect(r.statusCode, url).toBe(204);
      expect(r.body).toBe('');
      expect(r.headers).toMatchObject({
        'access-control-allow-origin': 'https://a.test',
        ...CORS_HEADERS,
        ...NO_CACHE,
      });
    }
    const refused = await server.inject({ method: 'OPTIONS', url: '/getToken', headers: { origin: 'https://b.test' } });
    expect(refused.statusCode).toBe(403);
  });

  it('error responses to an allowed origin carry the CORS headers too (the browser can read the message)', async () => {
    const server = app({ corsOrigins: '*' });
    const r = await server.inject({ url: '/rtm/0', headers: { origin: 'https://a.test' } });
    expect(r.statusCode).toBe(400);
    expect(r.headers['access-control-allow-origin']).toBe('https://a.test');
  });
});

describe('Host check (DNS rebinding)', () => {
  it('on loopback, only localhost, 127.0.0.1 and [::1] (any port) are served', async () => {
    const server = app();
    for (const host of [
      'localhost',
      'localhost:8080',
      'LOCALHOST:1',
      '127.0.0.1',
      '127.0.0.1:9',
      '[::1]',
      '[::1]:8080',
    ]) {
      expect((await server.inject({ url: '/ping', headers: { host } })).statusCode, host).toBe(200);
    }
    // (An empty Host cannot be sent through inject, which fills in localhost:80.)
    for (const host of [
      'evil.test',
      'evil.test:8080',
      '127.0.0.1.evil.test',
      'localhost.evil.test',
      '10.0.0.1',
      '[::2]',
    ]) {
      const r = await server.inject({ url: '/ping', headers: { host } });
      expect(r.statusCode, host).toBe(403);
      expect(r.json()).toMatchObject({ status: 403 });
      expect(r.json().message).toMatch(/^Host not allowed/);
    }
  });

  it('is checked before CORS, so a rebinding page gets no CORS headers either', async () => {
    const r = await app({ corsOrigins: '*' }).inject({
      url: '/ping',
      headers: { host: 'evil.test', origin: 'http://evil.test' },
    });
    expect(r.statusCode).toBe(403);
    expect(r.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('bound to every interface (deployment), any Host is served', async () => {
    const r = await app({ host: '0.0.0.0' }).inject({ url: '/ping', headers: { host: 'tokens.example.com' } });
    expect(r.statusCode).toBe(200);
  });
});

describe('unknown routes and hostile input', () => {
  it('unknown routes and methods are 404 JSON with the no-cache headers', async () => {
    const server = app();
    for (const [method, url] of [
      ['GET', '/nope'],
      ['GET', '/rtc'],
      ['GET', '/rtm/'],
      ['DELETE', '/ping'],
      ['GET', '/getToken'],
    ] as const) {
      const r = await server.inject({ method, url });
      expect(r.statusCode, `${method} ${url}`).toBe(404);
      expect(r.json()).toEqual({
        status: 404,
        error: `no route for ${method} ${url}`,
        message: `no route for ${method} ${url}`,
      });
      expect(r.headers).toMatchObject(NO_CACHE);
    }
  });

  it('a path that is not valid percent-encoding is 400 in our JSON format, with our headers and guards', async () => {
    const server = app({ corsOrigins: 'https://a.test' });
    for (const url of ['/rtc/%ZZ/publisher/uid/1', '/rtm/%E0%A4%A', '/chat/account/%C0%AF']) {
      const r = await server.inject({ url, headers: { origin: 'https://a.test' } });
      expect(r.statusCode, url).toBe(400);
      const message = 'the URL path is not valid percent-encoding';
      expect(r.json(), url).toEqual({ status: 400, error: message, message });
      expect(r.headers, url).toMatchObject({ ...NO_CACHE, 'access-control-allow-origin': 'https://a.test' });
    }
    const rebound = await server.inject({ url: '/rtc/%ZZ/publisher/uid/1', headers: { host: 'evil.test' } });
    expect(rebound.statusCode).toBe(403);
    const refused = await server.inject({ url: '/rtc/%ZZ/publisher/uid/1', headers: { origin: 'https://b.test' } });
    expect(refused.statusCode).toBe(403);
  });

  it('a path segment over 2048 characters is 414 JSON', async () => {
    const r = await app().inject({ url: `/rtm/${'x'.repeat(2049)}` });
    expect(r.statusCode).toBe(414);
    expect(r.json()).toMatchObject({ status: 414, message: 'a path segment is longer than 2048 characters' });
    expect(r.headers).toMatchObject(NO_CACHE);
  });

  it('the 404 message never echoes the query string', async () => {
    const r = await app().inject({ url: '/missing?secret=abc' });
    expect(r.json().message).toBe('no route for GET /missing');
  });

  it('nothing a client sends yields a 5xx, and the server keeps answering', async () => {
    const server = app({ corsOrigins: '*' });
    const paths = [
      '/rtc/%ZZ/publisher/uid/1',
      '/rtc/a/publisher/uid/1/extra/segments',
      '/rtc/%00/publisher/uid/1',
      `/rtc/${'%41'.repeat(800)}/publisher/uid/1`,
      '/rte/a/publisher/uid/1/%ZZ',
      '/rtm/%E0%A4%A',
      `/rtm/${'x'.repeat(5000)}`,
      '/chat/account/%C0%AF',
      '/ping?expiry[]=1',
      '/rtc/a/publisher/uid/1?expiry=1e3',
      '/rtc/a/publisher/uid/1?expiry=%00',
      '/rtc/a/publisher/uid/1?expiry=99999999999999999999999',
      '//ping',
      '/ping/../getToken',
    ];
    for (const url of paths) {
      const r = await server.inject({ url });
      expect(r.statusCode, url).toBeLessThan(500);
      expect(r.headers['content-type'], url).toMatch(/^application\/json/);
    }
    const bodies = [
      '{"tokenType":"rtc","channel":"a","uid":"1","expire":1e400}',
      '{"tokenType":{"toString":1}}',
      '\u0000',
      '{"a":',
    ];
    for (const payload of bodies) {
      const r = await server.inject({
        method: 'POST',
        url: '/getToken',
        payload,
        headers: { 'content-type': 'application/json' },
      });
      expect(r.statusCode, payload).toBeLessThan(500);
    }
    expect((await server.inject({ url: '/ping' })).statusCode).toBe(200);
  });
});
