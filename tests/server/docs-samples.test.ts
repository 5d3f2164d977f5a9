import Fastify, { type RouteOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalTokenServer } from '../../shared/server/local-token-server.js';
import { CHAT_ANSWERS } from '../../shared/server/docs-samples/chat-answers.js';
import { DOCS_SAMPLE_ROUTES, registerDocsSampleRoutes } from '../../shared/server/docs-samples/register.js';
import type { ServiceInfo } from '../../shared/token/index.js';
import { CREDENTIALS, NO_CACHE, PUBLISHER, SUBSCRIBER, verified } from './server-helpers.js';

// Clients written from the sample token servers in Agora's docs, against a listening server.
let server: LocalTokenServer;
beforeAll(async () => {
  server = await LocalTokenServer.start({ credentials: CREDENTIALS, port: 0 });
});
afterAll(async () => {
  await server.close();
});

interface Answer {
  status: number;
  type: string;
  text: string;
  json: Record<string, unknown>;
  headers: Headers;
}

async function call(
  method: string,
  path: string,
  init: { json?: unknown; body?: string; type?: string } = {},
): Promise<Answer> {
  const headers: Record<string, string> = {};
  let body: string | undefined = init.body;
  if (init.json !== undefined) {
    body = JSON.stringify(init.json);
    headers['content-type'] = 'application/json';
  }
  if (init.type !== undefined) headers['content-type'] = init.type;
  const response = await fetch(`${server.url}${path}`, { method, headers, body });
  const text = await response.text();
  const type = response.headers.get('content-type') ?? '';
  const json = type.startsWith('application/json') ? (JSON.parse(text) as Record<string, unknown>) : {};
  return { status: response.status, type, text, json, headers: response.headers };
}

/** A token signed with our certificate, issued during the test, granting exactly these services. */
function expectToken(token: unknown, expire: number, services: ServiceInfo[], since: number): void {
  const decoded = verified(token);
  expect(decoded.expire).toBe(expire);
  expect(decoded.issuedAt).toBeGreaterThanOrEqual(since);
  expect(decoded.issuedAt).toBeLessThanOrEqual(Math.ceil(Date.now() / 1000));
  expect(decoded.services).toEqual(services);
}

const now = () => Math.floor(Date.now() / 1000);

function expectOurError(answer: Answer, status: number, message: RegExp | string): void {
  expect(answer.status).toBe(status);
  expect(answer.type).toMatch(/^application\/json/);
  expect(answer.json['status']).toBe(status);
  expect(answer.json['error']).toEqual(answer.json['message']);
  if (typeof message === 'string') expect(answer.json['message']).toBe(message);
  else expect(answer.json['message']).toMatch(message);
  expect(Object.fromEntries(answer.headers)).toMatchObject(NO_CACHE);
}

