import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DecodedToken, DecodedToken007, ServiceInfo } from '../../shared/token/index.js';
import { decodeToken, type KindId } from '../../shared/token/index.js';
import { RTC_PUBLISHER_006, VECTOR_CHANNEL, VECTOR_CREDENTIALS, VECTOR_UID } from '../fixtures/agora-vectors.js';
import { tamper007 } from '../fixtures/tamper.js';
import { keychainReady, openHarness, randomCredentials, type Harness } from './test-env.js';

const available = await keychainReady('IPC token handlers');

function as007(decoded: DecodedToken): DecodedToken007 {
  if (decoded.version !== '007') throw new Error(`expected a 007 token, got ${decoded.version}`);
  return decoded;
}
const service = (decoded: DecodedToken, type: ServiceInfo['type']) =>
  as007(decoded).services.find((s) => s.type === type);

describe.skipIf(!available)('IPC token:* handlers (real engine, real keychain)', () => {
  let h: Harness;
  let profileId: string;
  let vectorProfileId: string;
  const credentials = randomCredentials();
  const verify = (token: string) => decodeToken(token, { appCertificate: credentials.appCertificate });

  beforeAll(async () => {
    h = await openHarness();
    profileId = (await h.ok('profiles:add', { name: 'desk', ...credentials })).id;
    vectorProfileId = (await h.ok('profiles:add', { name: 'vectors', ...VECTOR_CREDENTIALS })).id;
  });
  afterAll(async () => {
    const everything = JSON.stringify(h.responses).toLowerCase();
    await h.close();
    expect(everything).not.toContain(credentials.appCertificate.toLowerCase());
    expect(everything).not.toContain(VECTOR_CREDENTIALS.appCertificate.toLowerCase());
  });

  it('token:rtc builds what the form asked, signed with the profile’s certificate', async () => {
    const built = await h.build('rtc', { profileId, channel: 'room 1', uid: 42, role: 'subscriber', expire: 600 });
    expect(built.expire).toBe(600);
    expect(built.expiresAt).toBe(built.issuedAt + 600);
    const decoded = verify(built.token);
    expect(decoded).toMatchObject({ appId: credentials.appId, signature: 'valid' });
    expect(service(decoded, 'rtc')).toEqual({
      type: 'rtc',
      channel: 'room 1',
      uid: '42',
      privileges: { joinChannel: 600 },
    });

    const byAccount = await h.build('rtc', { profileId, channel: 'room 1', account: 'alice', role: 'publisher' });
    expect(service(verify(byAccount.token), 'rtc')).toMatchObject({ uid: 'alice' });
    expect(Object.keys(service(verify(byAccount.token), 'rtc')?.privileges ?? {})).toHaveLength(4);
  });

  it('token:rtm, token:rte and token:chat build every other kind', async () => {
    const rtm = await h.build('rtm', { profileId, userId: 'bob', channel: 'stream' });
    expect(service(verify(rtm.token), 'rtm')).toMatchObject({ userId: 'bob' });
    expect(service(verify(rtm.token), 'rtc')).toMatchObject({ channel: 'stream', uid: 'bob' });

    const pair = await h.buildPair('rte', { profileId, channel: 'room', uid: 7, role: 'publisher' });
    expect(pair.rtmUserId).toBe('7');
    expect(service(verify(pair.rtcToken), 'rtc')).toMatchObject({ channel: 'room', uid: '7' });
    expect(service(verify(pair.rtmToken), 'rtm')).toMatchObject({ userId: '7' });

    const user = await h.build('chat', { profileId, userId: 'carol', expire: 120 });
    expect(service(verify(user.token), 'chat')).toEqual({ type: 'chat', userId: 'carol', privileges: { user: 120 } });
    const app = await h.build('chat', { profileId });
    expect(service(verify(app.token), 'chat')).toMatchObject({ privileges: { app: 3600 } });
  });

  it('validation errors carry the field and the engine’s message', async () => {
    const cases: Array<[KindId, Record<string, unknown>, { field: string; message: string }]> = [
      [
        'rtc',
        { profileId, channel: '', uid: 1, role: 'publisher' },
        { field: 'channel', message: 'channel is required' },
      ],
      [
        'rtc',
        { profileId, channel: 'c', uid: -1, role: 'publisher' },
        { field: 'uid', message: 'uid must be a whole number from 0 to 4294967295' },
      ],
      [
        'rtc',
        { profileId, channel: 'c', uid: 1, role: 'admin' },
        { field: 'role', message: 'role must be publisher or subscriber' },
      ],
      ['rtc', { channel: 'c', uid: 1, role: 'publisher' }, { field: 'profileId', message: 'profile is required' }],
      ['rtm', { profileId, userId: '' }, { field: 'userId', message: 'user id is required' }],
      [
        'rte',
        { profileId, channel: 'c', uid: 1, role: 'publisher', expire: 1.5 },
        {
          field: 'expire',
          message: 'expire must be a whole number of seconds from 1 to 4294967295 (0 means the default)',
        },
      ],
      ['chat', { profileId, userId: 'x'.repeat(65) }, { field: 'userId', message: 'user id must be at most 64 bytes' }],
    ];
    for (const [kind, request, expected] of cases) {
      expect(await h.failBuild(kind, request), `${kind} ${JSON.stringify(request)}`).toEqual({
        code: 'invalid_input',
        ...expected,
      });
    }
    expect(await h.failBuild('rtc', null)).toMatchObject({
      code: 'invalid_input',
      message: 'the request must be an object',
    });
    expect(
      (await h.failBuild('rtc', { profileId: 'no-such-profile', channel: 'c', uid: 1, role: 'publisher' })).code,
    ).toBe('profile_not_found');
  });

  it('token:decode verifies with the profile whose App ID the token carries', async () => {
    const built = await h.build('rtc', { profileId, channel: 'c', uid: 9, role: 'publisher' });
    const view = await h.ok('token:decode', { token: built.token });
    expect(view.profile).toEqual({ id: profileId, name: 'desk' });
    expect(view.decoded).toMatchObject({ version: '007', appId: credentials.appId, signature: 'valid' });
    expect(view.signatureReason).toBe('Signed with the App Certificate of profile "desk".');
  });

  it('token:decode says a tampered token is invalid, and why', async () => {
    const built = await h.build('rtc', { profileId, channel: 'room-a', uid: 9, role: 'publisher' });
    const view = await h.ok('token:decode', { token: tamper007(built.token, 'room-a', 'room-b') });
    expect(view.decoded.signature).toBe('invalid');
    expect(service(view.decoded, 'rtc')).toMatchObject({ channel: 'room-b' });
    expect(view.signatureReason).toBe(
      'Not signed with the App Certificate of profile "desk": it was signed with a different certificate, or altered after signing.',
    );
  });

  it('token:decode leaves a token unchecked when no profile has its App ID', async () => {
    const stranger = randomCredentials();
    const { buildRtcToken } = await import('../../shared/token/index.js');
    const token = buildRtcToken(stranger, { channel: 'c', uid: 1 }).token;
    const view = await h.ok('token:decode', { token });
    expect(view.profile).toBeNull();
    expect(view.decoded.signature).toBe('unchecked');
    expect(view.signatureReason).toContain(`No saved profile has App ID ${stranger.appId}`);
  });

  it('token:decode checks a 006 token only with channel and uid', async () => {
    const bare = await h.ok('token:decode', { token: RTC_PUBLISHER_006, channel: '', uid: '' });
    expect(bare.decoded).toMatchObject({ version: '006', signature: 'unchecked' });
    expect(bare.profile).toEqual({ id: vectorProfileId, name: 'vectors' });
    expect(bare.signatureReason).toContain('give both');

    const right = await h.ok('token:decode', {
      token: RTC_PUBLISHER_006,
      channel: VECTOR_CHANNEL,
      uid: String(VECTOR_UID),
    });
    expect(right.decoded.signature).toBe('valid');
    expect(right.signatureReason).toBe(
      `Signed with the App Certificate of profile "vectors" for channel "${VECTOR_CHANNEL}" and uid ${VECTOR_UID}.`,
    );

    const wrong = await h.ok('token:decode', { token: RTC_PUBLISHER_006, channel: 'other', uid: String(VECTOR_UID) });
    expect(wrong.decoded.signature).toBe('invalid');
    expect(wrong.signatureReason).toContain('the channel or uid differ');
  });

  it('token:decode answers garbage with a helpful error, not a crash', async () => {
    expect(await h.fail('token:decode', { token: 'hello' })).toEqual({
      code: 'invalid_token',
      message: 'not an Agora token: a token starts with 006 or 007',
    });
    expect((await h.fail('token:decode', { token: '007AAAA' })).code).toBe('invalid_token');
    expect(await h.fail('token:decode', { token: '   ' })).toMatchObject({ code: 'invalid_input', field: 'token' });
    expect(await h.fail('token:decode', {})).toMatchObject({
      code: 'invalid_input',
      field: 'token',
      message: 'token is required',
    });
  });
});
