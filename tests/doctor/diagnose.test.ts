import {
  ConvoAITokenBuilder,
  FpaTokenBuilder,
  Rtm2Permissions,
  RtcRole,
  RtcTokenBuilder,
  RtmTokenBuilder,
  SttTokenBuilder,
} from 'agora-token';
import { describe, expect, it } from 'vitest';
import { diagnoseToken } from '../../shared/doctor/diagnose.js';
import type { DiagnoseContext } from '../../shared/doctor/schema.js';
import { buildChatAppToken, buildChatUserToken, buildRteTokens, buildRtmToken } from '../../shared/token/build.js';
import * as v from '../fixtures/agora-vectors.js';
import { AT, C, OTHER_CERT, T0, certs, codes, nowSeconds, one, publisher, rtc, run } from './helpers.js';

describe('clean cases: every kind the engine builds, used as built', () => {
  it.each<[string, () => string, DiagnoseContext]>([
    ['rtc publisher joining', () => publisher, { action: 'rtc-join', channel: 'demo', uid: 42, appId: C.appId }],
    ['rtc publisher publishing', () => publisher, { action: 'rtc-publish', channel: 'demo', uid: 42 }],
    [
      'rtc subscriber joining',
      () => rtc({ channel: 'demo', uid: 42, role: 'subscriber' }),
      { action: 'rtc-join', channel: 'demo', uid: 42 },
    ],
    [
      'rtc user account',
      () => rtc({ channel: 'demo', account: 'alice' }),
      { action: 'rtc-join', channel: 'demo', account: 'alice' },
    ],
    ['rtm login', () => buildRtmToken(C, { userId: 'alice' }, AT).token, { action: 'rtm-login', account: 'alice' }],
    [
      'rtm stream channel',
      () => buildRtmToken(C, { userId: 'alice', channel: 'lobby' }, AT).token,
      { action: 'rtm-stream-channel', channel: 'lobby', account: 'alice' },
    ],
    [
      'rte pair, RTC half',
      () => buildRteTokens(C, { channel: 'demo', uid: 42 }, AT).rtcToken,
      { action: 'rtc-join', channel: 'demo', uid: 42 },
    ],
    [
      'rte pair, RTM half',
      () => buildRteTokens(C, { channel: 'demo', uid: 42 }, AT).rtmToken,
      { action: 'rtm-login', account: '42' },
    ],
    ['chat user', () => buildChatUserToken(C, { userId: 'bob' }, AT).token, { action: 'chat-login', account: 'bob' }],
    ['chat app', () => buildChatAppToken(C, {}, AT).token, { action: 'chat-app' }],
  ])('%s', (_name, token, context) => {
    const d = run(token(), context);
    expect(d).toMatchObject({ verdict: 'ok', findings: [] });
    expect(d.token).toMatchObject({ version: '007', appId: C.appId, signature: 'valid', signedBy: 'primary' });
  });

  it.each<[string, () => string, DiagnoseContext]>([
    [
      'convoai',
      () =>
        ConvoAITokenBuilder.buildToken(
          C.appId,
          C.appCertificate,
          'agents',
          'agent-1',
          RtcRole.PUBLISHER,
          600,
          600,
          600,
          600,
          600,
          'agent-1',
          600,
        ),
      { action: 'convoai-rest', channel: 'agents', account: 'agent-1' },
    ],
    [
      'stt',
      () =>
        SttTokenBuilder.buildToken(
          C.appId,
          C.appCertificate,
          'calls',
          '9',
          RtcRole.PUBLISHER,
          600,
          600,
          600,
          600,
          600,
          '9',
          600,
        ),
      { action: 'stt-rest', channel: 'calls', uid: 9 },
    ],
    ['fpa', () => FpaTokenBuilder.buildToken(C.appId, C.appCertificate), { action: 'fpa-login' }],
    [
      'rtc + rtm in one token, joining',
      () => RtcTokenBuilder.buildTokenWithRtm(C.appId, C.appCertificate, 'demo', 'alice', RtcRole.PUBLISHER, 600, 600),
      { action: 'rtc-join', channel: 'demo', account: 'alice' },
    ],
    [
      'rtc + rtm in one token, logging in',
      () => RtcTokenBuilder.buildTokenWithRtm(C.appId, C.appCertificate, 'demo', 'alice', RtcRole.PUBLISHER, 600, 600),
      { action: 'rtm-login', account: 'alice' },
    ],
    [
      'rtm2 with permissions',
      () => {
        const p = new Rtm2Permissions();
        p.add(Rtm2Permissions.kMessageChannels, Rtm2Permissions.kRead, ['room-*']);
        return RtmTokenBuilder.buildTokenWithPermissions(C.appId, C.appCertificate, 'alice', p, 600);
      },
      { action: 'rtm-login', account: 'alice' },
    ],
  ])('%s (agora-token builder)', (_name, token, context) => {
    const d = diagnoseToken(token(), { now: nowSeconds() + 5, ...context }, { certificates: certs });
    expect(d.findings).toEqual([]);
    expect(d.verdict).toBe('ok');
  });

  it('a 006 token checked with its channel, uid and certificate', () => {
    const d = diagnoseToken(
      v.RTC_PUBLISHER_006,
      { action: 'rtc-publish', channel: v.VECTOR_CHANNEL, uid: v.VECTOR_UID, now: 1446455000 },
      { certificates: certs },
    );
    expect(d).toMatchObject({ verdict: 'ok', findings: [] });
    expect(d.token).toMatchObject({ version: '006', messageTimestamp: v.VECTOR_TS });
    expect(d.token).not.toHaveProperty('issuedAt');
  });

  it('uid 0 is clean but noted as a wildcard', () => {
    const d = run(rtc({ channel: 'demo', uid: 0 }), { action: 'rtc-join', channel: 'demo', uid: 1234 });
    expect(codes(d)).toEqual(['wildcard_uid']);
    expect(d.verdict).toBe('ok');
  });

  it('without any context or certificate: readable, unchecked, ok', () => {
    const d = diagnoseToken(publisher, { now: T0 + 10 });
    expect(codes(d)).toEqual(['signature_unchecked']);
    expect(d.verdict).toBe('ok');
  });
});

