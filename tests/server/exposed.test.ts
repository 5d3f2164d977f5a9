import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Validator } from '@seriousme/openapi-schema-validator';
import { exportJWK, exportSPKI, generateKeyPair, SignJWT, type CryptoKey, type JWK } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalTokenServer, type LocalServerOptions } from '../../shared/server/local-token-server.js';
import { createTokenApp } from '../../shared/server/token-app.js';
import { CREDENTIALS, verified } from './server-helpers.js';

const KEY_A = 'key-a-0123456789abcdef';
const KEY_B = 'key-b-fedcba9876543210';

const started: LocalTokenServer[] = [];
afterAll(async () => {
  await Promise.all(started.map((server) => server.close(0)));
});

async function start(options: Partial<LocalServerOptions>): Promise<LocalTokenServer> {
  const server = await LocalTokenServer.start({ credentials: CREDENTIALS, port: 0, ...options });
  started.push(server);
  return server;
}

async function call(server: LocalTokenServer, path: string, init: RequestInit = {}) {
  const response = await fetch(`${server.url}${path}`, init);
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    text,
    json: () => JSON.parse(text) as Record<string, unknown>,
  };
}

const bearer = (token: string) => ({ headers: { authorization: `Bearer ${token}` } });

describe('API keys', () => {
  let server: LocalTokenServer;
  const lines: string[] = [];
  beforeAll(async () => {
    server = await start({ auth: { apiKeys: [KEY_A, KEY_B] }, jsonLog: { write: (line) => lines.push(line) } });
  });

  it('token routes need a listed key; /ping stays open; 401 is JSON with WWW-Authenticate', async () => {
    expect((await call(server, '/ping')).status).toBe(200);
    const missing = await call(server, '/rtc/c/publisher/uid/1');
    expect(missing.status).toBe(401);
    expect(missing.json()).toEqual({
      status: 401,
      error: 'this route needs an Authorization: Bearer header',
      message: 'this route needs an Authorization: Bearer header',
    });
    expect(missing.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect(missing.headers.get('cache-control')).toBe('private, no-cache, no-store, must-revalidate');
    const wrong = await call(server, '/rtc/c/publisher/uid/1', bearer(`${KEY_A}x`));
    expect(wrong.status).toBe(401);
    for (const key of [KEY_A, KEY_B]) {
      const ok = await call(server, '/rtc/c/publisher/uid/1', bearer(key));
      expect(ok.status).toBe(200);
      verified(ok.json()['rtcToken']);
    }
    const posted = await call(server, '/getToken', {
      method: 'POST',
      body: JSON.stringify({ tokenType: 'chat' }),
      headers: { authorization: `bearer ${KEY_B}` },
    });
    expect(posted.status).toBe(200);
  });

  it('the JSON log never holds a key or a token', async () => {
    await expect.poll(() => lines.length).toBeGreaterThan(3);
    const all = lines.join('\n');
    expect(all).not.toContain(KEY_A);
    expect(all).not.toContain(KEY_B);
    expect(all).not.toContain('007eJ');
    expect(JSON.parse(lines[0] ?? '{}')).toMatchObject({ level: 30 });
  });
});

describe('JWT against a JWKS served on 127.0.0.1', () => {
  let jwks: Server;
  let server: LocalTokenServer;
  let privateKey: CryptoKey;
  let otherKey: CryptoKey;
  let jwksUrl: string;

  beforeAll(async () => {
    const pair = await generateKeyPair('ES256');
    privateKey = pair.privateKey;
    otherKey = (await generateKeyPair('ES256')).privateKey;
    const jwk: JWK = { ...(await exportJWK(pair.publicKey)), kid: 'k1', alg: 'ES256', use: 'sig' };
    jwks = createServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ keys: [jwk] }));
    });
    await new Promise<void>((resolve) => jwks.listen(0, '127.0.0.1', resolve));
    jwksUrl = `http://127.0.0.1:${(jwks.address() as AddressInfo).port}/jwks.json`;
    server = await start({
      auth: { jwt: { jwksUrl, issuer: 'https://issuer.test', audience: 'tokens', channelPattern: 'room-{sub}|lobby' } },
    });
  });
  afterAll(() => new Promise((resolve) => jwks.close(resolve)));

  function jwt(
    sub: string,
    options: { key?: CryptoKey; expires?: string | number; issuer?: string; audience?: string } = {},
  ) {
    return new SignJWT({})
      .setProtectedHeader({ alg: 'ES256', kid: 'k1' })
      .setSubject(sub)
      .setIssuer(options.issuer ?? 'https://issuer.test')
      .setAudience(options.audience ?? 'tokens')
      .setIssuedAt()
      .setExpirationTime(options.expires ?? '5m')
      .sign(options.key ?? privateKey);
  }

  it('a valid JWT gets tokens for its own subject, in the channels its pattern allows', async () => {
    const token = await jwt('42');
    const rtc = await call(server, '/rtc/room-42/publisher/uid/0042', bearer(token));
    expect(rtc.status).toBe(200);
    expect(verified(rtc.json()['rtcToken']).services).toMatchObject([{ type: 'rtc', channel: 'room-42', uid: '42' }]);
    expect((await call(server, '/rtc/lobby/publisher/uid/42', bearer(token))).status).toBe(200);
    const alice = await jwt('alice');
    const body = JSON.stringify({ tokenType: 'rtm', uid: 'alice' });
    expect((await call(server, '/getToken', { method: 'POST', body, ...bearer(alice) })).status).toBe(200);
    expect((await call(server, '/chat/account/alice', bearer(alice))).status).toBe(200);
  });

  it('binding violations are 403: another user, uid 0, an app token, a channel outside the pattern', async () => {
    const token = await jwt('42');
    for (const path of [
      '/rtc/room-42/publisher/uid/43',
      '/rtc/room-42/publisher/uid/0',
      '/chat/app',
      '/rtm/someone',
      '/rtc/room-43/publisher/uid/42',
    ]) {
      const answer = await call(server, path, bearer(token));
      expect(answer.status, path).toBe(403);
      expect(answer.json()['status']).toBe(403);
    }
    const body = JSON.stringify({ tokenType: 'rtc', channel: 'room-42', uid: '7' });
    expect((await call(server, '/getToken', { method: 'POST', body, ...bearer(token) })).status).toBe(403);
  });

  it('expired, wrongly signed, wrong issuer or audience, or garbage: 401', async () => {
    const cases = {
      expired: await jwt('42', { expires: Math.floor(Date.now() / 1000) - 120 }),
      'signed by another key': await jwt('42', { key: otherKey }),
      'another issuer': await jwt('42', { issuer: 'https://evil.test' }),
      'another audience': await jwt('42', { audience: 'other' }),
      garbage: 'not.a.jwt',
    };
    for (const [name, token] of Object.entries(cases)) {
      const answer = await call(server, '/rtc/room-42/publisher/uid/42', bearer(token));
      expect(answer.status, name).toBe(401);
    }
    const expired = await call(server, '/rtc/room-42/publisher/uid/42', bearer(cases.expired));
    expect(expired.json()['message']).toBe('the bearer JWT has expired');
  });

  it('a PEM public key works as well as a JWKS, next to API keys', async () => {
    const pair = await generateKeyPair('RS256', { extractable: true });
    const pem = await exportSPKI(pair.publicKey);
    const pemServer = await start({ auth: { apiKeys: [KEY_A], jwt: { publicKeyPem: pem, userClaim: 'uid' } } });
    const token = await new SignJWT({ uid: 'bob' })
      .setProtectedHeader({ alg: 'RS256' })
      .setExpirationTime('1m')
      .sign(pair.privateKey);
    expect((await call(pemServer, '/rtm/bob', bearer(token))).status).toBe(200);
    expect((await call(pemServer, '/rtm/eve', bearer(token))).status).toBe(403);
    expect((await call(pemServer, '/rtm/eve', bearer(KEY_A))).status).toBe(200);
  });
});

