import { AccessToken2, ServiceRtc } from 'agora-token/src/AccessToken2.js';
import { describe, expect, it } from 'vitest';
import { describeExpiry, humanSpan } from '../../shared/relative-time.js';
import { buildRtcToken, decodeToken, tokenTimeStatus } from '../../shared/token/index.js';
import * as v from '../fixtures/agora-vectors.js';

const T0 = 1_800_000_000;

describe('tokenTimeStatus', () => {
  const token = buildRtcToken(
    v.VECTOR_CREDENTIALS,
    { channel: 'c', uid: 1, expire: 3600, privileges: { video: 600 } },
    { issuedAt: T0, salt: 9 },
  ).token;
  const decoded = decodeToken(token);

  it('is live before expiry, with each privilege dated from the issue time', () => {
    const status = tokenTimeStatus(decoded, T0 + 10);
    expect(status.expired).toBe(false);
    expect(status.expiresAt).toBe(T0 + 3600);
    expect(status.privileges).toContainEqual({
      service: 'rtc',
      privilege: 'publishVideoStream',
      expiresAt: T0 + 600,
      expired: false,
      serviceIndex: 0,
      encoded: 600,
      ownExpiresAt: T0 + 600,
      limitedBy: 'privilege',
    });
    expect(status.privileges).toContainEqual({
      service: 'rtc',
      privilege: 'joinChannel',
      expiresAt: T0 + 3600,
      expired: false,
      serviceIndex: 0,
      encoded: 3600,
      ownExpiresAt: T0 + 3600,
      limitedBy: 'token',
    });
  });

  it('caps a privilege encoded longer than the token at the token, keeping the encoded value', () => {
    // The disagreement issue 11 reported: expire 600, privilegeExpire 86400.
    const long = decodeToken(
      buildRtcToken(
        v.VECTOR_CREDENTIALS,
        { channel: 'c', uid: 1, expire: 600, privilegeExpire: 86400 },
        { issuedAt: T0, salt: 9 },
      ).token,
    );
    const join = tokenTimeStatus(long, T0).privileges.find((p) => p.privilege === 'joinChannel');
    expect(join).toMatchObject({ expiresAt: T0 + 600, encoded: 86400, ownExpiresAt: T0 + 86400, limitedBy: 'token' });
    expect(tokenTimeStatus(long, T0 + 600).privileges.every((p) => p.expired)).toBe(true);
  });

  it('gives privileges encoded 0 the token expiry, and nothing an expiry when the token has none', () => {
    const token = new AccessToken2(v.VECTOR_CREDENTIALS.appId, v.VECTOR_CREDENTIALS.appCertificate, T0, 0);
    const rtc = new ServiceRtc('c', 1);
    rtc.add_privilege(ServiceRtc.kPrivilegeJoinChannel, 0);
    token.add_service(rtc);
    const status = tokenTimeStatus(decodeToken(token.build()), T0 + 10 ** 8);
    expect(status).toMatchObject({ expiresAt: null, expired: false });
    expect(status.privileges[0]).toMatchObject({
      expiresAt: null,
      encoded: 0,
      ownExpiresAt: null,
      limitedBy: 'none',
      expired: false,
    });
  });

  it('ties each privilege to its own service when two services share a type', () => {
    const token = new AccessToken2(v.VECTOR_CREDENTIALS.appId, v.VECTOR_CREDENTIALS.appCertificate, T0, 600);
    for (const [channel, join] of [
      ['a', 100],
      ['b', 200],
    ] as const) {
      const rtc = new ServiceRtc(channel, 1);
      rtc.add_privilege(ServiceRtc.kPrivilegeJoinChannel, join);
      token.add_service(rtc);
    }
    const status = tokenTimeStatus(decodeToken(token.build()), T0);
    expect(status.privileges.map((p) => [p.serviceIndex, p.expiresAt])).toEqual([
      [0, T0 + 100],
      [1, T0 + 200],
    ]);
  });

  it('marks a privilege that ran out before the token', () => {
    const status = tokenTimeStatus(decoded, T0 + 601);
    expect(status.expired).toBe(false);
    expect(status.privileges.find((p) => p.privilege === 'publishVideoStream')?.expired).toBe(true);
    expect(status.privileges.find((p) => p.privilege === 'publishAudioStream')?.expired).toBe(false);
  });

  it('is expired at and after the expiry second', () => {
    expect(tokenTimeStatus(decoded, T0 + 3600).expired).toBe(true);
    expect(tokenTimeStatus(decoded, T0 + 99999).privileges.every((p) => p.expired)).toBe(true);
  });

  it('reads 006 privileges as absolute times', () => {
    const old = decodeToken(v.RTC_PUBLISHER_006);
    const before = tokenTimeStatus(old, v.VECTOR_006_PRIVILEGE_EXPIRE - 1);
    expect(before).toMatchObject({ expired: false, expiresAt: v.VECTOR_006_PRIVILEGE_EXPIRE });
    expect(before.privileges[0]).toMatchObject({
      encoded: v.VECTOR_006_PRIVILEGE_EXPIRE,
      limitedBy: 'privilege',
      serviceIndex: 0,
    });
    expect(tokenTimeStatus(old, v.VECTOR_006_PRIVILEGE_EXPIRE).expired).toBe(true);
  });
});

describe('describeExpiry', () => {
  it.each([
    [T0 + 42 * 60 + 5, 'in 42 min'],
    [T0 - 3 * 3600 - 100, 'expired 3 h ago'],
    [T0 + 30, 'in 30 s'],
    [T0 + 5 * 86400, 'in 5 d'],
  ])('%i → %s', (at, text) => {
    expect(describeExpiry(at, T0)).toBe(text);
  });
  it('never', () => expect(describeExpiry(null, T0)).toBe('never expires'));
  it('spans', () => expect(humanSpan(7200)).toBe('2 h'));
});

describe('expiryTimeline', () => {
  it('puts the token and each privilege on one axis with now marked, from tokenTimeStatus', async () => {
    const { expiryTimeline } = await import('../../shared/token/timeline.js');
    const token = buildRtcToken(
      v.VECTOR_CREDENTIALS,
      { channel: 'c', uid: 1, expire: 600, privilegeExpire: 3600, privileges: { video: 300 } },
      { issuedAt: T0, salt: 1 },
    ).token;
    const line = expiryTimeline(decodeToken(token), T0 + 400);
    expect(line).toMatchObject({ from: T0, to: T0 + 600, now: T0 + 400 });
    expect(line.bars[0]).toEqual({ label: 'token', start: T0, end: T0 + 600, expired: false });
    expect(line.bars).toContainEqual({ label: 'rtc publishVideoStream', start: T0, end: T0 + 300, expired: true });
    expect(line.bars).toContainEqual({
      label: 'rtc joinChannel',
      start: T0,
      end: T0 + 600,
      expired: false,
      encodedEnd: T0 + 3600,
    });
  });
  it('widens the axis to now when the token expired long ago', async () => {
    const { expiryTimeline } = await import('../../shared/token/timeline.js');
    const line = expiryTimeline(decodeToken(v.RTC_PUBLISHER_006), v.VECTOR_006_PRIVILEGE_EXPIRE + 100);
    expect(line).toMatchObject({ from: v.VECTOR_006_PRIVILEGE_EXPIRE, to: v.VECTOR_006_PRIVILEGE_EXPIRE + 100 });
    expect(line.bars.every((b) => b.expired)).toBe(true);
  });
});
