import { deflateSync, inflateSync } from 'node:zlib';
import { Rtm2Permissions, RtmTokenBuilder } from 'agora-token';
import { describe, expect, it } from 'vitest';
import { buildRtcToken, decodeToken, type DecodedToken006, type DecodedToken007 } from '../../shared/token/index.js';
import { identityMatches006 } from '../../shared/token/decode006.js';
import * as v from '../fixtures/agora-vectors.js';

const C = v.VECTOR_CREDENTIALS;
const T = v.RTC_RTM_007;
const SECOND = 'abcdef0123456789abcdef0123456789';

/** Appends bytes inside the compressed content, re-compressed so the token still inflates. */
function withBytesAppended(token: string): string {
  const body = inflateSync(Buffer.from(token.slice(3), 'base64'));
  return `007${deflateSync(Buffer.concat([body, Buffer.from([1, 2, 3])])).toString('base64')}`;
}

describe('strict parsing', () => {
  it.each([
    [
      'characters outside base64',
      `${T.slice(0, 100)}!!!${T.slice(100)}`,
      /"!" at character 101, which is not a base64 character/,
    ],
    ['embedded whitespace', `${T.slice(0, 50)}\n${T.slice(50)}`, /whitespace at character 51/],
    ['an embedded space', `${T.slice(0, 50)} ${T.slice(50)}`, /whitespace/],
    ['bytes after the compressed content', `${T.slice(0, -1)}AAAAAA==`, /not a valid 007 token/],
    [
      'bytes inside the content after the last service',
      withBytesAppended(T),
      /3 bytes after its last readable service/,
    ],
    ['a cut-short token', T.slice(0, -3), /cut short|could not be read/],
    ['padding in the middle', `${T.slice(0, 40)}=${T.slice(41)}`, /padding "=" inside/],
    [
      'a 006 token with a foreign character',
      `${v.RTC_PUBLISHER_006.slice(0, 60)}*${v.RTC_PUBLISHER_006.slice(61)}`,
      /"\*" at character 61/,
    ],
    ['a 006 token with trailing bytes', `${v.RTC_PUBLISHER_006}AAAA`, /4 bytes more than its fields use|3 bytes more/],
  ])('%s is malformed', (_name, token, message) => {
    expect(() => decodeToken(token, { appCertificate: C.appCertificate })).toThrow(message);
  });

  it('still accepts the published vectors and surrounding whitespace from a paste', () => {
    expect(decodeToken(`  ${T}\n`).version).toBe('007');
    expect(decodeToken(v.RTC_PUBLISHER_006).version).toBe('006');
    expect(decodeToken(v.RTC_UID0_006).version).toBe('006');
  });

  it('a token whose signature would verify is still rejected when characters were inserted', () => {
    // The reported bug: Node's base64 decoder skips "!!!", so the altered token verified.
    const altered = `${T.slice(0, 100)}!!!${T.slice(100)}`;
    expect(Buffer.from(altered.slice(3), 'base64').equals(Buffer.from(T.slice(3), 'base64'))).toBe(true);
    expect(() => decodeToken(altered, { appCertificate: C.appCertificate })).toThrow(/not a valid 007 token/);
  });
});

describe('several certificates', () => {
  const token = buildRtcToken(C, { channel: 'c', uid: 1 }).token;
  it('names the certificate that signed', () => {
    const primaryFirst = decodeToken(token, {
      certificates: [
        { label: 'primary', value: C.appCertificate },
        { label: 'secondary', value: SECOND },
      ],
    });
    expect(primaryFirst).toMatchObject({ signature: 'valid', signedBy: 'primary' });
    const secondary = decodeToken(token, {
      certificates: [
        { label: 'primary', value: SECOND },
        { label: 'secondary', value: C.appCertificate },
      ],
    });
    expect(secondary).toMatchObject({ signature: 'valid', signedBy: 'secondary' });
  });
  it('is invalid when none signs, with no signedBy', () => {
    const d = decodeToken(token, { certificates: [{ label: 'primary', value: SECOND }] });
    expect(d.signature).toBe('invalid');
    expect(d).not.toHaveProperty('signedBy');
  });
  it('verifies 006 tokens with several certificates too', () => {
    const d = decodeToken(v.RTC_PUBLISHER_006, {
      certificates: [
        { label: 'primary', value: SECOND },
        { label: 'secondary', value: C.appCertificate },
      ],
      channel: v.VECTOR_CHANNEL,
      uid: String(v.VECTOR_UID),
    }) as DecodedToken006;
    expect(d).toMatchObject({ signature: 'valid', signedBy: 'secondary' });
  });
});

describe('006 decoding', () => {
  it('names ts the message timestamp', () => {
    const d = decodeToken(v.RTC_PUBLISHER_006) as DecodedToken006;
    expect(d.messageTimestamp).toBe(1111111);
  });
  it('tells from the CRCs whether a channel and uid are the ones it was made for', () => {
    const d = decodeToken(v.RTC_PUBLISHER_006) as DecodedToken006;
    expect(identityMatches006(d, v.VECTOR_CHANNEL, String(v.VECTOR_UID))).toEqual({ channel: true, uid: true });
    expect(identityMatches006(d, 'other', '7')).toEqual({ channel: false, uid: false });
    const any = decodeToken(v.RTC_UID0_006) as DecodedToken006;
    expect(identityMatches006(any, undefined, '0')).toEqual({ uid: true });
  });
});

describe('service names', () => {
  it('names RTM2 permissions by resource and permission type', () => {
    const permissions = new Rtm2Permissions();
    permissions.add(Rtm2Permissions.kMessageChannels, Rtm2Permissions.kRead, ['room-*']);
    permissions.add(Rtm2Permissions.kStreamChannels, Rtm2Permissions.kWrite, ['lobby']);
    const token = RtmTokenBuilder.buildTokenWithPermissions(C.appId, C.appCertificate, 'alice', permissions, 600);
    const d = decodeToken(token) as DecodedToken007;
    expect(d.services[0]).toEqual({
      type: 'rtm2',
      userId: 'alice',
      permissions: { messageChannels: { read: ['room-*'] }, streamChannels: { write: ['lobby'] } },
      privileges: { login: 600 },
    });
  });
});
