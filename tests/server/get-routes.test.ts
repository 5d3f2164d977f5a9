import { afterAll, describe, expect, it } from 'vitest';
import { expectServices, NO_CACHE, PUBLISHER, SUBSCRIBER, tokenApp } from './server-helpers.js';

const app = tokenApp();
afterAll(() => app.close());

async function get(url: string) {
  const response = await app.inject({ method: 'GET', url });
  return { status: response.statusCode, body: response.json() as Record<string, unknown>, headers: response.headers };
}

// Cases ported from agora-token-service's service/endpoints_test.go, then the rules.
describe('GET /rtc (agora-token-service endpoints_test.go)', () => {
  it('TestRtcValidAndInvalid: uid 0 with expiry 600 is 200; a text uid or a text expiry is 400', async () => {
    const ok = await get('/rtc/fsda/publisher/uid/0/?expiry=600');
    expect(ok.status).toBe(200);
    expectServices(ok.body['rtcToken'], 600, [{ type: 'rtc', channel: 'fsda', uid: '0', privileges: PUBLISHER(600) }]);
    expect((await get('/rtc/fsda/publisher/uid/test/?expiry=600')).status).toBe(400);
    expect((await get('/rtc/fsda/publisher/uid/0/?expiry=failing')).status).toBe(400);
  });

  it('TestTokentypes: uid and userAccount are 200, anything else 400', async () => {
    expect((await get('/rtc/fsda/publisher/uid/0/')).status).toBe(200);
    const account = await get('/rtc/fsda/publisher/userAccount/0/');
    expect(account.status).toBe(200);
    expectServices(account.body['rtcToken'], 3600, [
      { type: 'rtc', channel: 'fsda', uid: '0', privileges: PUBLISHER(3600) },
    ]);
    const bad = await get('/rtc/fsda/publisher/nonsense/0/');
    expect(bad).toMatchObject({ status: 400, body: { status: 400, error: 'tokenType must be uid or userAccount' } });
  });
});

describe('GET /rtc', () => {
  it('answers the UIKit call without a trailing slash, directly (no redirect)', async () => {
    const r = await get('/rtc/test/publisher/uid/0');
    expect(r.status).toBe(200);
    expect(Object.keys(r.body)).toEqual(['rtcToken']);
    expect(r.headers).toMatchObject(NO_CACHE);
    expect(r.headers['content-type']).toMatch(/^application\/json/);
  });

  it('builds by numeric uid, by account, and treats every role but publisher as subscriber', async () => {
    expectServices((await get('/rtc/room/publisher/uid/4294967295')).body['rtcToken'], 3600, [
      { type: 'rtc', channel: 'room', uid: '4294967295', privileges: PUBLISHER(3600) },
    ]);
    expectServices((await get('/rtc/room/audience/userAccount/alice?expiry=120')).body['rtcToken'], 120, [
      { type: 'rtc', channel: 'room', uid: 'alice', privileges: SUBSCRIBER(120) },
    ]);
    expectServices((await get('/rtc/room/subscriber/uid/7/')).body['rtcToken'], 3600, [
      { type: 'rtc', channel: 'room', uid: '7', privileges: SUBSCRIBER(3600) },
    ]);
  });

  it('reads an empty uid as 0 and decodes percent-encoded channel names', async () => {
    expectServices((await get('/rtc/my%20room/publisher/uid/')).body['rtcToken'], 3600, [
      { type: 'rtc', channel: 'my room', uid: '0', privileges: PUBLISHER(3600) },
    ]);
  });

  it('rejects out-of-range and signed uids, bad channels and bad expiries with the engine message', async () => {
    for (const uid of ['4294967296', '-1', '1.5', '0x10']) {
      const r = await get(`/rtc/room/publisher/uid/${uid}`);
      expect(r, uid).toMatchObject({ status: 400, body: { error: 'uid must be a whole number from 0 to 4294967295' } });
    }
    const longChannel = await get(`/rtc/${'c'.repeat(65)}/publisher/uid/1`);
    expect(longChannel).toMatchObject({ status: 400, body: { error: 'channel must be at most 64 bytes' } });
    const badChars = await get('/rtc/%E2%9C%93/publisher/uid/1');
    expect(badChars.status).toBe(400);
    expect(badChars.body['message']).toMatch(/^channel may contain only/);
    for (const expiry of ['-1', '1.5', '4294967296', '', 'abc', '1&expiry=2']) {
      const r = await get(`/rtc/room/publisher/uid/1?expiry=${expiry}`);
      expect(r.status, expiry).toBe(400);
      expect(r.body['message'], expiry).toMatch(/^expiry /);
    }
  });

  it('expiry 0 and 4294967295 are accepted: 0 means the default 3600', async () => {
    expectServices((await get('/rtc/room/publisher/uid/1?expiry=0')).body['rtcToken'], 3600, [
      { type: 'rtc', channel: 'room', uid: '1', privileges: PUBLISHER(3600) },
    ]);
    expect((await get('/rtc/room/publisher/uid/1?expiry=4294967295')).status).toBe(200);
  });
});

