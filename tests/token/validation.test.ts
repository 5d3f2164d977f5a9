import { describe, expect, it } from 'vitest';
import { TokenDeskError } from '../../shared/errors.js';
import { buildChatToken, buildRtcToken, buildRteTokens, buildRtmToken, decodeToken } from '../../shared/token/index.js';
import { VECTOR_CREDENTIALS as C } from '../fixtures/agora-vectors.js';

function failure(fn: () => unknown): TokenDeskError {
  try {
    fn();
  } catch (error) {
    if (error instanceof TokenDeskError) return error;
    throw error;
  }
  throw new Error('expected a TokenDeskError, nothing was thrown');
}

const rtc = (input: Record<string, unknown>, credentials = C) =>
  failure(() => buildRtcToken(credentials, { channel: 'c', uid: 1, ...input } as never));

describe('credentials', () => {
  it.each([
    ['', 'App ID must be 32 hexadecimal characters'],
    ['970CA35de60c44645bbae8a215061b3', 'App ID must be 32 hexadecimal characters'],
    ['970CA35de60c44645bbae8a215061b33a', 'App ID must be 32 hexadecimal characters'],
    ['970CA35de60c44645bbae8a215061bzz', 'App ID must be 32 hexadecimal characters'],
  ])('App ID %j is refused (agora-token would silently return "")', (appId, message) => {
    const error = rtc({}, { ...C, appId });
    expect(error).toMatchObject({ code: 'invalid_input', message, field: 'appId' });
  });

  it('App Certificate must be 32 hex characters', () => {
    expect(rtc({}, { ...C, appCertificate: 'secret' })).toMatchObject({
      message: 'App Certificate must be 32 hexadecimal characters',
      field: 'appCertificate',
    });
  });
});

describe('credentials checked once per object', () => {
  it('an object that changes after a token was built is checked again', () => {
    const credentials = { ...C };
    expect(buildRtcToken(credentials, { channel: 'c', uid: 1 }).token).toMatch(/^007/);
    credentials.appCertificate = 'not hex at all';
    expect(failure(() => buildRtcToken(credentials, { channel: 'c', uid: 1 }))).toMatchObject({
      field: 'appCertificate',
    });
    credentials.appCertificate = C.appCertificate;
    credentials.appId = 'x';
    expect(failure(() => buildRtmToken(credentials, { userId: 'u' }))).toMatchObject({ field: 'appId' });
  });

  it('credentials with surrounding spaces are trimmed every time, and sign like the trimmed ones', () => {
    const padded = { appId: ` ${C.appId} `, appCertificate: `${C.appCertificate}\n` };
    for (let i = 0; i < 2; i += 1) {
      const built = buildRtcToken(padded, { channel: 'c', uid: 1 }, { issuedAt: 1111111, salt: 1 });
      expect(built.token).toBe(buildRtcToken(C, { channel: 'c', uid: 1 }, { issuedAt: 1111111, salt: 1 }).token);
    }
  });
});

describe('channel names', () => {
  it("accepts every character of Agora's allowed set and exactly 64 bytes", () => {
    const all = 'aZ09 !#$%&()+-:;<=.>?@[]^_{}|~,';
    expect(buildRtcToken(C, { channel: all, uid: 1 }).token).toMatch(/^007/);
    expect(buildRtcToken(C, { channel: 'x'.repeat(64), uid: 1 }).token).toMatch(/^007/);
  });

  it.each([
    ['', 'channel is required'],
    ['x'.repeat(65), 'channel must be at most 64 bytes'],
    ['a/b', 'channel may contain only'],
    ['naïve', 'channel may contain only'],
    ['tab\there', 'channel may contain only'],
    ['quote"', 'channel may contain only'],
  ])('refuses %j', (channel, message) => {
    const error = rtc({ channel });
    expect(error.field).toBe('channel');
    expect(error.message).toContain(message);
  });

  it('RTM stream channel accepts * and refuses bad names', () => {
    expect(buildRtmToken(C, { userId: 'u', channel: '*' }).token).toMatch(/^007/);
    expect(failure(() => buildRtmToken(C, { userId: 'u', channel: 'a/b' })).field).toBe('channel');
  });
});

