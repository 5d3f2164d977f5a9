import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CorruptMetadataError, MetadataFile, emptyMetadata, type Metadata } from '../../shared/profiles/metadata-file.js';
import { tempHome } from './keychain-env.js';

const sample: Metadata = {
  version: 1,
  defaultProfileId: 'a1',
  profiles: [{ id: 'a1', name: 'demo', appId: '970CA35de60c44645bbae8a215061b33', createdAt: '2026-11-23T00:00:00.000Z' }],
};

// profiles.json itself; the keychain side is in profile-store.test.ts.
describe('MetadataFile', () => {
  const homes: Array<() => void> = [];
  const fresh = (): string => {
    const { home, cleanup } = tempHome('atd-meta');
    homes.push(cleanup);
    return home;
  };
  afterEach(() => homes.splice(0).forEach((cleanup) => cleanup()));

  it('reads an absent file as an empty store and creates nothing', async () => {
    const dir = join(fresh(), 'not-yet');
    expect(await new MetadataFile(dir).read()).toEqual(emptyMetadata());
    expect(() => statSync(dir)).toThrow();
  });

  it('writes atomically: mode 0600 in a 0700 folder, no temporary file left, reads back equal', async () => {
    const dir = join(fresh(), 'data');
    const file = new MetadataFile(dir);
    await file.write(sample);
    await file.write({ ...sample, defaultProfileId: null });
    expect(readdirSync(dir)).toEqual(['profiles.json']);
    expect(statSync(file.path).mode & 0o777).toBe(0o600);
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    expect(await file.read()).toEqual({ ...sample, defaultProfileId: null });
  });

  it.each([
    ['not JSON', '{"version": 1, "profiles": [', /not valid JSON/],
    ['a wrong shape', '{"version": 1, "profiles": {}}', /unexpected content/],
    ['a certificate field', JSON.stringify({ ...sample, profiles: [{ ...sample.profiles[0], appCertificate: 'x' }] }), /unexpected content/],
    ['duplicate names', JSON.stringify({ ...sample, profiles: [sample.profiles[0], { ...sample.profiles[0], id: 'b2', name: 'DEMO' }] }), /share a name/],
  ])('moves a file with %s aside, keeps its bytes and says where it went', async (_label, text, reason) => {
    const dir = fresh();
    writeFileSync(join(dir, 'profiles.json'), text);
    const file = new MetadataFile(dir);
    const error = await file.read().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CorruptMetadataError);
    const corrupt = error as CorruptMetadataError;
    expect(corrupt.code).toBe('profile_store_corrupt');
    expect(corrupt.message).toMatch(reason);
    expect(corrupt.message).toContain(corrupt.movedTo);
    expect(corrupt.movedTo).toMatch(/profiles\.json\.corrupt-\d{4}-\d\d-\d\dT[\d-]+Z$/);
    expect(readFileSync(corrupt.movedTo, 'utf8')).toBe(text);
    expect(await file.corruptFiles()).toEqual([corrupt.movedTo]);
    // The store starts over empty; the moved file stays until the user deletes it.
    expect(await file.read()).toEqual(emptyMetadata());
  });
});
