import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { diagnoseToken } from '../../shared/doctor/diagnose.js';
import { FINDING_CODES, diagnoseContextSchema, diagnosisSchema } from '../../shared/doctor/schema.js';
import { SDK_ERROR_CODES } from '../../shared/doctor/sdk-error-codes.js';
import { buildRtcToken } from '../../shared/token/build.js';
import * as v from '../fixtures/agora-vectors.js';

describe('diagnose context schema', () => {
  it('accepts a full context and a signed 32-bit uid', () => {
    const parsed = diagnoseContextSchema.parse({
      appId: v.VECTOR_CREDENTIALS.appId,
      action: 'rtc-join',
      channel: ' demo ',
      uid: -1,
      errorCode: 110,
      now: 1,
    });
    expect(parsed.channel).toBe(' demo ');
  });
  it.each([
    [{ uid: 1, account: 'a' }, 'give either uid or account, not both'],
    [{ action: 'rtc-jion' }, /^action must be one of rtc-join, rtc-publish/],
    [{ uid: 2 ** 32 }, /^uid must be a whole number/],
    [{ chanel: 'x' }, /Unrecognized key|unrecognized/i],
  ])('refuses %j', (input, message) => {
    const result = diagnoseContextSchema.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toMatch(message);
  });
});

describe('diagnosis schema', () => {
  it('describes what diagnoseToken returns, readable or not', () => {
    const token = buildRtcToken(v.VECTOR_CREDENTIALS, { channel: 'c', uid: 1 }).token;
    expect(diagnosisSchema.safeParse(diagnoseToken(token, { uid: 2 })).success).toBe(true);
    expect(diagnosisSchema.safeParse(diagnoseToken('nope')).success).toBe(true);
    expect(diagnosisSchema.safeParse(diagnoseToken(v.RTC_PUBLISHER_006)).success).toBe(true);
  });
});

describe('the SDK error table', () => {
  it('only names finding codes that exist', () => {
    for (const entry of SDK_ERROR_CODES) for (const cause of entry.causes) expect(FINDING_CODES).toContain(cause);
  });
  it('cites a source above every entry', () => {
    const source = readFileSync(new URL('../../shared/doctor/sdk-error-codes.ts', import.meta.url), 'utf8');
    const table = source.slice(source.indexOf('SDK_ERROR_CODES'));
    const firstEntry = table.indexOf('{');
    expect(table.slice(0, firstEntry + 200)).toMatch(/\/\/ .*https:\/\//);
    expect(table.match(/\/\/ .*https:\/\//g)?.length).toBeGreaterThanOrEqual(6);
  });
});

describe('browser safety', () => {
  it('shared/doctor imports no Node module and uses no Buffer', () => {
    const dir = new URL('../../shared/doctor/', import.meta.url);
    for (const name of readdirSync(dir)) {
      const text = readFileSync(new URL(name, dir), 'utf8');
      expect(text, name).not.toMatch(/from ['"]node:|require\(|\bBuffer\b|process\./);
    }
  });
});