describe('malformed tokens', () => {
  const T = v.RTC_RTM_007;
  it.each([
    ['non-base64 characters', `${T.slice(0, 100)}!!!${T.slice(100)}`, /"!" at character 101/],
    ['a JWT', 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl', /JWT/],
    ['quotes', `"${T}"`, /wrapped in quotes/],
    ['plus signs turned into spaces', T.replace(/\+/g, ' '), /"\+" became a space/],
    ['an App Certificate', C.appCertificate, /32 hexadecimal characters/],
    ['a legacy Signaling key', `1:${C.appId}:1446455471:0123456789abcdef0123456789abcdef`, /legacy Signaling/],
    ['a cut-off token', T.slice(0, 80), /cannot be read/],
    ['an empty token', '   ', /empty/],
    ['JSON around the token', `{"token":"${T}"}`, /JSON/],
  ])('%s', (_name, token, message) => {
    const d = run(token);
    expect(codes(d)).toEqual(['malformed']);
    expect(d).toMatchObject({ verdict: 'problems', token: null });
    expect(one(d, 'malformed')?.message).toMatch(message);
  });

  it('the plus-sign case really is one (the token has "+" characters)', () => {
    expect(T).toContain('+');
  });
});

describe('each finding alone', () => {
  it('app_id_mismatch names both App IDs', () => {
    const d = run(publisher, { appId: 'aaaaaaaabbbbbbbbccccccccdddddddd' });
    expect(codes(d)).toEqual(['app_id_mismatch']);
    expect(d.findings[0]?.message).toMatch(/970CA35de60c44645bbae8a215061b33.*aaaaaaaabbbbbbbbccccccccdddddddd/);
  });

  it('signature_invalid when no given certificate signs', () => {
    const d = run(publisher, {}, [{ label: 'primary', value: OTHER_CERT }]);
    expect(codes(d)).toEqual(['signature_invalid']);
    expect(d.findings[0]?.severity).toBe('error');
  });

  it('a token signed by the secondary certificate is fine and says which signed', () => {
    const d = run(publisher, {}, [
      { label: 'primary', value: OTHER_CERT },
      { label: 'secondary', value: C.appCertificate },
    ]);
    expect(d.findings).toEqual([]);
    expect(d.token).toMatchObject({ signedBy: 'secondary' });
  });

  it('token_expired', () => {
    const d = run(publisher, { now: T0 + 3600 });
    expect(codes(d)).toEqual(['token_expired']);
  });

  it('privilege_expired says which privilege; a warning when the action does not need it', () => {
    const token = rtc({ channel: 'demo', uid: 42, expire: 3600, privileges: { video: 60 } });
    const d = run(token, { action: 'rtc-join', now: T0 + 120 });
    expect(codes(d)).toEqual(['privilege_expired']);
    expect(d.findings[0]).toMatchObject({ severity: 'warning' });
    expect(d.findings[0]?.message).toMatch(/rtc publishVideoStream privilege expired at 2027-01-15T08:01:00Z/);
  });

  it('expires_soon under 60 s', () => {
    const d = run(publisher, { action: 'rtc-join', now: T0 + 3600 - 30 });
    expect(codes(d)).toEqual(['expires_soon']);
    expect(d.findings[0]?.message).toMatch(/expires in 30 s/);
  });

  it('issued_in_future when the client clock is behind', () => {
    const d = run(publisher, { now: T0 - 120 });
    expect(codes(d)).toEqual(['issued_in_future']);
  });

  it('expiry_suspicious for a lifetime over 24 h', () => {
    const d = run(rtc({ channel: 'demo', uid: 42, expire: 172800 }));
    expect(codes(d)).toEqual(['expiry_suspicious']);
    expect(d.findings[0]?.message).toMatch(/172800 s .*over the 24 h/);
  });

  it('expiry_suspicious for an absolute unix time passed as a lifetime', () => {
    const d = run(rtc({ channel: 'demo', uid: 42, expire: T0 + 600 }));
    expect(codes(d)).toEqual(['expiry_suspicious']);
    expect(d.findings[0]?.message).toMatch(/looks like a unix time/);
  });

  it.each([
    ['another name', 'other', /"demo" \(bytes 64 65 6d 6f\).*"other"/],
    ['a trailing space', 'demo ', /bytes 64 65 6d 6f 20\).*whitespace/],
    ['letter case', 'Demo', /letter case/],
  ])('channel_mismatch: %s', (_name, channel, message) => {
    const d = run(publisher, { action: 'rtc-join', channel, uid: 42 });
    expect(codes(d)).toEqual(['channel_mismatch']);
    expect(d.findings[0]?.message).toMatch(message);
  });

  it('channel_mismatch: Unicode normalisation', () => {
    // Outside our builder's channel alphabet, so built with agora-token itself, as a careless server would.
    const token = RtcTokenBuilder.buildTokenWithUid(
      C.appId,
      C.appCertificate,
      'caf\u00e9',
      1,
      RtcRole.PUBLISHER,
      600,
      600,
    );
    const d = run(token, { action: 'rtc-join', channel: 'cafe\u0301', uid: 1, now: nowSeconds() });
    expect(codes(d)).toEqual(['channel_mismatch']);
    expect(d.findings[0]?.message).toMatch(/Unicode normal forms/);
  });

  it('channel_mismatch: a name over 64 bytes', () => {
    const d = run(rtc({ channel: 'a'.repeat(64), uid: 1 }), { action: 'rtc-join', channel: 'a'.repeat(65), uid: 1 });
    expect(codes(d)).toEqual(['channel_mismatch']);
    expect(d.findings[0]?.message).toMatch(/at most 64 bytes; one of these is 65/);
  });

  it('uid_mismatch', () => {
    const d = run(publisher, { action: 'rtc-join', channel: 'demo', uid: 43 });
    expect(codes(d)).toEqual(['uid_mismatch']);
    expect(d.findings[0]?.message).toBe('The token is for uid 42, but the client joins with uid 43.');
  });

  it('uid_mismatch: uid 0 asks the SDK to pick one', () => {
    const d = run(publisher, { action: 'rtc-join', channel: 'demo', uid: 0 });
    expect(codes(d)).toEqual(['uid_mismatch']);
    expect(d.findings[0]?.message).toMatch(/uid 0, which asks the SDK to pick a uid/);
  });

  it('uid_account_mixup: token for account "0042", client joins with int uid 42', () => {
    const d = run(rtc({ channel: 'demo', account: '0042' }), { action: 'rtc-join', channel: 'demo', uid: 42 });
    expect(codes(d)).toEqual(['uid_account_mixup']);
    expect(d.findings[0]?.message).toMatch(/same number written differently/);
  });

  it('uid_account_mixup: token for account "alice", client joins with an int uid', () => {
    const d = run(rtc({ channel: 'demo', account: 'alice' }), { action: 'rtc-join', channel: 'demo', uid: 7 });
    expect(codes(d)).toEqual(['uid_account_mixup']);
  });

  it('uid_account_mixup: token for int uid 123, client joins with account " 123"', () => {
    const d = run(rtc({ channel: 'demo', uid: 123 }), { action: 'rtc-join', channel: 'demo', account: ' 123' });
    expect(codes(d)).toEqual(['uid_account_mixup']);
  });

  it('a negative Java int uid is the same unsigned uid', () => {
    const d = run(rtc({ channel: 'demo', uid: 2882341273 }), {
      action: 'rtc-join',
      channel: 'demo',
      uid: 2882341273 - 2 ** 32,
    });
    expect(d.findings).toEqual([]);
  });

  it('no_publish_privilege for a subscriber that publishes, mentioning co-host authentication', () => {
    const d = run(rtc({ channel: 'demo', uid: 42, role: 'subscriber' }), {
      action: 'rtc-publish',
      channel: 'demo',
      uid: 42,
    });
    expect(codes(d)).toEqual(['no_publish_privilege']);
    expect(d.findings[0]?.fix).toMatch(/co-host authentication/);
  });

  it.each<[string, () => string, DiagnoseContext, RegExp]>([
    [
      'RTM login with an RTC-only token',
      () => publisher,
      { action: 'rtm-login', account: '42' },
      /needs the rtm or rtm2 service with the login privilege; this token carries rtc\./,
    ],
    [
      'a stream channel without the RTC service',
      () => buildRtmToken(C, { userId: 'alice' }, AT).token,
      { action: 'rtm-stream-channel', account: 'alice' },
      /stream channel/,
    ],
    [
      'chat login with an app token',
      () => buildChatAppToken(C, {}, AT).token,
      { action: 'chat-login', account: 'bob' },
      /Chat app token/,
    ],
    [
      'RTC join with an RTM token',
      () => buildRtmToken(C, { userId: 'alice' }, AT).token,
      { action: 'rtc-join' },
      /^Joining the RTC channel needs the rtc service with the joinChannel privilege; this token carries rtm\.$/,
    ],
    ['ConvoAI REST with a plain RTC token', () => publisher, { action: 'convoai-rest' }, /Conversational AI/],
  ])('service_missing: %s', (_name, token, context, message) => {
    const d = run(token(), context);
    expect(codes(d)).toEqual(['service_missing']);
    expect(d.findings[0]?.message).toMatch(message);
  });

  it('uid_mismatch for an RTM user id', () => {
    const d = run(buildRtmToken(C, { userId: 'alice' }, AT).token, { action: 'rtm-login', account: 'Alice' });
    expect(codes(d)).toEqual(['uid_mismatch']);
    expect(d.findings[0]?.message).toMatch(/RTM user id "alice".*letter case/);
  });

  it('signature_unchecked for a 006 token without channel and uid says what is missing', () => {
    const d = diagnoseToken(v.RTC_PUBLISHER_006, { now: 1446455000 }, { certificates: certs });
    expect(codes(d)).toEqual(['signature_unchecked']);
    expect(d.findings[0]?.message).toMatch(/006 token signs its channel and uid/);
  });

  it('channel_mismatch for a 006 token from its checksum, without a certificate', () => {
    const d = diagnoseToken(v.RTC_PUBLISHER_006, {
      action: 'rtc-join',
      channel: 'other',
      uid: v.VECTOR_UID,
      now: 1446455000,
    });
    expect(codes(d)).toEqual(['channel_mismatch', 'signature_unchecked']);
  });
});
