import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  ApaasTokenBuilder,
  ConvoAITokenBuilder,
  EducationTokenBuilder,
  FpaTokenBuilder,
  Rtm2Permissions,
  RtcRole,
  RtcTokenBuilder,
  RtmTokenBuilder,
  SttTokenBuilder,
} from 'agora-token';
import { buildKind } from '../../shared/token/index.js';
import { VECTOR_CREDENTIALS as C } from '../fixtures/agora-vectors.js';

/**
 * The kinds added through the registry produce exactly agora-token's bytes: its builders
 * take the issue time from the clock and the salt from Math.random, so both are pinned.
 */
const NOW = 1_790_000_000;
const RANDOM = 0.5;
const SALT = Math.floor(RANDOM * 99999999) + 1;
const fixed = { issuedAt: NOW, salt: SALT };
const { appId, appCertificate } = C;
const token = (kind: Parameters<typeof buildKind>[0], input: unknown): string => {
  const built = buildKind(kind, C, input, fixed);
  if (!('token' in built)) throw new Error('expected one token');
  return built.token;
};

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW * 1000);
  vi.spyOn(Math, 'random').mockReturnValue(RANDOM);
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('new kinds produce the bytes agora-token produces', () => {
  it('rtc-rtm: buildTokenWithRtm (one account, one privilege expiry)', () => {
    const expected = RtcTokenBuilder.buildTokenWithRtm(
      appId,
      appCertificate,
      'room',
      'alice',
      RtcRole.PUBLISHER,
      900,
      600,
    );
    expect(
      token('rtc-rtm', { channel: 'room', account: 'alice', expire: 900, privilegeExpire: 600, rtmExpire: 900 }),
    ).toBe(expected);
    const subscriber = RtcTokenBuilder.buildTokenWithRtm(
      appId,
      appCertificate,
      'room',
      'bob',
      RtcRole.SUBSCRIBER,
      3600,
      3600,
    );
    expect(token('rtc-rtm', { channel: 'room', account: 'bob', role: 'subscriber' })).toBe(subscriber);
  });

  it('rtc-rtm: buildTokenWithRtm2 (uid, per-privilege expiries, separate RTM user and expiry)', () => {
    const expected = RtcTokenBuilder.buildTokenWithRtm2(
      appId,
      appCertificate,
      'room',
      42,
      RtcRole.PUBLISHER,
      3600,
      100,
      200,
      300,
      400,
      'carol',
      500,
    );
    const input = {
      channel: 'room',
      uid: 42,
      expire: 3600,
      privileges: { join: 100, audio: 200, video: 300, data: 400 },
      rtmUserId: 'carol',
      rtmExpire: 500,
    };
    expect(token('rtc-rtm', input)).toBe(expected);
  });

  it('rtm with RTM2 permissions: buildTokenWithPermissions', () => {
    const permissions = new Rtm2Permissions();
    permissions.add(Rtm2Permissions.kMessageChannels, Rtm2Permissions.kRead, ['room-*', 'lobby']);
    permissions.add(Rtm2Permissions.kStreamChannels, Rtm2Permissions.kWrite, ['lobby']);
    permissions.add(Rtm2Permissions.kUsers, Rtm2Permissions.kRead, ['bob']);
    permissions.add(Rtm2Permissions.kServerGroups, Rtm2Permissions.kWrite, ['ops']);
    permissions.add(Rtm2Permissions.kGroupChannels, Rtm2Permissions.kRead, ['g1']);
    const expected = RtmTokenBuilder.buildTokenWithPermissions(appId, appCertificate, 'alice', permissions, 600);
    const input = {
      userId: 'alice',
      expire: 600,
      permissions: {
        read: ['message:room-*', 'user:bob', 'message:lobby', 'group:g1'],
        write: ['stream:lobby', 'server-group:ops'],
      },
    };
    expect(token('rtm', input)).toBe(expected);
  });

  it.each([
    ['convoai', ConvoAITokenBuilder],
    ['stt', SttTokenBuilder],
  ] as const)('%s: buildToken', (kind, builder) => {
    const expected = builder.buildToken(
      appId,
      appCertificate,
      'room',
      1001,
      RtcRole.PUBLISHER,
      3600,
      3600,
      3600,
      3600,
      3600,
      'agent',
      3600,
    );
    expect(token(kind, { channel: 'room', uid: 1001, rtmUserId: 'agent' })).toBe(expected);
    const sub = builder.buildToken(
      appId,
      appCertificate,
      'room',
      'bot',
      RtcRole.SUBSCRIBER,
      900,
      60,
      60,
      60,
      60,
      'bot',
      120,
    );
    expect(
      token(kind, {
        channel: 'room',
        account: 'bot',
        role: 'subscriber',
        expire: 900,
        privilegeExpire: 60,
        rtmExpire: 120,
      }),
    ).toBe(sub);
  });

  it('convoai also gives the REST header', () => {
    const built = buildKind('convoai', C, { channel: 'room', uid: 5 }, fixed);
    expect('token' in built && built.authorizationHeader).toBe(
      `Authorization: agora token=${'token' in built ? built.token : ''}`,
    );
  });

  it('apaas: room user, user and app tokens (EducationTokenBuilder gives the same bytes)', () => {
    const roomUser = ApaasTokenBuilder.buildRoomUserToken(appId, appCertificate, 'class-1', 'alice', 2, 600);
    expect(EducationTokenBuilder.buildRoomUserToken(appId, appCertificate, 'class-1', 'alice', 2, 600)).toBe(roomUser);
    expect(token('apaas', { roomUuid: 'class-1', userUuid: 'alice', role: 2, expire: 600 })).toBe(roomUser);
    const user = ApaasTokenBuilder.buildUserToken(appId, appCertificate, 'alice', 600);
    expect(EducationTokenBuilder.buildUserToken(appId, appCertificate, 'alice', 600)).toBe(user);
    expect(token('apaas', { userUuid: 'alice', expire: 600 })).toBe(user);
    const app = ApaasTokenBuilder.buildAppToken(appId, appCertificate, 3600);
    expect(EducationTokenBuilder.buildAppToken(appId, appCertificate, 3600)).toBe(app);
    expect(token('apaas', {})).toBe(app);
  });

  it('fpa: buildToken (fixed 24 h lifetime)', () => {
    expect(token('fpa', {})).toBe(FpaTokenBuilder.buildToken(appId, appCertificate));
  });

  it('rejects input agora-token would sign wrongly', () => {
    expect(() => token('rtc-rtm', { channel: 'room', uid: 0 })).toThrow(
      'RTM user id is required when the RTC uid is 0',
    );
    expect(() => token('rtm', { userId: 'a', permissions: { read: ['channel:x'] } })).toThrow(
      /a permission is TYPE:NAME/,
    );
    expect(() => token('apaas', { roomUuid: 'r', userUuid: 'u' })).toThrow(
      'a room token needs the user uuid and role too',
    );
    expect(() => token('fpa', { expire: 5 })).toThrow(/unknown field: expire/);
  });
});
