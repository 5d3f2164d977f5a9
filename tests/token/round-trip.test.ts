import { describe, expect, it } from 'vitest';
import {
  buildChatToken,
  buildRtcToken,
  buildRteTokens,
  buildRtmToken,
  decodeToken,
  type DecodedToken,
  type DecodedToken007,
} from '../../shared/token/index.js';
import { VECTOR_CREDENTIALS as C } from '../fixtures/agora-vectors.js';
import { tamper007 } from '../fixtures/tamper.js';

const OTHER_CERT = 'ffffffffffffffffffffffffffffffff';
const cert = { appCertificate: C.appCertificate };

function as007(decoded: DecodedToken): DecodedToken007 {
  if (decoded.version !== '007') throw new Error(`expected a 007 token, got ${decoded.version}`);
  return decoded;
}

function roundTrip(token: string): DecodedToken007 {
  expect(decodeToken(token, { appCertificate: OTHER_CERT }).signature).toBe('invalid');
  expect(decodeToken(token).signature).toBe('unchecked');
  const decoded = as007(decodeToken(token, cert));
  expect(decoded.signature).toBe('valid');
  expect(decoded.appId).toBe(C.appId);
  return decoded;
}

describe('build then decode gives back what was asked', () => {
  it('RTC publisher by uid, default expiry', () => {
    const built = buildRtcToken(C, { channel: 'demo', uid: 4294967295 });
    const d = roundTrip(built.token);
    expect(d.expire).toBe(3600);
    expect(d.issuedAt).toBe(built.issuedAt);
    expect(d.services).toEqual([
      {
        type: 'rtc',
        channel: 'demo',
        uid: '4294967295',
        privileges: { joinChannel: 3600, publishAudioStream: 3600, publishVideoStream: 3600, publishDataStream: 3600 },
      },
    ]);
  });

  it('RTC subscriber by account, expiry 0 means the default', () => {
    const d = roundTrip(
      buildRtcToken(C, { channel: 'a-b_c', account: 'user@example', role: 'subscriber', expire: 0 }).token,
    );
    expect(d.expire).toBe(3600);
    expect(d.services).toEqual([
      { type: 'rtc', channel: 'a-b_c', uid: 'user@example', privileges: { joinChannel: 3600 } },
    ]);
  });

  it('RTC with privilege expiry and per-privilege overrides', () => {
    const d = roundTrip(
      buildRtcToken(C, { channel: 'c', uid: 5, expire: 7200, privilegeExpire: 600, privileges: { video: 60, data: 0 } })
        .token,
    );
    expect(d.expire).toBe(7200);
    expect(d.services[0]?.privileges).toEqual({
      joinChannel: 600,
      publishAudioStream: 600,
      publishVideoStream: 60,
      publishDataStream: 600,
    });
  });

  it('RTM without a channel carries only the RTM service', () => {
    const d = roundTrip(buildRtmToken(C, { userId: 'alice', expire: 86400 }).token);
    expect(d.services).toEqual([{ type: 'rtm', userId: 'alice', privileges: { login: 86400 } }]);
  });

  it.each(['lobby', '*'])('RTM with stream channel %s also carries RTC join + data for the user', (channel) => {
    const d = roundTrip(buildRtmToken(C, { userId: 'alice', channel, expire: 500 }).token);
    expect(d.services).toEqual([
      { type: 'rtc', channel, uid: 'alice', privileges: { joinChannel: 500, publishDataStream: 500 } },
      { type: 'rtm', userId: 'alice', privileges: { login: 500 } },
    ]);
  });

  it('RTE pair: RTM user defaults to the RTC uid, channel is the stream channel', () => {
    const pair = buildRteTokens(C, { channel: 'room', uid: 77, role: 'subscriber', expire: 900 });
    expect(pair.rtmUserId).toBe('77');
    expect(roundTrip(pair.rtcToken).services).toEqual([
      { type: 'rtc', channel: 'room', uid: '77', privileges: { joinChannel: 900 } },
    ]);
    const rtm = roundTrip(pair.rtmToken);
    expect(rtm.services.map((s) => s.type)).toEqual(['rtc', 'rtm']);
    expect(rtm.services[1]).toEqual({ type: 'rtm', userId: '77', privileges: { login: 900 } });
  });

  it('RTE pair with an explicit RTM user and uid 0', () => {
    const pair = buildRteTokens(C, { channel: 'room', uid: 0, rtmUserId: 'bob' });
    expect(roundTrip(pair.rtcToken).services[0]).toMatchObject({ uid: '0' });
    expect(roundTrip(pair.rtmToken).services[1]).toEqual({ type: 'rtm', userId: 'bob', privileges: { login: 3600 } });
  });

  it('Chat user and app tokens', () => {
    expect(roundTrip(buildChatToken(C, { userId: 'u1', expire: 60 }).token).services).toEqual([
      { type: 'chat', userId: 'u1', privileges: { user: 60 } },
    ]);
    expect(roundTrip(buildChatToken(C, {}).token).services).toEqual([
      { type: 'chat', userId: '', privileges: { app: 3600 } },
    ]);
  });

  it('accepts an upper-case certificate and App ID as typed in the console', () => {
    const upper = { appId: C.appId.toUpperCase(), appCertificate: C.appCertificate.toUpperCase() };
    const d = as007(decodeToken(buildChatToken(upper, {}).token, { appCertificate: upper.appCertificate }));
    expect(d.signature).toBe('valid');
  });

  it('a tampered token decodes with the altered field and does not verify', () => {
    const token = buildRtcToken(C, { channel: 'paid-room', uid: 1 }).token;
    const tampered = tamper007(token, 'paid-room', 'free-room');
    const decoded = as007(decodeToken(tampered, cert));
    expect(decoded.services[0]).toMatchObject({ channel: 'free-room' });
    expect(decoded.signature).toBe('invalid');
  });
});
