import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { TokenDeskError } from '../../shared/errors.js';
import { OsKeychain, type Keychain } from '../../shared/profiles/keychain.js';
import { ProfileStore } from '../../shared/profiles/profile-store.js';
import {
  keychainReady,
  randomCredentials,
  removeAll,
  secretToolLookup,
  tempHome,
  uniqueService,
  failure,
} from './keychain-env.js';
import { makeReadOnly } from './read-only-dir.js';

const ready = await keychainReady('ProfileStore failure tests');

/** The real keychain, made to fail on chosen calls (the n-th set, or every delete). */
class FailingKeychain implements Keychain {
  failDeletes = false;
  failSetNumber: number | undefined;
  private sets = 0;
  constructor(private readonly real: OsKeychain) {}
  get service(): string {
    return this.real.service;
  }
  get(account: string) {
    return this.real.get(account);
  }
  async set(account: string, secret: string) {
    this.sets += 1;
    if (this.sets === this.failSetNumber) throw new TokenDeskError('keychain_unavailable', 'injected set failure');
    return this.real.set(account, secret);
  }
  async delete(account: string) {
    if (this.failDeletes) throw new TokenDeskError('keychain_unavailable', 'injected delete failure');
    return this.real.delete(account);
  }
  list() {
    return this.real.list();
  }
}

describe.skipIf(!ready)('ProfileStore: a failed change leaves the previous state whole', () => {
  const cleanups: Array<() => Promise<void>> = [];
  afterAll(async () => {
    for (const cleanup of cleanups) await cleanup();
  });
  const open = () => {
    const { home, cleanup } = tempHome('atd-failures');
    const service = uniqueService();
    const keychain = new FailingKeychain(new OsKeychain(service));
    const store = new ProfileStore({ home, keychain });
    cleanups.push(async () => {
      await removeAll(new ProfileStore({ home, keychain: new OsKeychain(service) }));
      cleanup();
    });
    return { home, service, keychain, store };
  };

  const readOnlyCase = (() => {
    const probe = tempHome('atd-ro-probe');
    const restore = makeReadOnly(probe.home);
    restore?.();
    probe.cleanup();
    if (restore === undefined) console.log('skipped the read-only data folder case: chattr +i is not permitted here');
    return restore !== undefined;
  })();
  it.skipIf(!readOnlyCase)(
    'in a read-only data folder every change fails with data_folder_unusable and nothing is lost',
    async () => {
      const { home, service, store } = open();
      const c = randomCredentials();
      const kept = await store.add({ name: 'kept', ...c, secondaryCertificate: randomCredentials().appCertificate });
      const before = await store.list();
      const file = readFileSync(join(home, 'profiles.json'), 'utf8');
      const restore = makeReadOnly(home)!;
      try {
        const attempts: Array<Promise<unknown>> = [
          store.remove('kept'),
          store.add({ name: 'new', ...randomCredentials() }),
          store.rename('kept', 'renamed'),
          store.edit('kept', { appId: randomCredentials().appId }),
          store.updateCertificate('kept', randomCredentials().appCertificate),
          store.setDefault('kept'),
          store.rotate('kept'),
        ];
        for (const attempt of attempts) {
          const error = await failure(attempt);
          expect(error.code).toBe('data_folder_unusable');
          expect(error.message).toBe(
            `the data folder ${home} cannot be used (${process.getuid?.() === 0 ? 'EPERM' : 'EACCES'}: permission denied): make it a folder you can write to, or set AGORA_TOKEN_DESK_HOME to one`,
          );
        }
      } finally {
        restore();
      }
      expect(readFileSync(join(home, 'profiles.json'), 'utf8')).toBe(file);
      expect(await store.list()).toEqual(before);
      expect(secretToolLookup(kept.id, service)).toBe(c.appCertificate);
      // The add that failed took its certificate back out of the keychain: no orphan.
      expect(before.problems).toEqual([]);
    },
  );

  it('remove: when deleting the certificates fails, the profile and both certificates stay', async () => {
    const { service, keychain, store } = open();
    const c = randomCredentials();
    const secondary = randomCredentials().appCertificate;
    const added = await store.add({ name: 'whole', ...c, secondaryCertificate: secondary });
    const before = await store.list();
    keychain.failDeletes = true;
    expect((await failure(store.remove('whole'))).message).toContain('injected delete failure');
    keychain.failDeletes = false;
    expect(await store.list()).toEqual(before);
    expect(await store.certificates('whole')).toEqual({ appId: c.appId, primary: c.appCertificate, secondary });
    expect(secretToolLookup(`${added.id}.secondary`, service)).toBe(secondary);
  });

  it('add: when saving the secondary certificate fails, the primary is taken back out and no profile is written', async () => {
    const { home, keychain, store } = open();
    keychain.failSetNumber = 2;
    await failure(
      store.add({ name: 'half', ...randomCredentials(), secondaryCertificate: randomCredentials().appCertificate }),
    );
    expect(await store.list()).toEqual({ profiles: [], problems: [] });
    expect(await keychain.list()).toEqual([]);
    expect(() => readFileSync(join(home, 'profiles.json'))).toThrow();
  });

  it('rotate swaps primary and secondary; when the second step fails the first is undone', async () => {
    const { keychain, store } = open();
    const c = randomCredentials();
    const secondary = randomCredentials().appCertificate;
    await store.add({ name: 'rot', ...c });
    expect((await failure(store.rotate('rot'))).message).toMatch(
      /^profile "rot" has no secondary certificate to promote; save one first with: agora-token-desk profile edit rot --secondary-certificate-stdin$/,
    );
    await store.setSecondaryCertificate('rot', secondary);
    expect((await store.list()).profiles[0]).toMatchObject({ name: 'rot', hasSecondaryCertificate: true });

    keychain.failSetNumber = 2 + 2; // add, setSecondary, then rotate's first and second set
    await failure(store.rotate('rot'));
    expect(await store.certificates('rot')).toEqual({ appId: c.appId, primary: c.appCertificate, secondary });

    keychain.failSetNumber = undefined;
    await store.rotate('rot');
    expect(await store.certificates('rot')).toEqual({
      appId: c.appId,
      primary: secondary,
      secondary: c.appCertificate,
    });
    expect(await store.credentials('rot')).toEqual({ appId: c.appId, appCertificate: secondary });
    expect(await store.removeSecondaryCertificate('rot')).toBe(true);
    expect(await store.certificates('rot')).toEqual({ appId: c.appId, primary: secondary });
    expect((await store.list()).problems).toEqual([]);
  });

  it('a secondary certificate whose profile is gone is reported as an orphan and removable by account', async () => {
    const { keychain, store } = open();
    const stray = `${randomCredentials().appId}.secondary`;
    await keychain.set(stray, randomCredentials().appCertificate);
    const added = await store.add({
      name: 'live',
      ...randomCredentials(),
      secondaryCertificate: randomCredentials().appCertificate,
    });
    const { problems } = await store.list();
    expect(problems).toEqual([expect.objectContaining({ kind: 'orphan_certificate', profileId: stray })]);
    // A live profile's secondary is not an orphan and cannot be removed as one.
    expect((await failure(store.remove(`${added.id}.secondary`))).code).toBe('profile_not_found');
    await store.remove(stray);
    expect((await store.list()).problems).toEqual([]);
  });
});

