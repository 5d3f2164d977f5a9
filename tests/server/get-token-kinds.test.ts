import { afterAll, describe, expect, it } from 'vitest';
import { verified, tokenApp } from './server-helpers.js';

/** POST /getToken's *new* tokenTypes, dispatched through the token kinds registry. */
const app = tokenApp();
afterAll(() => app.close());

async function post(payload: Record<string, unknown>) {
  const response = await app.inject({
    method: 'POST',
    url: '/getToken',
    payload: JSON.stringify(payload),
    headers: { 'content-type': 'application/json' },
  });
  return { status: response.statusCode, body: response.json() as Record<string, unknown> };
}
const types = async (payload: Record<string, unknown>) => {
  const r = await post(payload);
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return verified(r.body['token']).services.map((s) => s.type);
};

describe('POST /getToken with the registry kinds', () => {
  it('rtc-rtm, convoai and stt: channel, uid (digits = uid, else account), role, expire', async () => {
    expect(
      await types({ tokenType: 'rtc-rtm', channel: 'room', uid: 'alice', role: 'publisher', expire: 600 }),
    ).toEqual(['rtc', 'rtm']);
    expect(await types({ tokenType: 'convoai', channel: 'room', uid: '1001' })).toEqual(['rtc', 'rtm', 'convoai']);
    expect(await types({ tokenType: 'stt', channel: 'room', uid: 'bot', role: 'subscriber' })).toEqual([
      'rtc',
      'rtm',
      'stt',
    ]);
    const d = verified(
      (await post({ tokenType: 'rtc-rtm', channel: 'room', uid: '7', role: 'subscriber', expire: 60 })).body['token'],
    );
    expect(d.services).toEqual([
      { type: 'rtc', channel: 'room', uid: '7', privileges: { joinChannel: 60 } },
      { type: 'rtm', userId: '7', privileges: { login: 60 } },
    ]);
  });

  it('apaas: channel is the room uuid, uid the user uuid, role the room role number', async () => {
    expect(await types({ tokenType: 'apaas', channel: 'class-1', uid: 'alice', role: '2' })).toEqual([
      'rtm',
      'chat',
      'apaas',
    ]);
    expect(await types({ tokenType: 'apaas', uid: 'alice' })).toEqual(['apaas']);
    expect(await types({ tokenType: 'apaas' })).toEqual(['apaas']);
  });

  it('fpa: no fields', async () => {
    expect(await types({ tokenType: 'fpa' })).toEqual(['fpa']);
  });

  it('their input errors are 400 with the same messages as the CLI and the app', async () => {
    expect(await post({ tokenType: 'rtc-rtm', uid: '1' })).toMatchObject({
      status: 400,
      body: { error: 'channel is required' },
    });
    expect(await post({ tokenType: 'convoai', channel: 'room', uid: '0' })).toMatchObject({
      status: 400,
      body: { error: 'RTM user id is required when the RTC uid is 0' },
    });
    expect(await post({ tokenType: 'apaas', channel: 'class-1', uid: 'alice' })).toMatchObject({
      status: 400,
      body: { error: 'a room token needs the user uuid and role too' },
    });
  });
});
