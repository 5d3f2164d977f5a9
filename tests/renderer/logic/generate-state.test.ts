import { describe, expect, it } from 'vitest';
import { EMPTY_FORM } from '../../../renderer/src/logic/generate-form.js';
import { EXPIRY_PRESETS, longExpiryWarning } from '../../../renderer/src/logic/expiry-presets.js';
import {
  initialForm,
  initialState,
  visibleErrors,
  withDefaultExpiry,
  withKind,
  type GenerateState,
} from '../../../renderer/src/logic/generate-state.js';

const state = (change: Partial<GenerateState> = {}): GenerateState => ({ ...initialState(), ...change });

describe('Generate state', () => {
  const all = { channel: 'channel is required', uid: 'uid must be…', form: 'unknown key' };

  it('shows no error on untouched fields before a submit', () => {
    expect(visibleErrors(state(), all)).toEqual({});
  });

  it("shows a field's error once it was left, and every error after a submit", () => {
    expect(visibleErrors(state({ touched: { channel: true } }), all)).toEqual({ channel: 'channel is required' });
    expect(visibleErrors(state({ submitted: true }), all)).toEqual(all);
  });

  it("shows the server's field error with the others after a submit", () => {
    const shown = visibleErrors(state({ submitted: true, serverErrors: { channel: 'taken' } }), {});
    expect(shown).toEqual({ channel: 'taken' });
  });

  it('starts from the default expiry when one is given, else from the empty form', () => {
    expect(initialForm()).toBe(EMPTY_FORM);
    expect(initialForm(600).values).toEqual({ ...EMPTY_FORM.values, expire: '600' });
    expect(initialForm(600).kind).toBe(EMPTY_FORM.kind);
  });

  it('takes a default expiry that arrives later, unless the user typed another expiry', () => {
    const empty = state();
    expect(withDefaultExpiry(empty, undefined, 600).form.values['expire']).toBe('600');
    const old = state({ form: initialForm(600) });
    expect(withDefaultExpiry(old, 600, 7200).form.values['expire']).toBe('7200');
    const typed = state({ form: { ...EMPTY_FORM, values: { ...EMPTY_FORM.values, expire: '1h' } } });
    expect(withDefaultExpiry(typed, 600, 7200).form).toBe(typed.form);
  });

  it("keeps each kind's fields on its own tab, and starts an untouched kind from its defaults", () => {
    const typed = state({ form: { ...EMPTY_FORM, values: { ...EMPTY_FORM.values, channel: 'room', uid: '42' } } });
    const onRtm = withKind(typed, 'rtm');
    expect(onRtm.form).toEqual({ kind: 'rtm', values: {}, choices: {} });
    const onRtcRtm = withKind(onRtm, 'rtc-rtm');
    expect(onRtcRtm.form.values).toEqual({ uid: '1' });
    expect(withKind(onRtcRtm, 'rtc').form.values).toEqual({ channel: 'room', uid: '42' });
  });

  it('gives a kind opened after a new default expiry that expiry', () => {
    const later = withDefaultExpiry(state(), undefined, 600);
    expect(withKind(later, 'chat').form.values).toEqual({ expire: '600' });
  });
});

describe('expiry presets', () => {
  it('are 10 min, 1 h and 24 h', () => {
    expect(EXPIRY_PRESETS.map((preset) => [preset.label, preset.seconds])).toEqual([
      ['10 min', 600],
      ['1 h', 3600],
      ['24 h', 86400],
    ]);
  });

  it('warn above 24 h only, in seconds or durations', () => {
    expect(longExpiryWarning('86400')).toBeUndefined();
    expect(longExpiryWarning('1d')).toBeUndefined();
    expect(longExpiryWarning('')).toBeUndefined();
    expect(longExpiryWarning('abc')).toBeUndefined();
    expect(longExpiryWarning('86401')).toContain('Agora caps privileges at 24 h');
    expect(longExpiryWarning('25h')).toContain('Agora caps privileges at 24 h');
    expect(longExpiryWarning('2d')).toContain('Agora caps privileges at 24 h');
  });
});
