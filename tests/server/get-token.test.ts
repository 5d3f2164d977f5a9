import { afterAll, describe, expect, it } from 'vitest';
import { expectServices, NO_CACHE, PUBLISHER, SUBSCRIBER, tokenApp } from './server-helpers.js';

const app = tokenApp();
afterAll(() => app.close());

async function post(payload: unknown, contentType = 'application/json') {
  const body = typeof payload === 'string' ? payload : JSON.stringify(payload);
  const response = await app.inject({
    method: 'POST',
    url: '/getToken',
    payload: body,
    headers: { 'content-type': contentType },
  });
  return { status: response.statusCode, body: response.json() as Record<string, unknown>, headers: response.headers };
}

// Cases ported from agora-token-service's service/http_handlers_POST_test.go.
describe('POST /getToken (http_handlers_POST_test.go)', () => {
  it('TestGenRtcToken: account uid as publisher, numeric uid as subscriber without expire; missing channel or uid is 400', async () => {
    const account = await post({
      tokenType: 'rtc',
      channel: 'my_channel',
      uid: 'user123',
      role: 'publisher',
      expire: 3600,
    });
    expect(account.status).toBe(200);
    expectServices(account.body['token'], 3600, [
      { type: 'rtc', channel: 'my_channel', uid: 'user123', privileges: PUBLISHER(3600) },
    ]);
    const numeric = await post({ tokenType: 'rtc', channel: 'my_channel', uid: '123', role: 'subscriber' });
    expectServices(numeric.body['token'], 3600, [
      { type: 'rtc', channel: 'my_channel', uid: '123', privileges: SUBSCRIBER(3600) },
    ]);
    expect(await post({ tokenType: 'rtc', role: 'publisher', expire: 3600 })).toMatchObject({
      status: 400,
      body: { status: 400, error: 'channel is required', message: 'channel is required' },
    });
    expect(await post({ tokenType: 'rtc', channel: 'my_channel', role: 'subscriber' })).toMatchObject({
      status: 400,
      body: { error: 'uid is required' },
    });
  });

  it('TestGenRtmToken: a user id is 200; a missing user id is 400', async () => {
    const ok = await post({ tokenType: 'rtm', uid: 'user123', expire: 3600 });
    expectServices(ok.body['token'], 3600, [{ type: 'rtm', userId: 'user123', privileges: { login: 3600 } }]);
    expect(await post({ tokenType: 'rtm', expire: 3600 })).toMatchObject({
      status: 400,
      body: { error: 'uid is required' },
    });
  });

  it('TestGenChatToken: app token without uid, user token with uid, default expire', async () => {
    expectServices((await post({ tokenType: 'chat', expire: 3600 })).body['token'], 3600, [
      { type: 'chat', userId: '', privileges: { app: 3600 } },
    ]);
    expectServices((await post({ tokenType: 'chat', uid: 'user123', expire: 600 })).body['token'], 600, [
      { type: 'chat', userId: 'user123', privileges: { user: 600 } },
    ]);
    expectServices((await post({ tokenType: 'chat', uid: 'user123' })).body['token'], 3600, [
      { type: 'chat', userId: 'user123', privileges: { user: 3600 } },
    ]);
  });
});

describe('POST /getToken', () => {
  it('answers {"token"} with the no-cache headers, with or without the trailing slash', async () => {
    const r = await post({ tokenType: 'rtc', channel: 'a', uid: '1', role: 'publisher' });
    expect(Object.keys(r.body)).toEqual(['token']);
    expect(r.headers).toMatchObject(NO_CACHE);
    const slash = await app.inject({ method: 'POST', url: '/getToken/', payload: { tokenType: 'chat' } });
    expect(slash.statusCode).toBe(200);
  });

  it('rtm with a stream channel (also *) grants the channel through an RTC service', async () => {
    expectServices((await post({ tokenType: 'rtm', uid: 'bob', channel: '*', expire: 60 })).body['token'], 60, [
      { type: 'rtc', channel: '*', uid: 'bob', privileges: { joinChannel: 60, publishDataStream: 60 } },
      { type: 'rtm', userId: 'bob', privileges: { login: 60 } },
    ]);
  });

  it('a uid above 4294967295 or with a sign is a user account, as in the Go service', async () => {
    for (const uid of ['4294967296', '-5', '0042x']) {
      expectServices((await post({ tokenType: 'rtc', channel: 'a', uid })).body['token'], 3600, [
        { type: 'rtc', channel: 'a', uid, privileges: SUBSCRIBER(3600) },
      ]);
    }
  });

  it('expire 0 means 3600; negative, fractional or too large expire is 400', async () => {
    expect(await post({ tokenType: 'chat', expire: 0 })).toMatchObject({ status: 200 });
    for (const expire of [-1, 1.5, 4294967296, '60']) {
      const r = await post({ tokenType: 'chat', expire });
      expect(r.status, String(expire)).toBe(400);
      expect(r.body['message']).toMatch(/^expire must be a whole number/);
    }
  });

  it('missing or unknown tokenType, empty, malformed and non-object bodies are 400 JSON', async () => {
    const cases: unknown[] = [
      {},
      { tokenType: 'rtc2' },
      { tokenType: 5 },
      '',
      '{bad json',
      '[]',
      'null',
      '"rtc"',
      '42',
    ];
    for (const payload of cases) {
      const r = await post(payload);
      expect(r.status, JSON.stringify(payload)).toBe(400);
      expect(r.body).toMatchObject({ status: 400 });
      expect(r.body['error']).toBe(r.body['message']);
    }
    expect((await post({ tokenType: 'nope' })).body['error']).toBe(
      'tokenType must be one of rtc, rtm, chat, rtc-rtm, convoai, stt, apaas, fpa',
    );
    const noBody = await app.inject({ method: 'POST', url: '/getToken' });
    expect(noBody.statusCode).toBe(400);
  });

  it('non-string fields are 400 with the field named', async () => {
    expect((await post({ tokenType: 'rtc', channel: 'a', uid: 7 })).body['error']).toBe('uid must be a string');
    expect((await post({ tokenType: 'rtc', channel: ['a'], uid: '7' })).body['error']).toBe('channel must be a string');
  });

  it('parses JSON whatever the Content-Type, like the Go service (curl -d sends a form type)', async () => {
    for (const type of ['application/x-www-form-urlencoded', 'text/plain', 'application/octet-stream']) {
      const r = await post({ tokenType: 'chat', uid: 'u' }, type);
      expect(r.status, type).toBe(200);
    }
  });

  it('ignores unknown fields and rejects prototype poisoning', async () => {
    expect((await post({ tokenType: 'chat', extra: true })).status).toBe(200);
    expect(await post('{"tokenType":"chat","__proto__":{"x":1}}')).toMatchObject({
      status: 400,
      body: { message: 'the request body must be JSON (whatever its Content-Type)' },
    });
    expect((await post('{"tokenType":"chat","\\u005f_proto__":{"x":1}}')).status).toBe(400);
  });

  it('bodies over 16 KiB are 413 JSON; 16 KiB exactly is parsed', async () => {
    const big = JSON.stringify({ tokenType: 'chat', pad: 'x'.repeat(16 * 1024) });
    expect(await post(big)).toMatchObject({ status: 413, body: { status: 413, error: 'Request body is too large' } });
    const base = JSON.stringify({ tokenType: 'chat', pad: '' });
    const exact = JSON.stringify({ tokenType: 'chat', pad: 'x'.repeat(16 * 1024 - base.length) });
    expect(Buffer.byteLength(exact)).toBe(16 * 1024);
    expect((await post(exact)).status).toBe(200);
  });
});
