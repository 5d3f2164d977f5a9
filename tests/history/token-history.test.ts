import { describe, expect, it } from 'vitest';
import { HISTORY_LIMIT, TokenHistory, type NewHistoryEntry } from '../../shared/history/token-history.js';

const entry = (n: number): NewHistoryEntry => ({
  kind: 'rtc',
  profileId: 'p1',
  input: { channel: 'demo', uid: n },
  subject: [
    { name: 'Channel', value: 'demo' },
    { name: 'UID', value: String(n) },
  ],
  tokens: [{ name: 'Token', token: `007token${n}` }],
  issuedAt: 1000 + n,
  expiresAt: 4600 + n,
});

describe('TokenHistory', () => {
  it('lists newest first with increasing ids', () => {
    const history = new TokenHistory();
    history.add(entry(1));
    history.add(entry(2));
    expect(history.list().map((e) => [e.id, e.tokens[0]?.token])).toEqual([
      [2, '007token2'],
      [1, '007token1'],
    ]);
  });

  it(`keeps at most ${HISTORY_LIMIT} entries, dropping the oldest`, () => {
    const history = new TokenHistory();
    for (let n = 1; n <= HISTORY_LIMIT + 5; n++) history.add(entry(n));
    const list = history.list();
    expect(list).toHaveLength(HISTORY_LIMIT);
    expect(list[0]?.tokens[0]?.token).toBe(`007token${HISTORY_LIMIT + 5}`);
    expect(list[list.length - 1]?.tokens[0]?.token).toBe('007token6');
  });

  it('never reuses an id, even after clearing', () => {
    const history = new TokenHistory(2);
    history.add(entry(1));
    history.add(entry(2));
    history.clear();
    expect(history.add(entry(3)).id).toBe(3);
  });

  it('tells listeners about every change, including clear; unsubscribe stops it', () => {
    const history = new TokenHistory();
    const seen: number[] = [];
    const off = history.onChange((list) => seen.push(list.length));
    history.add(entry(1));
    history.add(entry(2));
    history.clear();
    off();
    history.add(entry(3));
    expect(seen).toEqual([1, 2, 0]);
    expect(history.list()).toHaveLength(1);
  });
});
