import { describe, expect, it } from 'vitest';
import { apiKeyMatcher } from '../../shared/server/api-key-match.js';

describe('apiKeyMatcher', () => {
  const keys = ['abc', 'abcd', 'atd_0123456789abcdefghijklmnopqrstuvwxyzABCDEFG', 'clé-ünïcode'];
  const match = apiKeyMatcher(keys);

  it('finds each key by its position', () => {
    keys.forEach((key, index) => expect(match(key)).toBe(index));
  });

  it('refuses prefixes, extensions, near misses and other lengths', () => {
    for (const presented of ['ab', 'abce', 'abcde', 'abc\u0000', 'ABC', '', 'clé-ünïcod', 'clé-ünïcodé']) {
      expect(match(presented), JSON.stringify(presented)).toBe(-1);
    }
    expect(match(`${keys[2]}x`)).toBe(-1);
    expect(match('x'.repeat(10_000))).toBe(-1);
  });

  it('keeps working across calls (the shared buffer is cleared each time)', () => {
    expect(match(keys[2] as string)).toBe(2);
    // A shorter key after a long one must not match on the long one's leftover bytes.
    expect(match('atd_0123456789')).toBe(-1);
    expect(match('abcd')).toBe(1);
    expect(match('abc')).toBe(0);
  });

  it('matches nothing when there are no keys', () => {
    expect(apiKeyMatcher([])('anything')).toBe(-1);
    expect(apiKeyMatcher([])('')).toBe(-1);
  });
});