describe('rate limit', () => {
  it('429 with Retry-After once a caller spends its quota; other keys and /ping are not affected', async () => {
    const server = await start({ auth: { apiKeys: [KEY_A, KEY_B] }, rateLimit: { max: 3, windowMs: 60_000 } });
    for (let i = 0; i < 3; i += 1) expect((await call(server, '/chat/app', bearer(KEY_A))).status).toBe(200);
    const limited = await call(server, '/chat/app', bearer(KEY_A));
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(limited.json()).toMatchObject({ status: 429, message: expect.stringMatching(/^too many requests/) });
    expect((await call(server, '/chat/app', bearer(KEY_B))).status).toBe(200);
    for (let i = 0; i < 5; i += 1) expect((await call(server, '/ping')).status).toBe(200);
  });

  it('without authentication, by client address', async () => {
    const server = await start({ rateLimit: { max: 1 } });
    expect((await call(server, '/rtm/u')).status).toBe(200);
    expect((await call(server, '/rtm/u')).status).toBe(429);
  });
});

describe('/metrics, / and /openapi.json', () => {
  it('/metrics counts requests by route and status, tokens by kind, and latency; off by default', async () => {
    const server = await start({ metrics: true });
    await call(server, '/rtc/c/publisher/uid/1');
    await call(server, '/rtc/c/publisher/uid/nope');
    await call(server, '/getToken', { method: 'POST', body: JSON.stringify({ tokenType: 'chat' }) });
    const metrics = await call(server, '/metrics');
    expect(metrics.status).toBe(200);
    expect(metrics.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(metrics.text).toContain(
      'agora_token_desk_http_requests_total{method="GET",route="/rtc/:channelName/:role/:tokenType/:rtcuid",status="200"} 1',
    );
    expect(metrics.text).toContain(
      'agora_token_desk_http_requests_total{method="GET",route="/rtc/:channelName/:role/:tokenType/:rtcuid",status="400"} 1',
    );
    expect(metrics.text).toContain('agora_token_desk_tokens_issued_total{kind="rtc"} 1');
    expect(metrics.text).toContain('agora_token_desk_tokens_issued_total{kind="getToken"} 1');
    expect(metrics.text).toMatch(/agora_token_desk_http_request_duration_seconds_count\{route="\/getToken"\} 1/);
    const plain = await start({});
    expect((await call(plain, '/metrics')).status).toBe(404);
  });

  it('/ names the service, its version and its routes', async () => {
    const server = await start({});
    const root = await call(server, '/');
    expect(root.status).toBe(200);
    const body = root.json();
    expect(body).toMatchObject({
      service: 'agora-token-desk',
      api: 'agora-token-service',
      version: expect.stringMatching(/^\d+\.\d+\.\d+/),
    });
    expect(body['routes']).toEqual(
      expect.arrayContaining([
        'GET /ping',
        'POST /getToken',
        'GET /rtc/:channelName/:role/:tokenType/:rtcuid',
        'GET /chat/app',
      ]),
    );
  });

  it('/openapi.json is a valid OpenAPI 3.1 document describing every token route', async () => {
    const app = createTokenApp({ credentials: CREDENTIALS });
    const doc = (await app.inject({ url: '/openapi.json' })).json() as {
      openapi: string;
      paths: Record<string, unknown>;
    };
    await app.close();
    expect(doc.openapi).toBe('3.1.0');
    const result = await new Validator().validate(doc);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/ping',
        '/getToken',
        '/rtc/{channelName}/{role}/{tokenType}/{rtcuid}',
        '/rtm/{rtmuid}',
        '/chat/app',
        '/chat/account/{chatid}',
        '/rte/{channelName}/{role}/{tokenType}/{rtcuid}/{rtmuid}',
      ]),
    );
    expect(Object.keys(doc.paths).filter((path) => path.includes('?'))).toEqual([]);
    const rtc = doc.paths['/rtc/{channelName}/{role}/{tokenType}/{rtcuid}'] as {
      get: { parameters: Array<{ name: string; in: string }> };
    };
    expect(rtc.get.parameters.map((p) => `${p.in}:${p.name}`).sort()).toEqual([
      'path:channelName',
      'path:role',
      'path:rtcuid',
      'path:tokenType',
      'query:appId',
      'query:expiry',
    ]);
    const getToken = doc.paths['/getToken'] as {
      post: { requestBody: { content: Record<string, { schema: { required: string[] } }> } };
    };
    expect(getToken.post.requestBody.content['application/json']?.schema.required).toEqual(['tokenType']);
  });
});
