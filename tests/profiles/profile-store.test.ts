import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { OsKeychain } from '../../shared/profiles/keychain.js';
import { ProfileStore } from '../../shared/profiles/profile-store.js';
import {
  filesUnder,
  keychainReady,
  randomCredentials,
  removeAll,
  secretToolClear,
  secretToolLookup,
  secretToolStore,
  tempHome,
  uniqueService,
  failure,
} from './keychain-env.js';

const ready = await keychainReady('ProfileStore keychain tests');

describe.skipIf(!ready)('ProfileStore on the real Secret Service', () => {
  // Each store has a data folder and a keychain service of its own, as separate installs would.
  const opened: Array<{ home: string; service: string; cleanup: () => void }> = [];
  const secrets: string[] = [];
  const open = (): { store: ProfileStore; home: string; service: string } => {
    const { home, cleanup } = tempHome();
    const service = uniqueService();
    opened.push({ home, service, cleanup });
    return { store: new ProfileStore({ home, keychain: new OsKeychain(service) }), home, service };
  };
  const credentials = () => {
    const c = randomCredentials();
    secrets.push(c.appCertificate);
    return c;
  };

  afterAll(async () => {
    for (const { home, service, cleanup } of opened) {
      // No certificate ever reaches a file in the data folder.
      for (const file of filesUnder(home)) for (const secret of secrets) expect(file.text).not.toContain(secret);
      await removeAll(new ProfileStore({ home, keychain: new OsKeychain(service) }));
      cleanup();
    }
  });

  it('puts the certificate in the keychain under the profile id, and only the metadata in profiles.json', async () => {
    const { store, home, service } = open();
    const c = credentials();
    const added = await store.add({ name: 'demo', ...c });
    expect(added).toMatchObject({ name: 'demo', appId: c.appId, isDefault: true });
    expect(secretToolLookup(added.id, service)).toBe(c.appCertificate);
    expect(await store.readCertificate('demo')).toBe(c.appCertificate);
    expect(await store.credentials(added.id)).toEqual(c);
    const files = filesUnder(home);
    expect(files.map((f) => f.path)).toEqual([join(home, 'profiles.json')]);
    expect(files[0]?.text).toContain(c.appId);
    expect(files[0]?.text).not.toContain(c.appCertificate);
  });

  it('makes only the first profile the default; use, rename and a new certificate work by name or id', async () => {
    const { store, service } = open();
    const first = await store.add({ name: 'first', ...credentials() });
    const second = await store.add({ name: 'second', ...credentials() });
    expect(second.isDefault).toBe(false);
    expect((await store.getDefault())?.id).toBe(first.id);
    await store.setDefault('SECOND');
    expect((await store.getDefault())?.id).toBe(second.id);
    const renamed = await store.rename(second.id, 'staging');
    expect(renamed).toMatchObject({ id: second.id, name: 'staging', isDefault: true });
    const replacement = credentials().appCertificate;
    await store.updateCertificate('staging', replacement);
    expect(secretToolLookup(second.id, service)).toBe(replacement);
    expect((await store.findByAppId(first.appId.toUpperCase()))?.id).toBe(first.id);
    expect(await store.findByAppId(randomCredentials().appId)).toBeUndefined();
  });

  it('removes the keychain entry with the profile; the default is then unset', async () => {
    const { store, service } = open();
    const added = await store.add({ name: 'gone', ...credentials() });
    await store.remove('gone');
    expect(secretToolLookup(added.id, service)).toBeUndefined();
    expect((await store.list()).profiles).toEqual([]);
    expect(await store.getDefault()).toBeUndefined();
    expect((await failure(store.remove('gone'))).code).toBe('profile_not_found');
    expect((await failure(store.credentials(added.id))).code).toBe('profile_not_found');
  });

  it('refuses a duplicate name (case-blind) and bad input, changing nothing', async () => {
    const { store, service } = open();
    const c = credentials();
    await store.add({ name: 'prod', ...c });
    const before = await store.list();
    const duplicate = await failure(store.add({ name: ' PROD ', ...credentials() }));
    expect(duplicate).toMatchObject({ code: 'profile_exists', message: 'a profile named "PROD" already exists' });
    expect(await failure(store.add({ name: 'x', appId: 'nothex', appCertificate: c.appCertificate }))).toMatchObject({
      code: 'invalid_input',
      field: 'appId',
      message: 'App ID must be 32 hexadecimal characters',
    });
    expect(await failure(store.add({ name: 'x', appId: c.appId, appCertificate: '12' }))).toMatchObject({
      code: 'invalid_input',
      field: 'appCertificate',
      message: 'App Certificate must be 32 hexadecimal characters',
    });
    expect(await failure(store.add({ name: '  ', ...credentials() }))).toMatchObject({
      field: 'name',
      message: 'profile name is required',
    });
    expect((await failure(store.add({ name: 'a\tb', ...credentials() }))).message).toBe(
      'profile name may not contain control characters',
    );
    await store.add({ name: 'other', ...credentials() });
    expect((await failure(store.rename('other', 'Prod'))).code).toBe('profile_exists');
    expect((await failure(store.updateCertificate('prod', 'zz'))).field).toBe('appCertificate');
    const after = await store.list();
    expect(after.profiles.filter((p) => p.name !== 'other')).toEqual(before.profiles);
    expect(after.problems).toEqual([]);
    expect(secretToolLookup(before.profiles[0]!.id, service)).toBe(c.appCertificate);
  });

  it('reports a profile whose keychain entry is missing, and says so when it is used', async () => {
    const { store, service } = open();
    const added = await store.add({ name: 'lost', ...credentials() });
    secretToolClear(added.id, service);
    const { problems } = await store.list();
    expect(problems).toEqual([
      expect.objectContaining({ kind: 'missing_certificate', profileId: added.id, profileName: 'lost' }),
    ]);
    expect(problems[0]?.message).toContain('profile set-certificate lost');
    const error = await failure(store.credentials('lost'));
    expect(error.code).toBe('missing_credentials');
    expect(error.message).toContain('has no App Certificate in the keychain');
    const fixed = credentials().appCertificate;
    await store.updateCertificate('lost', fixed);
    expect((await store.list()).problems).toEqual([]);
  });

  it('reports a keychain entry with no profile, and removes it by its account id', async () => {
    const { store, service } = open();
    const orphan = `orphan-${randomCredentials().appId}`;
    const secret = credentials().appCertificate;
    secretToolStore(orphan, secret, service);
    const { problems } = await store.list();
    const found = problems.find((p) => p.profileId === orphan);
    expect(found).toMatchObject({ kind: 'orphan_certificate' });
    expect(found?.message).toContain(`agora-token-desk profile remove ${orphan}`);
    expect(JSON.stringify(problems)).not.toContain(secret);
    await store.remove(orphan);
    expect(secretToolLookup(orphan, service)).toBeUndefined();
    expect((await store.list()).problems.filter((p) => p.profileId === orphan)).toEqual([]);
  });

  it('moves a corrupt profiles.json aside, reports it, and keeps its orphaned certificates visible', async () => {
    const { store, home, service } = open();
    const added = await store.add({ name: 'before', ...credentials() });
    writeFileSync(join(home, 'profiles.json'), '{ this is not json');
    const error = await failure(store.get('before'));
    expect(error.code).toBe('profile_store_corrupt');
    expect(error.message).toMatch(
      /profiles\.json could not be read \(it is not valid JSON\); it was moved to .*profiles\.json\.corrupt-/,
    );
    const { profiles, problems } = await store.list();
    expect(profiles).toEqual([]);
    expect(problems.map((p) => p.kind).sort()).toEqual(['corrupt_metadata', 'orphan_certificate']);
    expect(problems.find((p) => p.kind === 'orphan_certificate')?.profileId).toBe(added.id);
    // Nothing was lost: the entry is still in the keychain and the old file is kept.
    expect(secretToolLookup(added.id, service)).toBeDefined();
    expect(
      filesUnder(home).some((f) => /profiles\.json\.corrupt-/.test(f.path) && f.text === '{ this is not json'),
    ).toBe(true);
    // The store goes on working after the move.
    await store.add({ name: 'after', ...credentials() });
    await store.remove(added.id);
  });

  it('serialises concurrent changes: two adds at once both land', async () => {
    const { store } = open();
    await Promise.all([store.add({ name: 'one', ...credentials() }), store.add({ name: 'two', ...credentials() })]);
    expect((await store.list()).profiles.map((p) => p.name).sort()).toEqual(['one', 'two']);
  });

  it('tells the keychain is available', async () => {
    expect(await open().store.keychainStatus()).toEqual({ available: true });
  });
});