describe('uid, account and user ids', () => {
  it.each([-1, 4294967296, 1.5, Number.NaN])('uid %s is out of range', (uid) => {
    expect(rtc({ uid })).toMatchObject({ field: 'uid', message: 'uid must be a whole number from 0 to 4294967295' });
  });

  it('needs exactly one of uid and account', () => {
    expect(rtc({ account: 'a' }).message).toBe('give either uid or account, not both');
    expect(failure(() => buildRtcToken(C, { channel: 'c' })).message).toBe('give either uid or account, not both');
  });

  it('account is 1..255 bytes', () => {
    expect(buildRtcToken(C, { channel: 'c', account: 'é'.repeat(127) }).token).toMatch(/^007/);
    expect(failure(() => buildRtcToken(C, { channel: 'c', account: 'x'.repeat(256) }))).toMatchObject({
      field: 'account',
      message: 'account must be at most 255 bytes',
    });
    expect(failure(() => buildRtcToken(C, { channel: 'c', account: '' })).message).toBe('account is required');
  });

  it('byte limits count UTF-8 bytes, not characters, on both sides of the short-string shortcut', () => {
    // 'é' is 2 bytes and '€' 3: the limits fall between characters, above 21 and 85 of them.
    expect(buildRtcToken(C, { channel: 'c', account: '€'.repeat(85) }).token).toMatch(/^007/);
    expect(failure(() => buildRtcToken(C, { channel: 'c', account: '€'.repeat(86) })).message).toBe(
      'account must be at most 255 bytes',
    );
    expect(buildRtmToken(C, { userId: 'é'.repeat(32) }).token).toMatch(/^007/);
    expect(failure(() => buildRtmToken(C, { userId: 'é'.repeat(33) })).message).toBe(
      'user id must be at most 64 bytes',
    );
    expect(buildChatToken(C, { userId: '€'.repeat(21) }).token).toMatch(/^007/);
    expect(failure(() => buildChatToken(C, { userId: '€'.repeat(22) })).message).toBe(
      'user id must be at most 64 bytes',
    );
    // Emoji are two UTF-16 units and four bytes.
    expect(buildRtmToken(C, { userId: '😀'.repeat(16) }).token).toMatch(/^007/);
    expect(failure(() => buildRtmToken(C, { userId: '😀'.repeat(17) })).message).toBe(
      'user id must be at most 64 bytes',
    );
  });

  it('RTM and Chat user ids are 1..64 bytes', () => {
    expect(failure(() => buildRtmToken(C, { userId: '' })).message).toBe('user id is required');
    expect(failure(() => buildRtmToken(C, { userId: 'x'.repeat(65) })).message).toBe(
      'user id must be at most 64 bytes',
    );
    expect(failure(() => buildChatToken(C, { userId: 'x'.repeat(65) })).field).toBe('userId');
  });

  it('RTE needs an RTM user when the RTC uid is 0', () => {
    expect(failure(() => buildRteTokens(C, { channel: 'c', uid: 0 }))).toMatchObject({
      field: 'rtmUserId',
      message: 'RTM user id is required when the RTC uid is 0',
    });
  });

  it('role is publisher or subscriber', () => {
    expect(rtc({ role: 'admin' })).toMatchObject({ field: 'role', message: 'role must be publisher or subscriber' });
  });
});

describe('expiry', () => {
  it.each([
    ['expire', { expire: -1 }],
    ['expire', { expire: 4294967296 }],
    ['expire', { expire: 1.5 }],
    ['privilegeExpire', { privilegeExpire: -5 }],
    ['privileges.video', { privileges: { video: 2 ** 40 } }],
  ])('%s out of range is refused', (field, input) => {
    const error = rtc(input);
    expect(error.field).toBe(field);
    expect(error.message).toMatch(/must be a whole number of seconds from 1 to 4294967295 \(0 means the default\)$/);
  });

  it('accepts the largest value', () => {
    expect(buildRtcToken(C, { channel: 'c', uid: 1, expire: 4294967295 }).expire).toBe(4294967295);
  });

  it('refuses unknown fields rather than ignoring a typo', () => {
    expect(rtc({ expiry: 60 }).message).toBe('unknown field: expiry');
  });
});

describe('decode input', () => {
  it.each([
    ['', 'token is required'],
    ['hello', 'not an Agora token: a token starts with 006 or 007'],
    ['005abc', 'unsupported token version 005: only 006 and 007 tokens can be decoded'],
    ['007', 'not a valid 007 token: its content could not be read'],
    ['007!!!not-base64', 'not a valid 007 token: it contains "!" at character 4, which is not a base64 character'],
    ['006970CA35de60c44645bbae8a215061b33', 'not a valid 006 token: expected 006, a 32-character App ID, then base64'],
    [
      '006970CA35de60c44645bbae8a215061b33IACMv3I',
      'not a valid 006 token: its base64 text is cut short (its length is not a multiple of 4): the token was truncated',
    ],
  ])('%j is refused with a clear message', (token, message) => {
    expect(failure(() => decodeToken(token))).toMatchObject({ message });
  });

  it('a malformed certificate for verification is an input error, not "invalid"', () => {
    const token = buildChatToken(C, {}).token;
    expect(failure(() => decodeToken(token, { appCertificate: 'nope' })).field).toBe('appCertificate');
  });

  it('tolerates surrounding whitespace from a paste', () => {
    const token = buildChatToken(C, {}).token;
    expect(decodeToken(`  ${token}\n`).version).toBe('007');
  });
});
