import { describe, expect, it } from 'vitest';
import { z } from 'zod/mini';
import { buildKind, getKind } from '../../shared/token/index.js';
import { rtcKind } from '../../shared/token/kinds/rtc.js';
import { acceptRtcInput } from '../../shared/token/kinds/rtc-accept.js';
import { VECTOR_CREDENTIALS as C } from '../fixtures/agora-vectors.js';

/**
 * The RTC kind's fast path must return exactly what its schema returns, and nothing for an
 * input the schema refuses. Compared over inputs drawn from values on both sides of every rule.
 */

const ABSENT = Symbol('absent');
const POOLS: Record<string, readonly unknown[]> = {
  channel: [
    'test',
    '',
    ' ',
    'a b',
    '*',
    'a'.repeat(64),
    'a'.repeat(65),
    'é',
    '中',
    'x/y',
    'ok!#$%',
    123,
    null,
    undefined,
  ],
  uid: [0, 1, 1234, 4294967295, 4294967296, -1, -0, 1.5, Number.NaN, Infinity, '1234', null, undefined],
  account: [
    'alice',
    '',
    'x'.repeat(255),
    'x'.repeat(256),
    'é'.repeat(127),
    'é'.repeat(128),
    '中'.repeat(86),
    5,
    null,
    undefined,
  ],
  role: ['publisher', 'subscriber', 'Publisher', 'admin', '', 1, null, undefined],
  expire: [0, 1, 3600, 4294967295, 4294967296, -1, 2.5, '3600', null, undefined],
};
const EXTRAS: readonly Record<string, unknown>[] = [
  {},
  {},
  {},
  { privilegeExpire: 10 },
  { privileges: { join: 5 } },
  { foo: 1 },
];

// A small deterministic generator, so a failure names an input that can be replayed.
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function drawInput(next: () => number): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  for (const [key, pool] of Object.entries(POOLS)) {
    // About a third of the time the key is left out, which differs from a key set to undefined.
    const choice = Math.floor(next() * (pool.length * 1.5));
    const value = choice < pool.length ? pool[choice] : ABSENT;
    if (value !== ABSENT) input[key] = value;
  }
  return { ...input, ...EXTRAS[Math.floor(next() * EXTRAS.length)] };
}

describe('acceptRtcInput', () => {
  it('returns what the schema returns, key order included, or undefined', () => {
    const next = random(20261125);
    let accepted = 0;
    let valid = 0;
    for (let i = 0; i < 100_000; i++) {
      const input = drawInput(next);
      const fast = acceptRtcInput(input);
      const slow = z.safeParse(rtcKind.schema, input);
      if (slow.success) valid++;
      if (fast === undefined) continue;
      accepted++;
      expect(slow.success, JSON.stringify(input)).toBe(true);
      if (!slow.success) continue;
      expect(fast, JSON.stringify(input)).toStrictEqual(slow.data);
      expect(Object.keys(fast)).toEqual(Object.keys(slow.data as object));
    }
    // The comparison means something only if both sides were exercised.
    expect(valid).toBeGreaterThan(1000);
    expect(accepted).toBeGreaterThan(valid / 2);
  });

  it('accepts what the server builds on every request', () => {
    const shapes = [
      { channel: 'test', role: 'publisher', expire: 3600, uid: 1234 },
      { channel: 'test', role: 'subscriber', expire: undefined, uid: 0 },
      { channel: 'test', role: 'publisher', expire: undefined, account: 'alice' },
      { channel: 'test', uid: 7 },
    ];
    for (const input of shapes) {
      expect(acceptRtcInput(input), JSON.stringify(input)).toStrictEqual(z.parse(rtcKind.schema, input));
    }
  });

  it('leaves anything unusual to the schema', () => {
    expect(acceptRtcInput(Object.assign(Object.create(null) as object, { channel: 'a', uid: 1 }))).toBeUndefined();
    expect(acceptRtcInput([])).toBeUndefined();
    expect(acceptRtcInput('channel')).toBeUndefined();
    expect(acceptRtcInput({ channel: 'a', uid: 1, privilegeExpire: 60 })).toBeUndefined();
  });

  it('is what buildKind uses, and builds the same bytes as the schema path', () => {
    let calls = 0;
    const counted = { ...getKind('rtc'), accept: (input: unknown) => (calls++, acceptRtcInput(input)) };
    const fixed = { issuedAt: 1_790_000_000, salt: 42 };
    const input = { channel: 'test', role: 'subscriber', uid: 99, expire: 600 };
    const viaAccept = buildKind(counted, C, input, fixed);
    const viaSchema = buildKind({ ...getKind('rtc'), accept: undefined }, C, input, fixed);
    expect(calls).toBe(1);
    expect(viaAccept).toStrictEqual(viaSchema);
  });

  it('still reports the schema message for a refused input', () => {
    expect(() => buildKind('rtc', C, { channel: 'a'.repeat(65), uid: 1 })).toThrow('channel must be at most 64 bytes');
    expect(() => buildKind('rtc', C, { channel: 'a', uid: 1, account: 'b' })).toThrow(
      'give either uid or account, not both',
    );
  });
});
