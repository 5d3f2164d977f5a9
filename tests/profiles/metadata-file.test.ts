import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  CorruptMetadataError,
  MAX_METADATA_BYTES,
  MetadataFile,
  emptyMetadata,
  parseMetadata,
  type Metadata,
} from '../../shared/profiles/metadata-file.js';
import { tempHome } from './keychain-env.js';

const sample: Metadata = {
  version: 1,
  defaultProfileId: 'a1',
  profiles: [
    { id: 'a1', name: 'demo', appId: '970CA35de60c44645bbae8a215061b33', createdAt: '2026-11-23T00:00:00.000Z' },
  ],
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
    [
      'a certificate field',
      JSON.stringify({ ...sample, profiles: [{ ...sample.profiles[0], appCertificate: 'x' }] }),
      /unexpected content/,
    ],
    [
      'duplicate names',
      JSON.stringify({ ...sample, profiles: [sample.profiles[0], { ...sample.profiles[0], id: 'b2', name: 'DEMO' }] }),
      /share a name/,
    ],
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

  // A large damaged file used to be validated element by element with one issue recorded per
  // element (seconds and gigabytes); now the read stops at the size cap or the first problem.
  const element = { id: 'x', name: 'n', appId: 'not-an-app-id', createdAt: 'never' };
  const bigFile = (bytes: number): string => {
    const one = JSON.stringify(element);
    const count = Math.ceil(bytes / (one.length + 1));
    return JSON.stringify({
      version: 1,
      defaultProfileId: null,
      profiles: Array.from({ length: count }, () => element),
    });
  };

  it.each([
    ['2 MB', 2_000_000],
    ['6 MB', 6_000_000],
  ])('moves a %s file aside at once, saying it is too large, with one message', async (_label, bytes) => {
    const dir = fresh();
    const text = bigFile(bytes);
    writeFileSync(join(dir, 'profiles.json'), text);
    const error = (await new MetadataFile(dir).read().catch((e: unknown) => e)) as CorruptMetadataError;
    expect(error).toBeInstanceOf(CorruptMetadataError);
    expect(error.message).toBe(
      `profiles.json could not be read (it is larger than 1 MiB); it was moved to ${error.movedTo} and the profiles in it are not loaded: add them again, then delete that file`,
    );
    expect(statSync(error.movedTo).size).toBe(Buffer.byteLength(text));
    expect(readdirSync(dir)).toEqual([error.movedTo.split('/').pop()]);
  });

  it('stops at the first bad profile of a file just under the cap', async () => {
    const dir = fresh();
    const text = bigFile(MAX_METADATA_BYTES - 200);
    expect(Buffer.byteLength(text)).toBeLessThanOrEqual(MAX_METADATA_BYTES);
    writeFileSync(join(dir, 'profiles.json'), text);
    const error = (await new MetadataFile(dir).read().catch((e: unknown) => e)) as CorruptMetadataError;
    expect(error).toBeInstanceOf(CorruptMetadataError);
    expect(error.message).toMatch(
      /^profiles\.json could not be read \(unexpected content at profiles\.0\.appId\); it was moved to /,
    );
  });

  it('parseMetadata names only the first problem', () => {
    const two = JSON.stringify({ ...sample, profiles: [sample.profiles[0], { ...element }, { ...element }] });
    expect(parseMetadata(two)).toBe('unexpected content at profiles.1.appId');
    expect(parseMetadata(JSON.stringify(sample))).toEqual(sample);
  });
});
