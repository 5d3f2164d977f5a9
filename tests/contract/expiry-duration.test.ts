import { describe, expect, it } from 'vitest';
import { parseDuration } from '../../shared/contract/fields.js';
import { inputFromValues } from '../../shared/token/kinds/field-values.js';
import type { KindField } from '../../shared/token/kinds/kind.js';

describe('parseDuration (the expiry rule for typed text)', () => {
  it.each([
    ['600', 600],
    ['90s', 90],
    ['10m', 600],
    ['1h', 3600],
    ['1d', 86400],
    [' 2H ', 7200],
    ['0', 0],
  ])('%s is %d seconds', (text, seconds) => {
    expect(parseDuration(text)).toBe(seconds);
  });

  it.each(['', '10x', '1.5h', '-5m', '1h30m', 'm', '99999999999', '49711d'])('rejects %j', (text) => {
    expect(parseDuration(text)).toBeUndefined();
  });

  it('feeds form and flag values: a duration converts, junk becomes NaN for the schema to reject', () => {
    const fields = [{ key: 'expire', flag: 'expire', type: 'seconds' }] as unknown as KindField[];
    expect(inputFromValues(fields, { expire: '10m' })).toEqual({ expire: 600 });
    expect(inputFromValues(fields, { expire: 'soon' })).toEqual({ expire: Number.NaN });
  });
});