describe('GET /rtm (endpoints_test.go TestRtmValidAndInvalid)', () => {
  it('a user name is 200, uid 0 is 400', async () => {
    const ok = await get('/rtm/username/?expiry=600');
    expect(ok.status).toBe(200);
    expectServices(ok.body['rtmToken'], 600, [{ type: 'rtm', userId: 'username', privileges: { login: 600 } }]);
    expect(await get('/rtm/0/?expiry=600')).toMatchObject({
      status: 400,
      body: { status: 400, error: 'rtmuid must not be 0' },
    });
  });

  it('works without the trailing slash and rejects an over-long user id', async () => {
    expect((await get('/rtm/bob')).status).toBe(200);
    expect(await get(`/rtm/${'u'.repeat(65)}`)).toMatchObject({
      status: 400,
      body: { error: 'user id must be at most 64 bytes' },
    });
  });
});

describe('GET /rte (endpoints_test.go TestRteValidAndInvalid)', () => {
  it('uid 0 with an RTM uid is 200; a non-zero uid alone is 200; uid 0 alone and a text expiry are 400', async () => {
    const withRtm = await get('/rte/channelName/publisher/uid/0/rtmid/?expiry=600');
    expect(withRtm.status).toBe(200);
    expectServices(withRtm.body['rtcToken'], 600, [
      { type: 'rtc', channel: 'channelName', uid: '0', privileges: PUBLISHER(600) },
    ]);
    // The RTM token carries the channel as its stream channel.
    expectServices(withRtm.body['rtmToken'], 600, [
      { type: 'rtc', channel: 'channelName', uid: 'rtmid', privileges: { joinChannel: 600, publishDataStream: 600 } },
      { type: 'rtm', userId: 'rtmid', privileges: { login: 600 } },
    ]);
    const alone = await get('/rte/channelName/publisher/uid/2345/?expiry=600');
    expect(alone.status).toBe(200);
    expectServices(alone.body['rtmToken'], 600, [
      { type: 'rtc', channel: 'channelName', uid: '2345', privileges: { joinChannel: 600, publishDataStream: 600 } },
      { type: 'rtm', userId: '2345', privileges: { login: 600 } },
    ]);
    expect(await get('/rte/channelName/publisher/uid/0/?expiry=600')).toMatchObject({
      status: 400,
      body: { error: 'rtmuid is required when the RTC uid is 0' },
    });
    expect((await get('/rte/channelName/publisher/uid/2345/?expiry=failing')).status).toBe(400);
  });

  it('answers without trailing slashes, by account, and as subscriber', async () => {
    const r = await get('/rte/room/subscriber/userAccount/alice');
    expect(Object.keys(r.body)).toEqual(['rtcToken', 'rtmToken']);
    expectServices(r.body['rtcToken'], 3600, [
      { type: 'rtc', channel: 'room', uid: 'alice', privileges: SUBSCRIBER(3600) },
    ]);
    expect((await get('/rte/room/publisher/uid/')).status).toBe(400);
    expect((await get('/rte/room/publisher/uid/5/bob')).status).toBe(200);
  });
});

describe('GET /chat (endpoints_test.go TestChatValidAndInvalid, with 404 for missing routes)', () => {
  it('app and account tokens are 200; /chat/account/ and /chat/invalid/ are 404', async () => {
    const app_ = await get('/chat/app/');
    expect(app_.status).toBe(200);
    expectServices(app_.body['chatToken'], 3600, [{ type: 'chat', userId: '', privileges: { app: 3600 } }]);
    const user = await get('/chat/account/username/?expiry=900');
    expect(user.status).toBe(200);
    expectServices(user.body['chatToken'], 900, [{ type: 'chat', userId: 'username', privileges: { user: 900 } }]);
    expect((await get('/chat/account/')).status).toBe(404);
    expect((await get('/chat/invalid/')).status).toBe(404);
  });

  it('works without trailing slashes and rejects a text expiry', async () => {
    expect((await get('/chat/app')).status).toBe(200);
    expect((await get('/chat/account/bob')).status).toBe(200);
    expect((await get('/chat/app?expiry=soon')).status).toBe(400);
  });
});

describe('GET /ping', () => {
  it('answers pong with and without the slash', async () => {
    for (const url of ['/ping', '/ping/'])
      expect(await get(url)).toMatchObject({ status: 200, body: { message: 'pong' } });
  });
});