describe('ProfileStore: file-system errors on the data folder', () => {
  const dir = tempHome('atd-fs-errors');
  afterAll(() => dir.cleanup());

  it('a file where the data folder should be (ENOTDIR) → data_folder_unusable naming the folder', async () => {
    writeFileSync(join(dir.home, 'plain-file'), 'x');
    const home = join(dir.home, 'plain-file', 'data');
    const store = new ProfileStore({ home, keychain: new OsKeychain(uniqueService()) });
    for (const attempt of [store.get('x'), store.list(), store.setDefault('x')]) {
      const error = await failure(attempt);
      expect(error.code).toBe('data_folder_unusable');
      expect(error.message).toBe(
        `the data folder ${home} cannot be used (ENOTDIR: a part of its path is a file, not a folder): make it a folder you can write to, or set AGORA_TOKEN_DESK_HOME to one`,
      );
    }
  });

  it('a folder where profiles.json should be (EISDIR) → data_folder_unusable', async () => {
    const home = join(dir.home, 'eisdir');
    mkdirSync(join(home, 'profiles.json'), { recursive: true });
    const error = await failure(new ProfileStore({ home, keychain: new OsKeychain(uniqueService()) }).getDefault());
    expect(error).toMatchObject({ code: 'data_folder_unusable' });
    expect(error.message).toContain(
      `the data folder ${home} cannot be used (EISDIR: a folder is where a file is expected)`,
    );
  });
});
