import { describe, expect, it } from 'vitest';
import { EMPTY_DOCTOR_FORM, doctorContext } from '../../../renderer/src/logic/doctor-form.js';
import { findingsSummary } from '../../../renderer/src/logic/findings-summary.js';
import { AXIS_WIDTH, timelineView } from '../../../renderer/src/logic/timeline-view.js';
import { buildRtcToken, decodeToken } from '../../../shared/token/index.js';
import { randomCredentials } from '../../profiles/keychain-env.js';

describe('doctorContext: the panel boxes as the doctor context', () => {
  it('leaves empty boxes out and keeps the channel exactly as typed', () => {
    expect(doctorContext(EMPTY_DOCTOR_FORM)).toEqual({ ok: true, context: {} });
    const form = {
      ...EMPTY_DOCTOR_FORM,
      appId: ' abc ',
      action: 'rtc-join' as const,
      channel: ' room ',
      identity: '-1',
      errorCode: '110',
    };
    expect(doctorContext(form)).toEqual({
      ok: true,
      context: { appId: 'abc', action: 'rtc-join', channel: ' room ', uid: -1, errorCode: 110 },
    });
  });

  it('sends the identity as the SDK call takes it, and error names as names', () => {
    const form = {
      ...EMPTY_DOCTOR_FORM,
      identityCall: 'account' as const,
      identity: '123',
      errorCode: 'ERR_INVALID_TOKEN',
    };
    expect(doctorContext(form)).toEqual({ ok: true, context: { account: '123', errorCode: 'ERR_INVALID_TOKEN' } });
  });

  it("answers a bad uid with the contract's message on the identity box", () => {
    const result = doctorContext({ ...EMPTY_DOCTOR_FORM, identity: '42x' });
    expect(result).toMatchObject({ ok: false, field: 'identity' });
    expect(!result.ok && result.message).toMatch(/^uid must be a whole number/);
    expect(doctorContext({ ...EMPTY_DOCTOR_FORM, identity: '4294967296' })).toMatchObject({
      ok: false,
      field: 'identity',
    });
  });
});

describe('timelineView and findingsSummary', () => {
  it('places the token and its privileges on one axis with now marked', () => {
    const issuedAt = 1_700_000_000;
    const decoded = decodeToken(
      buildRtcToken(randomCredentials(), { channel: 'c', uid: 1, role: 'subscriber', expire: 1000 }, { issuedAt })
        .token,
    );
    const view = timelineView(decoded, issuedAt + 250);
    expect(view.nowX).toBe(AXIS_WIDTH / 4);
    expect(view.rows.map((r) => [r.label, r.x, r.width, r.expired])).toEqual([
      ['token', 0, AXIS_WIDTH, false],
      ['rtc joinChannel', 0, AXIS_WIDTH, false],
    ]);
    expect(timelineView(decoded, issuedAt + 2000).rows.every((r) => r.expired && r.width === AXIS_WIDTH / 2)).toBe(
      true,
    );
  });

  it('counts errors and warnings, and says when there is no problem', () => {
    const f = (severity: 'error' | 'warning' | 'info') => ({
      code: 'wildcard_uid' as const,
      severity,
      message: 'm',
      fix: 'f',
    });
    expect(findingsSummary({ verdict: 'ok', findings: [], token: null })).toBe('No problems found.');
    expect(findingsSummary({ verdict: 'ok', findings: [f('info')], token: null })).toBe('No problems found (1 note).');
    expect(
      findingsSummary({ verdict: 'problems', findings: [f('error'), f('error'), f('warning')], token: null }),
    ).toBe('Problems found: 2 errors, 1 warning.');
  });
});