describe('POST /fetch_rtc_token (token-server guide, Go sample)', () => {
  it('answers the sample body with {"token","code":"200"}: role 1 publishes, 2 joins only', async () => {
    const since = now();
    const publisher = await call('POST', '/fetch_rtc_token', {
      json: { uid: 123456, ChannelName: 'ChannelA', role: 1 },
    });
    expect(publisher.status).toBe(200);
    expect(Object.keys(publisher.json).sort()).toEqual(['code', 'token']);
    expect(publisher.json['code']).toBe('200');
    expectToken(
      publisher.json['token'],
      3600,
      [{ type: 'rtc', channel: 'ChannelA', uid: '123456', privileges: PUBLISHER(3600) }],
      since,
    );
    expect(Object.fromEntries(publisher.headers)).toMatchObject(NO_CACHE);

    const subscriber = await call('POST', '/fetch_rtc_token/', {
      json: { uid: 7, ChannelName: 'ChannelA', role: 2, expire: 600 },
    });
    expectToken(
      subscriber.json['token'],
      600,
      [{ type: 'rtc', channel: 'ChannelA', uid: '7', privileges: SUBSCRIBER(600) }],
      since,
    );
  });

  it('matches keys in any letter case, like the Go decoder; null is absent; a later duplicate wins', async () => {
    const since = now();
    for (const body of [
      '{"uid": 9, "channelName": "room", "role": 1}',
      '{"UID": 9, "CHANNELNAME": "room", "Role": 1}',
      '{"uid": 9, "channelname": "other", "ChannelName": "room", "role": 1, "expire": null}',
    ]) {
      const answer = await call('POST', '/fetch_rtc_token', { body, type: 'application/json; charset=UTF-8' });
      expect(answer.status, body).toBe(200);
      expectToken(
        answer.json['token'],
        3600,
        [{ type: 'rtc', channel: 'room', uid: '9', privileges: PUBLISHER(3600) }],
        since,
      );
    }
    // No role, no uid: the sample's zero values, join-only for uid 0. Curl's default form type still reads as JSON.
    const bare = await call('POST', '/fetch_rtc_token', {
      body: '{"channelName":"room"}',
      type: 'application/x-www-form-urlencoded',
    });
    expectToken(
      bare.json['token'],
      3600,
      [{ type: 'rtc', channel: 'room', uid: '0', privileges: SUBSCRIBER(3600) }],
      since,
    );
  });

  it("wrong input: 400 with the sample's code as a string and our status, error and message", async () => {
    const cases: [string, string | RegExp][] = [
      ['{bad', /JSON/],
      ['', 'the request body must be a JSON object with uid, ChannelName and role'],
      ['[1]', 'the request body must be a JSON object with uid, ChannelName and role'],
      ['{"uid": 1, "role": 1}', 'channel is required'],
      ['{"uid": "1", "ChannelName": "room", "role": 1}', 'uid must be a whole number from 0 to 4294967295'],
      ['{"uid": 4294967296, "ChannelName": "room", "role": 1}', 'uid must be a whole number from 0 to 4294967295'],
      ['{"uid": 1, "ChannelName": "room", "role": 3}', 'role must be 1 (publisher) or 2 (subscriber)'],
      ['{"uid": 1, "ChannelName": "room", "role": "1"}', 'role must be 1 (publisher) or 2 (subscriber)'],
      ['{"uid": 1, "ChannelName": "bad/name", "role": 1}', /^channel may contain only/],
      ['{"uid": 1, "ChannelName": "room", "expire": -5}', /^expire must be a whole number/],
    ];
    for (const [body, message] of cases) {
      const answer = await call('POST', '/fetch_rtc_token', { body, type: 'application/json' });
      expectOurError(answer, 400, message);
      expect(answer.json['code'], body).toBe('400');
    }
    const unknownApp = await call('POST', '/fetch_rtc_token', {
      body: `{"uid": 1, "ChannelName": "room", "appId": "${'0'.repeat(32)}"}`,
      type: 'application/json',
    });
    expectOurError(unknownApp, 404, /is not served here$/);
    expect(unknownApp.json['code']).toBe('404');
    const tooBig = await call('POST', '/fetch_rtc_token', {
      body: JSON.stringify({ ChannelName: 'x'.repeat(20_000) }),
      type: 'application/json',
    });
    expectOurError(tooBig, 413, /too large/i);
    expect(tooBig.json['code']).toBe('413');
  });

  it("OPTIONS and origins follow the server's CORS rules; a GET is 404", async () => {
    const preflight = await fetch(`${server.url}/fetch_rtc_token`, { method: 'OPTIONS' });
    expect(preflight.status).toBe(204);
    const foreign = await fetch(`${server.url}/fetch_rtc_token`, {
      method: 'POST',
      headers: { origin: 'https://elsewhere.example', 'content-type': 'application/json' },
      body: '{"ChannelName":"room"}',
    });
    expect(foreign.status).toBe(403);
    expect((await call('GET', '/fetch_rtc_token')).status).toBe(404);
  });
});

