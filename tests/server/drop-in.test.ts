import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalTokenServer } from '../../shared/server/local-token-server.js';
import { createTokenApp } from '../../shared/server/token-app.js';
import { CREDENTIALS, expectServices, PUBLISHER, SUBSCRIBER, tokenApp, verified } from './server-helpers.js';

const app = tokenApp();
afterAll(() => app.close());

async function post(payload: unknown, headers: Record<string, string> = { 'content-type': 'application/json' }) {
  const body = typeof payload === 'string' ? payload : JSON.stringify(payload);
  const response = await app.inject({ method: 'POST', url: '/getToken', payload: body, headers });
  return { status: response.statusCode, body: response.json() as Record<string, unknown> };
}

describe('POST /getToken reads what real clients send, as the Go service does', () => {
  it('null in any optional field means absent (Jackson, Newtonsoft, System.Text.Json, kotlinx)', async () => {
    const rtc = await post({ tokenType: 'rtc', channel: 'c', role: null, uid: '7', expire: null });
    expect(rtc.status).toBe(200);
    expectServices(rtc.body['token'], 3600, [{ type: 'rtc', channel: 'c', uid: '7', privileges: SUBSCRIBER(3600) }]);
    // Go gives the app token here; the uid was null, not a user.
    const chat = await post({ tokenType: 'chat', uid: null, channel: null, appId: null });
    expect(chat.status).toBe(200);
    expect(verified(chat.body['token']).services).toEqual([{ type: 'chat', userId: '', privileges: { app: 3600 } }]);
    // Required ones stay required when null.
    expect(await post({ tokenType: 'rtc', channel: null, uid: '1' })).toMatchObject({
      status: 400,
      body: { error: 'channel is required' },
    });
  });

  it('keys match in any letter case; when a field comes in several cases the last one wins; null never overrides', async () => {
    const user = await post({ tokenType: 'chat', Uid: 'alice' });
    expect(verified(user.body['token']).services).toEqual([
      { type: 'chat', userId: 'alice', privileges: { user: 3600 } },
    ]);
    const shouty = await post({ TOKENTYPE: 'rtc', CHANNEL: 'c', ROLE: 'publisher', UID: '5', EXPIRE: 60 });
    expectServices(shouty.body['token'], 60, [{ type: 'rtc', channel: 'c', uid: '5', privileges: PUBLISHER(60) }]);
    const lastWins = await post({ tokentype: 'rtm', uid: 'first', UID: 'second' });
    expect(verified(lastWins.body['token']).services).toMatchObject([{ type: 'rtm', userId: 'second' }]);
    const nullIgnored = await post({ tokenType: 'rtm', Uid: 'kept', uid: null });
    expect(verified(nullIgnored.body['token']).services).toMatchObject([{ type: 'rtm', userId: 'kept' }]);
    // Go folds the Kelvin sign to k.
    const kelvin = await post({ toKenType: 'chat' });
    expect(kelvin.status).toBe(200);
  });

  it('a uid of digits with leading zeros is that uid, whatever its length, on POST and GET', async () => {
    const posted = await post({ tokenType: 'rtc', channel: 'c', uid: '00000000001' });
    expect(verified(posted.body['token']).services).toMatchObject([{ type: 'rtc', uid: '1' }]);
    const padded = await post({ tokenType: 'rtc', channel: 'c', uid: `${'0'.repeat(30)}4294967295` });
    expect(verified(padded.body['token']).services).toMatchObject([{ type: 'rtc', uid: '4294967295' }]);
    // Out of range stays an account, as before.
    const account = await post({ tokenType: 'rtc', channel: 'c', uid: '4294967296' });
    expect(verified(account.body['token']).services).toMatchObject([{ type: 'rtc', uid: '4294967296' }]);
    const got = await app.inject({ url: `/rtc/c/publisher/uid/${'0'.repeat(20)}42` });
    expect(verified(got.json().rtcToken).services).toMatchObject([{ type: 'rtc', uid: '42' }]);
  });

  it('reads the body as JSON whatever the Content-Type, or none; a body that is not JSON is 400', async () => {
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'application/octet-stream']) {
      expect((await post({ tokenType: 'chat' }, { 'content-type': type })).status, type).toBe(200);
    }
    expect((await post({ tokenType: 'chat' }, {})).status).toBe(200);
    const form = await post('tokenType=rtc&channel=c&uid=1', { 'content-type': 'application/x-www-form-urlencoded' });
    expect(form).toMatchObject({
      status: 400,
      body: { status: 400, message: 'the request body must be JSON (whatever its Content-Type)' },
    });
    expect((await post('[1,2]')).body['message']).toBe('the request body must be a JSON object with tokenType');
  });
});

