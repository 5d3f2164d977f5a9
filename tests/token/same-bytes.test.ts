import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ChatTokenBuilder, RtcRole, RtcTokenBuilder, RtmTokenBuilder } from 'agora-token';
import { buildChatAppToken, buildChatUserToken, buildRtcToken, buildRtmToken } from '../../shared/token/index.js';
import { VECTOR_CREDENTIALS as C } from '../fixtures/agora-vectors.js';

/**
 * agora-token's public builders take the issue time from the clock and the salt from
 * Math.random. Pin both, and our builders must produce the very same bytes.
 */
const NOW = 1_790_000_000;
const RANDOM = 0.25;
const SALT = Math.floor(RANDOM * 99999999) + 1;
const fixed = { issuedAt: NOW, salt: SALT };
const { appId, appCertificate } = C;

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW * 1000);
  vi.spyOn(Math, 'random').mockReturnValue(RANDOM);
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('our builders produce the bytes agora-token produces', () => {
  it.each([
    ['publisher', RtcRole.PUBLISHER],
    ['subscriber', RtcRole.SUBSCRIBER],
  ] as const)('RTC by uid as %s', (role, agoraRole) => {
    const expected = RtcTokenBuilder.buildTokenWithUid(appId, appCertificate, 'room 1', 42, agoraRole, 900, 900);
    expect(buildRtcToken(C, { channel: 'room 1', uid: 42, role, expire: 900 }, fixed).token).toBe(expected);
  });

  it('RTC by account with a shorter privilege expiry', () => {
    const expected = RtcTokenBuilder.buildTokenWithUserAccount(
      appId,
      appCertificate,
      'c',
      'alice',
      RtcRole.PUBLISHER,
      3600,
      600,
    );
    expect(buildRtcToken(C, { channel: 'c', account: 'alice', privilegeExpire: 600 }, fixed).token).toBe(expected);
  });

  it('RTC with a separate expiry per privilege', () => {
    const expected = RtcTokenBuilder.buildTokenWithUidAndPrivilege(
      appId,
      appCertificate,
      'c',
      7,
      3600,
      100,
      200,
      300,
      400,
    );
    const built = buildRtcToken(
      C,
      { channel: 'c', uid: 7, expire: 3600, privileges: { join: 100, audio: 200, video: 300, data: 400 } },
      fixed,
    );
    expect(built.token).toBe(expected);
  });

  it('RTM login token', () => {
    expect(buildRtmToken(C, { userId: 'bob', expire: 120 }, fixed).token).toBe(
      RtmTokenBuilder.buildToken(appId, appCertificate, 'bob', 120),
    );
  });

  it('Chat user and app tokens', () => {
    expect(buildChatUserToken(C, { userId: 'carol' }, fixed).token).toBe(
      ChatTokenBuilder.buildUserToken(appId, appCertificate, 'carol', 3600),
    );
    expect(buildChatAppToken(C, {}, fixed).token).toBe(ChatTokenBuilder.buildAppToken(appId, appCertificate, 3600));
  });

  it('defaults the issue time to now', () => {
    expect(buildChatAppToken(C, {}).issuedAt).toBe(NOW);
  });
});