describe('Chat, Go sample: POST /generate-user-token and /generate-app-token', () => {
  it('builds a Chat user token for user_uuid and an app token, answered as {"token"}', async () => {
    const since = now();
    const user = await call('POST', '/generate-user-token', { json: { user_uuid: 'alice', expire: 600 } });
    expect(user.status).toBe(200);
    expect(Object.keys(user.json)).toEqual(['token']);
    expectToken(user.json['token'], 600, [{ type: 'chat', userId: 'alice', privileges: { user: 600 } }], since);
    const app = await call('POST', '/generate-app-token/', { json: { expire: 900 } });
    expect(Object.keys(app.json)).toEqual(['token']);
    expectToken(app.json['token'], 900, [{ type: 'chat', userId: '', privileges: { app: 900 } }], since);
    const appDefault = await call('POST', '/generate-app-token', { json: {} });
    expectToken(appDefault.json['token'], 3600, [{ type: 'chat', userId: '', privileges: { app: 3600 } }], since);
  });

  it('wrong input: a body that is not JSON, a missing user_uuid or a bad expire is 400', async () => {
    for (const path of ['/generate-user-token', '/generate-app-token']) {
      expectOurError(await call('POST', path, { body: 'not json', type: 'application/json' }), 400, /JSON/);
      expectOurError(await call('POST', path, { body: '' }), 400, /^the request body must be a JSON object/);
      expectOurError(
        await call('POST', path, { json: { user_uuid: 'a', expire: 'soon' } }),
        400,
        /^expire must be a whole number/,
      );
    }
    expectOurError(await call('POST', '/generate-user-token', { json: { expire: 60 } }), 400, 'user_uuid is required');
    expectOurError(
      await call('POST', '/generate-user-token', { json: { user_uuid: 'u'.repeat(65) } }),
      400,
      'user_uuid must be at most 64 bytes',
    );
  });
});

describe('Chat, Node.js and Python samples: GET /api/token/generateUserToken and generateAppToken', () => {
  it('answers {"status":"success","token"} with a user token for account (not the Node sample\'s app token)', async () => {
    const since = now();
    const user = await call('GET', '/api/token/generateUserToken?account=bob&expireTimeInSeconds=1200');
    expect(user.status).toBe(200);
    expect(user.json['status']).toBe('success');
    expect(Object.keys(user.json).sort()).toEqual(['status', 'token']);
    expectToken(user.json['token'], 1200, [{ type: 'chat', userId: 'bob', privileges: { user: 1200 } }], since);
    const app = await call('GET', '/api/token/generateAppToken/?expireTimeInSeconds=300');
    expect(app.json['status']).toBe('success');
    expectToken(app.json['token'], 300, [{ type: 'chat', userId: '', privileges: { app: 300 } }], since);
    const appDefault = await call('GET', '/api/token/generateAppToken');
    expectToken(appDefault.json['token'], 3600, [{ type: 'chat', userId: '', privileges: { app: 3600 } }], since);
  });

  it('wrong input: a missing account is 400 with {"error"} and our keys; so is a bad expiry', async () => {
    for (const query of ['', '?account=', '?expireTimeInSeconds=60']) {
      expectOurError(await call('GET', `/api/token/generateUserToken${query}`), 400, 'account is required');
    }
    expectOurError(
      await call('GET', '/api/token/generateUserToken?account=a&account=b'),
      400,
      'account must be given once, as text',
    );
    for (const expiry of ['-1', 'abc', '1.5', '4294967296']) {
      expectOurError(
        await call('GET', `/api/token/generateAppToken?expireTimeInSeconds=${expiry}`),
        400,
        /^expireTimeInSeconds /,
      );
    }
  });
});

