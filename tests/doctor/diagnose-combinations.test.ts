import { describe, expect, it } from 'vitest';
import { C, OTHER_CERT, T0, codes, one, publisher, rtc, run } from './helpers.js';

describe('error codes', () => {
  it('110 with a wrong uid names the matching finding', () => {
    const d = run(publisher, { action: 'rtc-join', channel: 'demo', uid: 43, errorCode: 110 });
    expect(codes(d)).toEqual(['uid_mismatch', 'error_code_explained']);
    expect(one(d, 'error_code_explained')?.message).toMatch(
      /^RTC error 110 \(ERR_INVALID_TOKEN\).*Matching findings: uid_mismatch\.$/,
    );
  });

  it('109 with an expired token', () => {
    const d = run(publisher, { action: 'rtc-join', errorCode: 109, now: T0 + 4000 });
    expect(codes(d)).toEqual(['token_expired', 'error_code_explained']);
    expect(one(d, 'error_code_explained')?.message).toMatch(/Matching findings: token_expired/);
  });

  it('an RTM login error is read in the RTM table', () => {
    const d = run(publisher, { action: 'rtm-login', account: '42', errorCode: 5 });
    expect(codes(d)).toEqual(['service_missing', 'error_code_explained']);
    expect(one(d, 'error_code_explained')?.message).toMatch(/RTM error 5 \(LOGIN_ERR_INVALID_TOKEN\).*service_missing/);
  });

  it('a constant name and a negative return value are understood', () => {
    expect(
      one(run(publisher, { action: 'rtc-join', errorCode: 'err_token_expired' }), 'error_code_explained')?.message,
    ).toMatch(/RTC error 109/);
    expect(one(run(publisher, { action: 'rtc-join', errorCode: -17 }), 'error_code_explained')?.message).toMatch(
      /RTC error 17 \(ERR_JOIN_CHANNEL_REJECTED\)/,
    );
  });

  it('an error with none of its causes present says so', () => {
    const d = run(publisher, { action: 'rtc-join', channel: 'demo', uid: 42, errorCode: 110 });
    expect(codes(d)).toEqual(['error_code_explained']);
    expect(d.findings[0]?.message).toMatch(/None of its usual causes shows/);
    expect(d.verdict).toBe('ok');
  });

  it('error_code_unknown for a code outside the table', () => {
    expect(codes(run(publisher, { action: 'rtc-join', errorCode: 99999 }))).toEqual(['error_code_unknown']);
  });

  it('without an action, a code is looked up in every product', () => {
    const d = run(publisher, { errorCode: 109 });
    expect(d.findings.filter((f) => f.code === 'error_code_explained').map((f) => f.message.slice(0, 9))).toEqual([
      'RTC error',
      'RTM error',
      'Chat erro',
    ]);
  });
});

describe('combinations', () => {
  it('wrong App ID, wrong channel and expired: all three, errors first', () => {
    const d = run(publisher, {
      appId: 'aaaaaaaabbbbbbbbccccccccdddddddd',
      action: 'rtc-join',
      channel: 'lobby',
      uid: 42,
      now: T0 + 7200,
    });
    expect(codes(d)).toEqual(['app_id_mismatch', 'channel_mismatch', 'token_expired']);
    expect(d.verdict).toBe('problems');
  });

  it('wrong certificate and wrong uid with error 110', () => {
    const d = run(publisher, { action: 'rtc-join', channel: 'demo', uid: 1, errorCode: 110 }, [
      { label: 'primary', value: OTHER_CERT },
    ]);
    expect(codes(d)).toEqual(['uid_mismatch', 'signature_invalid', 'error_code_explained']);
    expect(one(d, 'error_code_explained')?.message).toMatch(/Matching findings: uid_mismatch, signature_invalid\./);
  });

  it('an expired subscriber token that wants to publish', () => {
    const d = run(rtc({ channel: 'demo', uid: 42, role: 'subscriber' }), { action: 'rtc-publish', now: T0 + 7200 });
    expect(codes(d)).toEqual(['token_expired', 'no_publish_privilege']);
  });

  it('an expired publisher token that wants to publish is reported once, as expired', () => {
    expect(codes(run(publisher, { action: 'rtc-publish', now: T0 + 7200 }))).toEqual(['token_expired']);
  });

  it('a publish privilege that ran out while joining still works: error for publishing, warning for joining', () => {
    const token = rtc({
      channel: 'demo',
      uid: 42,
      expire: 3600,
      privilegeExpire: 3600,
      privileges: { audio: 60, video: 60, data: 60 },
    });
    const publishing = run(token, { action: 'rtc-publish', now: T0 + 120 });
    expect(codes(publishing)).toEqual([
      'privilege_expired',
      'privilege_expired',
      'no_publish_privilege',
      'privilege_expired',
    ]);
    expect(publishing.findings.map((f) => f.severity)).toEqual(['error', 'error', 'error', 'warning']);
    const joining = run(token, { action: 'rtc-join', now: T0 + 120 });
    expect(joining.findings.every((f) => f.severity === 'warning')).toBe(true);
  });

  it('a wildcard token with a wrong channel and the secondary certificate', () => {
    const d = run(rtc({ channel: 'demo', uid: 0 }), { action: 'rtc-join', channel: 'demo2', uid: 5 }, [
      { label: 'primary', value: OTHER_CERT },
      { label: 'secondary', value: C.appCertificate },
    ]);
    expect(codes(d)).toEqual(['channel_mismatch', 'wildcard_uid']);
    expect(d.token).toMatchObject({ signedBy: 'secondary' });
  });
});