describe('several profiles on one server', () => {
  const OTHER = { appId: 'aabbccddeeff00112233445566778899', appCertificate: '00112233445566778899aabbccddeeff' };
  const multi = createTokenApp({ credentials: [CREDENTIALS, OTHER] });
  afterAll(() => multi.close());

  const appIdOf = (token: string) => (JSON.parse(JSON.stringify({ token })) as { token: string }).token;

  it('appId picks the project (body field on POST, ?appId= on GET); none means the first; unknown is 404', async () => {
    const { decodeToken } = await import('../../shared/token/index.js');
    const first = await multi.inject({ url: '/rtc/c/publisher/uid/1' });
    expect(decodeToken(appIdOf(first.json().rtcToken)).appId).toBe(CREDENTIALS.appId);
    const second = await multi.inject({ url: `/rtc/c/publisher/uid/1?appId=${OTHER.appId.toUpperCase()}` });
    const decoded = decodeToken(second.json().rtcToken, { appCertificate: OTHER.appCertificate });
    expect([decoded.appId, decoded.signature]).toEqual([OTHER.appId, 'valid']);
    const posted = await multi.inject({
      method: 'POST',
      url: '/getToken',
      payload: { tokenType: 'chat', AppId: OTHER.appId },
    });
    expect(decodeToken(posted.json().token).appId).toBe(OTHER.appId);
    for (const url of ['/chat/app?appId=ffffffffffffffffffffffffffffffff', '/rtm/u?appId=nope']) {
      const unknown = await multi.inject({ url });
      expect(unknown.statusCode, url).toBe(404);
      expect(unknown.json().message).toMatch(/^App ID .* is not served here$/);
    }
  });

  it('refuses the same App ID twice at start', () => {
    expect(() => createTokenApp({ credentials: [CREDENTIALS, { ...CREDENTIALS }] })).toThrow(/served twice/);
  });
});

describe('drop-in cases over a real socket', () => {
  let server: LocalTokenServer;
  beforeAll(async () => {
    server = await LocalTokenServer.start({ credentials: CREDENTIALS, port: 0 });
  });
  afterAll(() => server.close());

  function raw(
    method: string,
    path: string,
    headers: Record<string, string>,
    body?: string,
  ): Promise<{ status: number; json: Record<string, unknown> }> {
    return new Promise((resolve, reject) => {
      const req = httpRequest({ host: '127.0.0.1', port: server.port, method, path, headers }, (res) => {
        let text = '';
        res.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, json: JSON.parse(text) as Record<string, unknown> }),
        );
      });
      req.on('error', reject);
      req.end(body);
    });
  }

  it('a POST without Content-Type, with nulls and odd key case, answers like Go', async () => {
    const body = JSON.stringify({ TokenType: 'chat', UID: 'bob', expire: null });
    const { status, json } = await raw(
      'POST',
      '/getToken',
      { 'content-length': String(Buffer.byteLength(body)) },
      body,
    );
    expect(status).toBe(200);
    expect(verified(json['token']).services).toEqual([{ type: 'chat', userId: 'bob', privileges: { user: 3600 } }]);
  });

  it('raw non-ASCII bytes in the path are refused by the Node parser, answered in our JSON shape (a known difference from Go)', async () => {
    const { connect } = await import('node:net');
    const socket = connect(server.port, '127.0.0.1');
    socket.write(
      Buffer.concat([
        Buffer.from('GET /rtm/jos'),
        Buffer.from('é', 'utf8'),
        Buffer.from(' HTTP/1.1\r\nHost: localhost\r\n\r\n'),
      ]),
    );
    const text = await new Promise<string>((resolve) => {
      let data = '';
      socket.setEncoding('utf8').on('data', (chunk: string) => (data += chunk));
      socket.on('close', () => resolve(data));
    });
    expect(text).toMatch(/^HTTP\/1\.1 400 /);
    expect(JSON.parse(text.slice(text.indexOf('\r\n\r\n') + 4))).toMatchObject({
      status: 400,
      message: expect.stringMatching(/Invalid char in url/),
    });
    // Percent-encoded, the same name works.
    const { status, json } = await raw('GET', '/rtm/jos%C3%A9?expiry=60', {});
    expect(status).toBe(200);
    expect(verified(json['rtmToken']).services).toMatchObject([{ type: 'rtm', userId: 'josé' }]);
  });
});
