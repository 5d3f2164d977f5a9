import { describe, expect, it } from 'vitest';
import { buildKind, decodeToken, type DecodedToken007, type KindId } from '../../shared/token/index.js';
import { VECTOR_CREDENTIALS as C } from '../fixtures/agora-vectors.js';

/** Build with each new kind, decode with the certificate: the services asked for, exactly. */
const fixed = { issuedAt: 1_790_000_000, salt: 7 };
const PUB = (s: number) => ({ joinChannel: s, publishAudioStream: s, publishVideoStream: s, publishDataStream: s });

function roundTrip(kind: KindId, input: unknown): DecodedToken007 {
  const built = buildKind(kind, C, input, fixed);
  if (!('token' in built)) throw new Error('expected one token');
  expect(decodeToken(built.token, { appCertificate: 'f'.repeat(32) }).signature).toBe('invalid');
  const decoded = decodeToken(built.token, { appCertificate: C.appCertificate });
  if (decoded.version !== '007') throw new Error('expected 007');
  expect(decoded).toMatchObject({
    signature: 'valid',
    appId: C.appId,
    issuedAt: fixed.issuedAt,
    salt: 7,
    expire: built.expire,
  });
  return decoded;
}

describe('new kinds: build then decode gives back what was asked', () => {
  it('rtc-rtm: RTC by uid with per-privilege expiries, and RTM with its own user and expiry', () => {
    const d = roundTrip('rtc-rtm', {
      channel: 'room',
      uid: 42,
      expire: 900,
      privileges: { join: 100, video: 300 },
      rtmUserId: 'carol',
      rtmExpire: 500,
    });
    expect(d.services).toEqual([
      {
        type: 'rtc',
        channel: 'room',
        uid: '42',
        privileges: { joinChannel: 100, publishAudioStream: 900, publishVideoStream: 300, publishDataStream: 900 },
      },
      { type: 'rtm', userId: 'carol', privileges: { login: 500 } },
    ]);
  });

  it('rtc-rtm: the account is also the RTM user; a subscriber only joins', () => {
    const d = roundTrip('rtc-rtm', { channel: 'room', account: 'alice', role: 'subscriber' });
    expect(d.services).toEqual([
      { type: 'rtc', channel: 'room', uid: 'alice', privileges: { joinChannel: 3600 } },
      { type: 'rtm', userId: 'alice', privileges: { login: 3600 } },
    ]);
  });

  it.each(['convoai', 'stt'] as const)('%s: RTC + RTM + its own service', (kind) => {
    const d = roundTrip(kind, { channel: 'room', uid: 1001, rtmUserId: 'agent', expire: 600 });
    expect(d.services).toEqual([
      { type: 'rtc', channel: 'room', uid: '1001', privileges: PUB(600) },
      { type: 'rtm', userId: 'agent', privileges: { login: 600 } },
      { type: kind, privileges: {} },
    ]);
  });

  it('rtm with RTM2 permissions carries them, grouped by resource and access', () => {
    const d = roundTrip('rtm', {
      userId: 'alice',
      permissions: { read: ['message:room-*', 'message:lobby'], write: ['stream:lobby'] },
    });
    expect(d.services).toHaveLength(1);
    const [rtm2] = d.services;
    expect(rtm2).toMatchObject({ type: 'rtm2', userId: 'alice', privileges: { login: 3600 } });
    // Resource and access names are the decoder's business; the granted names are ours.
    const granted =
      rtm2 !== undefined && 'permissions' in rtm2
        ? Object.values(rtm2.permissions).flatMap((byAccess) => Object.values(byAccess))
        : [];
    expect(granted).toEqual([['room-*', 'lobby'], ['lobby']]);
  });

  it('apaas: room user (aPaaS + RTM + Chat with the md5 user), user and app', () => {
    const room = roundTrip('apaas', { roomUuid: 'class-1', userUuid: 'alice', role: 2, expire: 600 });
    expect(room.services.map((s) => s.type)).toEqual(['rtm', 'chat', 'apaas']);
    expect(room.services).toContainEqual({
      type: 'apaas',
      roomUuid: 'class-1',
      userUuid: 'alice',
      role: 2,
      privileges: {},
    });
    expect(room.services).toContainEqual({ type: 'rtm', userId: 'alice', privileges: { login: 600 } });
    expect(room.services).toContainEqual({
      type: 'chat',
      userId: '6384e2b2184bcbf58eccf10ca7a6563c',
      privileges: { user: 600 },
    });
    expect(roundTrip('apaas', { userUuid: 'alice' }).services).toEqual([
      { type: 'apaas', roomUuid: '', userUuid: 'alice', role: 65535, privileges: { user: 3600 } },
    ]);
    expect(roundTrip('apaas', {}).services).toEqual([
      { type: 'apaas', roomUuid: '', userUuid: '', role: 65535, privileges: { app: 3600 } },
    ]);
  });

  it('fpa: 24 h token, login privilege without its own expiry', () => {
    const d = roundTrip('fpa', {});
    expect(d.expire).toBe(86400);
    expect(d.services).toEqual([{ type: 'fpa', privileges: { login: 0 } }]);
  });
});
