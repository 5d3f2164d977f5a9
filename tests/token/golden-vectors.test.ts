import { describe, expect, it } from 'vitest';
import { buildChatAppToken, buildChatUserToken, buildRtcToken, decodeToken } from '../../shared/token/index.js';
import * as v from '../fixtures/agora-vectors.js';

const fixed = { issuedAt: v.VECTOR_TS, salt: v.VECTOR_SALT };

describe('built tokens equal the published reference vectors', () => {
  it('RTC by uid, join only (subscriber)', () => {
    const built = buildRtcToken(
      v.VECTOR_CREDENTIALS,
      { channel: v.VECTOR_CHANNEL, uid: v.VECTOR_UID, role: 'subscriber', expire: v.VECTOR_EXPIRE },
      fixed,
    );
    expect(built.token).toBe(v.RTC_UID_JOIN_007);
    expect(built).toMatchObject({ issuedAt: v.VECTOR_TS, expire: 600, expiresAt: v.VECTOR_TS + 600 });
  });

  it('RTC by account encodes the account exactly as the same digits by uid', () => {
    const built = buildRtcToken(
      v.VECTOR_CREDENTIALS,
      { channel: v.VECTOR_CHANNEL, account: String(v.VECTOR_UID), role: 'subscriber', expire: v.VECTOR_EXPIRE },
      fixed,
    );
    expect(built.token).toBe(v.RTC_UID_JOIN_007);
  });

  it('RTC with uid 0', () => {
    const built = buildRtcToken(
      v.VECTOR_CREDENTIALS,
      { channel: v.VECTOR_CHANNEL, uid: 0, role: 'subscriber', expire: v.VECTOR_EXPIRE },
      fixed,
    );
    expect(built.token).toBe(v.RTC_UID0_JOIN_007);
  });

  it('Chat user and app tokens', () => {
    expect(buildChatUserToken(v.VECTOR_CREDENTIALS, { userId: String(v.VECTOR_UID), expire: 600 }, fixed).token).toBe(
      v.CHAT_USER_007,
    );
    expect(buildChatAppToken(v.VECTOR_CREDENTIALS, { expire: 600 }, fixed).token).toBe(v.CHAT_APP_007);
  });

  it('a different salt or time changes the token', () => {
    const input = { channel: v.VECTOR_CHANNEL, uid: v.VECTOR_UID, role: 'subscriber' as const, expire: 600 };
    expect(buildRtcToken(v.VECTOR_CREDENTIALS, input, { issuedAt: v.VECTOR_TS, salt: 2 }).token).not.toBe(
      v.RTC_UID_JOIN_007,
    );
    expect(buildRtcToken(v.VECTOR_CREDENTIALS, input, { issuedAt: v.VECTOR_TS + 1, salt: 1 }).token).not.toBe(
      v.RTC_UID_JOIN_007,
    );
  });
});

describe('published vectors decode and verify', () => {
  it('decodes the RTC + RTM vector to both services', () => {
    const decoded = decodeToken(v.RTC_RTM_007, { appCertificate: v.VECTOR_CREDENTIALS.appCertificate });
    expect(decoded).toEqual({
      version: '007',
      appId: v.VECTOR_CREDENTIALS.appId,
      issuedAt: v.VECTOR_TS,
      expire: 600,
      expiresAt: v.VECTOR_TS + 600,
      salt: 1,
      services: [
        {
          type: 'rtc',
          channel: v.VECTOR_CHANNEL,
          uid: String(v.VECTOR_UID),
          privileges: { joinChannel: 600, publishAudioStream: 600, publishVideoStream: 600, publishDataStream: 600 },
        },
        { type: 'rtm', userId: 'test_user', privileges: { login: 600 } },
      ],
      signature: 'valid',
    });
  });

  it('decodes uid 0 as "0" and the chat app token with the app privilege', () => {
    const rtc = decodeToken(v.RTC_UID0_JOIN_007);
    expect(rtc.version === '007' && rtc.services[0]).toMatchObject({
      type: 'rtc',
      uid: '0',
      privileges: { joinChannel: 600 },
    });
    expect(rtc.signature).toBe('unchecked');
    const chat = decodeToken(v.CHAT_APP_007, { appCertificate: v.VECTOR_CREDENTIALS.appCertificate });
    expect(chat).toMatchObject({
      signature: 'valid',
      services: [{ type: 'chat', userId: '', privileges: { app: 600 } }],
    });
  });

  it('decodes and verifies the 006 vector, which signs channel and uid', () => {
    const options = {
      appCertificate: v.VECTOR_CREDENTIALS.appCertificate,
      channel: v.VECTOR_CHANNEL,
      uid: String(v.VECTOR_UID),
    };
    const at = v.VECTOR_006_PRIVILEGE_EXPIRE;
    expect(decodeToken(v.RTC_PUBLISHER_006, options)).toEqual({
      version: '006',
      appId: v.VECTOR_CREDENTIALS.appId,
      messageTimestamp: v.VECTOR_TS,
      issuedAt: v.VECTOR_TS,
      salt: 1,
      channelCrc: expect.any(Number),
      uidCrc: expect.any(Number),
      privileges: { joinChannel: at, publishAudioStream: at, publishVideoStream: at, publishDataStream: at },
      signature: 'valid',
    });
    expect(decodeToken(v.RTC_PUBLISHER_006, { ...options, channel: 'another' }).signature).toBe('invalid');
    expect(decodeToken(v.RTC_PUBLISHER_006, { ...options, uid: '1' }).signature).toBe('invalid');
    expect(
      decodeToken(v.RTC_PUBLISHER_006, { ...options, appCertificate: '0123456789abcdef0123456789abcdef' }).signature,
    ).toBe('invalid');
    expect(decodeToken(v.RTC_PUBLISHER_006, { appCertificate: options.appCertificate }).signature).toBe('unchecked');
  });

  it('verifies the 006 uid 0 vector when given uid "0"', () => {
    const decoded = decodeToken(v.RTC_UID0_006, {
      appCertificate: v.VECTOR_CREDENTIALS.appCertificate,
      channel: v.VECTOR_CHANNEL,
      uid: '0',
    });
    expect(decoded).toMatchObject({
      version: '006',
      signature: 'valid',
      privileges: { joinChannel: v.VECTOR_006_PRIVILEGE_EXPIRE },
    });
  });
});
