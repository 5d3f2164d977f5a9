import { describe, expect, it } from 'vitest';
import { absoluteTime, describeExpiry, humanSpan } from '../../shared/relative-time.js';
import { cleanPastedToken } from '../../shared/token/pasted-token.js';

describe('cleanPastedToken', () => {
  it.each([
    ['"007abc"', '007abc'],
    ["'007abc'", '007abc'],
    ['`007abc`', '007abc'],
    ['  "007abc"\n', '007abc'],
    ['\n007abc \n', '007abc'],
    ['"007abc', '"007abc'],
    ['007a"bc', '007a"bc'],
  ])('%j → %j', (pasted, token) => expect(cleanPastedToken(pasted)).toBe(token));
});

describe('one time formatter', () => {
  const T0 = 1_700_000_000;
  it('a fresh 24 h token reads "in 24 h", even a second later', () => {
    expect(describeExpiry(T0 + 86400, T0 + 1)).toBe('in 24 h');
    expect(describeExpiry(T0 + 86400, T0 + 20)).toBe('in 24 h');
  });
  it('rounds to the nearest unit', () => {
    expect(humanSpan(9 * 60 + 40)).toBe('10 min');
    expect(humanSpan(3600 - 10)).toBe('1 h');
    expect(humanSpan(90 * 60)).toBe('2 h');
  });
  it('shows absolute times as UTC by default, unix or local on request', () => {
    expect(absoluteTime(T0)).toBe('2023-11-14T22:13:20Z');
    expect(absoluteTime(T0, 'unix')).toBe('1700000000');
    expect(absoluteTime(T0, 'local')).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
  });
});
