import { describe, expect, it } from 'vitest';
import { durationText, parseDefaultExpiry, parseDefaultPort } from '../../../renderer/src/logic/settings-form.js';

describe('the Settings form', () => {
  it('shows an expiry the way it would be typed', () => {
    expect([3600, 600, 86400, 90, 7200, 61].map(durationText)).toEqual(['1h', '10m', '1d', '90', '2h', '61']);
  });

  it('takes seconds or a duration as the default expiry, never 0 or text', () => {
    expect(parseDefaultExpiry('10m')).toEqual({ ok: true, value: 600 });
    expect(parseDefaultExpiry(' 900 ')).toEqual({ ok: true, value: 900 });
    expect(parseDefaultExpiry('0').ok).toBe(false);
    expect(parseDefaultExpiry('soon').ok).toBe(false);
  });

  it('takes a fixed port from 1 to 65535', () => {
    expect(parseDefaultPort('9400')).toEqual({ ok: true, value: 9400 });
    expect(parseDefaultPort('0').ok).toBe(false);
    expect(parseDefaultPort('65536').ok).toBe(false);
    expect(parseDefaultPort('80a')).toEqual({ ok: false, error: 'Enter a port from 1 to 65535.' });
  });
});