describe('Chat, Java sample: POST /token/generate', () => {
  it('reads form fields or query parameters and answers the token alone as text/plain', async () => {
    const since = now();
    const form = await call('POST', '/token/generate', {
      body: 'userId=carol&expireSeconds=700',
      type: 'application/x-www-form-urlencoded',
    });
    expect(form.status).toBe(200);
    expect(form.type).toMatch(/^text\/plain/);
    expectToken(form.text, 700, [{ type: 'chat', userId: 'carol', privileges: { user: 700 } }], since);
    const query = await call('POST', '/token/generate?userId=dave&expireSeconds=800&tokenType=USER');
    expectToken(query.text, 800, [{ type: 'chat', userId: 'dave', privileges: { user: 800 } }], since);
    const app = await call('POST', '/token/generate?expireSeconds=900', {
      body: 'tokenType=App',
      type: 'application/x-www-form-urlencoded',
    });
    expect(app.type).toMatch(/^text\/plain/);
    expectToken(app.text, 900, [{ type: 'chat', userId: '', privileges: { app: 900 } }], since);
    // Field names are data, even one named __proto__ or toString.
    const odd = await call('POST', '/token/generate?toString=1', {
      body: '__proto__=x&__proto__=y&userId=erin&expireSeconds=60',
      type: 'application/x-www-form-urlencoded',
    });
    expectToken(odd.text, 60, [{ type: 'chat', userId: 'erin', privileges: { user: 60 } }], since);
  });

  it('wrong input: a bad tokenType, a missing expireSeconds or userId is 400 in our JSON', async () => {
    const form = (body: string) => call('POST', '/token/generate', { body, type: 'application/x-www-form-urlencoded' });
    expectOurError(await form('userId=a&expireSeconds=60&tokenType=admin'), 400, 'tokenType must be user or app');
    expectOurError(await form('userId=a'), 400, 'expireSeconds must be given once, as a whole number of seconds');
    expectOurError(await form('userId=a&expireSeconds=soon'), 400, /^expireSeconds must be a whole number/);
    expectOurError(await form('expireSeconds=60'), 400, 'userId is required');
    expectOurError(
      await call('POST', '/token/generate?expireSeconds=60', {
        body: 'expireSeconds=70&userId=a',
        type: 'application/x-www-form-urlencoded',
      }),
      400,
      /^expireSeconds must be given once/,
    );
  });
});

describe('route list for GET / and /openapi.json', () => {
  it('names every registered docs route once, and each answers (not 404) on the real server', async () => {
    expect(DOCS_SAMPLE_ROUTES.map((route) => `${route.method} ${route.path}`)).toEqual([
      'POST /fetch_rtc_token',
      'POST /generate-user-token',
      'POST /generate-app-token',
      'GET /api/token/generateUserToken',
      'GET /api/token/generateAppToken',
      'POST /token/generate',
    ]);
    for (const route of DOCS_SAMPLE_ROUTES) {
      expect((await call(route.method, route.path)).status, route.path).not.toBe(404);
    }
  });
});

describe('registerDocsSampleRoutes', () => {
  it('marks every route as a token route with its kind, and asks the credentials source for the appId sent', async () => {
    const app = Fastify();
    const seen: RouteOptions[] = [];
    app.addHook('onRoute', (route) => {
      if (route.method !== 'HEAD') seen.push(route);
    });
    const asked: (string | undefined)[] = [];
    const granted: unknown[] = [];
    registerDocsSampleRoutes(app, () => ({
      source: {
        resolve: (appId: string | undefined) => {
          asked.push(appId);
          return CREDENTIALS;
        },
        appIds: () => [CREDENTIALS.appId],
      },
      authorize: (grant) => granted.push(grant),
    }));
    await app.ready();
    expect(seen.map((route) => [`${String(route.method)} ${route.url}`, route.config])).toEqual(
      DOCS_SAMPLE_ROUTES.map((route) => [
        `${route.method} ${route.path}`,
        expect.objectContaining({ tokenRoute: true, kind: route.kind }),
      ]),
    );
    const response = await app.inject({ method: 'GET', url: `/api/token/generateAppToken?appId=${CREDENTIALS.appId}` });
    expect(response.statusCode).toBe(200);
    expect(asked).toEqual([CREDENTIALS.appId]);
    expect(granted).toEqual([{ user: undefined, channel: undefined }]);
    const user = await app.inject({ method: 'POST', url: '/generate-user-token', payload: { user_uuid: 'alice' } });
    expect(user.statusCode).toBe(200);
    expect(granted.at(-1)).toEqual({ user: 'alice', channel: undefined });
    await app.close();
  });

  it('makes the JSON Chat routes from the route list: each has an answer, and no answer is for a route not listed', () => {
    const jsonChat = DOCS_SAMPLE_ROUTES.filter((route) => route.sample === 'chat-go' || route.sample === 'chat-node');
    expect(Object.keys(CHAT_ANSWERS).sort()).toEqual(jsonChat.map((route) => route.path).sort());
  });
});
