import { afterAll, describe, expect, it } from 'vitest';
import { OsKeychain } from '../../shared/profiles/keychain.js';
import { ProfileStore } from '../../shared/profiles/profile-store.js';
import { runCli } from '../helpers/cli.js';
import { keychainReady, randomCredentials, removeAll, tempHome, uniqueService } from '../profiles/keychain-env.js';

const ready = await keychainReady('profile add from concurrent processes');
const WRITERS = 8;

describe.skipIf(!ready)('profile add from concurrent processes (cross-process lock)', () => {
  const { home, cleanup } = tempHome('atd-concurrent');
  const service = uniqueService();
  const store = new ProfileStore({ home, keychain: new OsKeychain(service) });
  afterAll(async () => {
    await removeAll(store);
    cleanup();
  });

  it(
    `${WRITERS} processes adding at once → ${WRITERS} profiles, ${WRITERS} keychain entries, no orphan`,
    { timeout: 180_000 },
    async () => {
      const env = { AGORA_TOKEN_DESK_HOME: home, AGORA_TOKEN_DESK_KEYCHAIN_SERVICE: service };
      const names = Array.from({ length: WRITERS }, (_, i) => `writer-${i}`);
      const runs = await Promise.all(
        names.map((name) =>
          runCli(['profile', 'add', name, '--app-id', randomCredentials().appId], {
            env,
            input: `${randomCredentials().appCertificate}\n`,
          }),
        ),
      );
      for (const run of runs) expect(run, run.stderr).toMatchObject({ code: 0, stderr: '' });
      const { profiles, problems } = await store.list();
      expect(profiles.map((p) => p.name).sort()).toEqual(names);
      expect(problems).toEqual([]);
      const accounts = await new OsKeychain(service).list();
      expect(accounts.sort()).toEqual(profiles.map((p) => p.id).sort());
      expect(profiles.filter((p) => p.isDefault)).toHaveLength(1);
    },
  );
});
