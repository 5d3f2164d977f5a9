import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { OsKeychain, type Keychain } from '../../shared/profiles/keychain.js';
import { ProfileStore } from '../../shared/profiles/profile-store.js';
import {
  keychainReady,
  randomCredentials,
  removeAll,
  secretToolLookup,
  secretToolStore,
  tempHome,
  uniqueService,
} from './keychain-env.js';

const ready = await keychainReady('secondary flag tests');

/** The real keychain, counting the calls that ask for one account. */
class CountingKeychain implements Keychain {
  gets = 0;
  constructor(private readonly inner: OsKeychain) {}
  get service(): string {
    return this.inner.service;
  }
  get(account: string): Promise<string | undefined> {
    this.gets += 1;
    return this.inner.get(account);
  }
  set(account: string, secret: string): Promise<void> {
    return this.inner.set(account, secret);
  }
  delete(account: string): Promise<boolean> {
    return this.inner.delete(account);
  }
  list(): Promise<string[]> {
    return this.inner.list();
  }
}

function storedFlags(home: string): Record<string, boolean | undefined> {
  const file = JSON.parse(readFileSync(join(home, 'profiles.json'), 'utf8')) as {
    profiles: Array<{ name: string; hasSecondaryCertificate?: boolean }>;
  };
  return Object.fromEntries(file.profiles.map((p) => [p.name, p.hasSecondaryCertificate]));
}

describe.skipIf(!ready)('the secondary-certificate flag in profiles.json', () => {
  const opened: Array<{ home: string; service: string; cleanup: () => void }> = [];
  const open = () => {
    const { home, cleanup } = tempHome();
    const service = uniqueService();
    opened.push({ home, service, cleanup });
    const keychain = new CountingKeychain(new OsKeychain(service));
    return { store: new ProfileStore({ home, keychain }), keychain, home, service };
  };

  afterAll(async () => {
    for (const { home, service, cleanup } of opened) {
      await removeAll(new ProfileStore({ home, keychain: new OsKeychain(service) }));
      cleanup();
    }
  });

  it('is kept current by add, set, remove and rotate, and list reads it without asking per profile', async () => {
    const { store, keychain, home, service } = open();
    const withTwo = await store.add({
      name: 'two',
      ...randomCredentials(),
      secondaryCertificate: randomCredentials().appCertificate,
    });
    await store.add({ name: 'one', ...randomCredentials() });
    expect(storedFlags(home)).toEqual({ two: true, one: false });

    await store.setSecondaryCertificate('one', randomCredentials().appCertificate);
    expect(storedFlags(home)).toEqual({ two: true, one: true });
    expect(await store.removeSecondaryCertificate('two')).toBe(true);
    expect(secretToolLookup(`${withTwo.id}.secondary`, service)).toBeUndefined();
    expect(storedFlags(home)).toEqual({ two: false, one: true });
    await store.rotate('one');
    expect(storedFlags(home)).toEqual({ two: false, one: true });

    for (let i = 0; i < 4; i += 1) await store.add({ name: `more-${i}`, ...randomCredentials() });
    keychain.gets = 0;
    const { profiles, problems } = await store.list();
    expect(problems).toEqual([]);
    expect(Object.fromEntries(profiles.map((p) => [p.name, p.hasSecondaryCertificate]))).toMatchObject({
      two: false,
      one: true,
      'more-0': false,
    });
    expect(keychain.gets).toBe(0);
    expect(await store.hasSecondaryCertificate('one')).toBe(true);
    expect(keychain.gets).toBe(0);
  });

  it('migrates a file written before the flag: filled in from one keychain search and written back', async () => {
    const { store, keychain, home, service } = open();
    const a = { id: '11111111-1111-4111-8111-111111111111', ...randomCredentials() };
    const b = { id: '22222222-2222-4222-8222-222222222222', ...randomCredentials() };
    secretToolStore(a.id, a.appCertificate, service);
    secretToolStore(`${a.id}.secondary`, randomCredentials().appCertificate, service);
    secretToolStore(b.id, b.appCertificate, service);
    const old = {
      version: 1,
      defaultProfileId: a.id,
      profiles: [
        { id: a.id, name: 'old-a', appId: a.appId, createdAt: '2025-01-01T00:00:00.000Z' },
        { id: b.id, name: 'old-b', appId: b.appId, createdAt: '2025-01-02T00:00:00.000Z' },
      ],
    };
    writeFileSync(join(home, 'profiles.json'), JSON.stringify(old));

    const { profiles, problems } = await store.list();
    expect(problems).toEqual([]);
    expect(profiles.map((p) => [p.name, p.hasSecondaryCertificate])).toEqual([
      ['old-a', true],
      ['old-b', false],
    ]);
    expect(storedFlags(home)).toEqual({ 'old-a': true, 'old-b': false });
    keychain.gets = 0;
    expect((await store.list()).profiles.map((p) => p.hasSecondaryCertificate)).toEqual([true, false]);
    expect(keychain.gets).toBe(0);
  });
});
