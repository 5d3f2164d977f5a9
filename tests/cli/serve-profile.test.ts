import { afterAll, describe, expect, it } from 'vitest';
import { OsKeychain } from '../../shared/profiles/keychain.js';
import { ProfileStore } from '../../shared/profiles/profile-store.js';
import { decodeToken } from '../../shared/token/index.js';
import { runCli } from '../helpers/cli.js';
import { startServe } from '../helpers/serve-process.js';
import {
  keychainReady,
  randomCredentials,
  removeAll,
  secretToolLookup,
  tempHome,
  uniqueService,
} from '../profiles/keychain-env.js';

const ready = await keychainReady('serve --profile tests');

// The profiles are set up in-process with the same store the CLI uses (its own commands are
// tested in profile-cli.test.ts): on a loaded 2-core machine every spawned CLI costs seconds,
// and the nine spawns this test used to make added up past its time budget. Only `serve`
// itself is spawned, and the budget allows for slow process starts.
describe.skipIf(!ready)('agora-token-desk serve --profile (real Secret Service)', { timeout: 120_000 }, () => {
  const { home, cleanup } = tempHome('atd-serve-profile');
  const service = uniqueService();
  const env = { AGORA_TOKEN_DESK_HOME: home, AGORA_TOKEN_DESK_KEYCHAIN_SERVICE: service };
  const store = new ProfileStore({ home, keychain: new OsKeychain(service) });
  afterAll(async () => {
    const { profiles } = await store.list();
    await removeAll(store);
    for (const profile of profiles) expect(secretToolLookup(profile.id, service)).toBeUndefined();
    cleanup();
  });

  it('serves tokens signed with the saved profile, with no APP_ID/APP_CERTIFICATE in the environment', async () => {
    const credentials = randomCredentials();
    await store.add({ name: 'demo', ...credentials });
    // Another profile is the default, so only --profile can pick "demo".
    await store.add({ name: 'other', ...randomCredentials() });
    await store.setDefault('other');

    const server = await startServe(['--port', '0', '--profile', 'demo'], env);
    try {
      expect(server.stdout()).toContain(`App ID ${credentials.appId}`);
      const { rtcToken, rtmToken } = (await (await fetch(`${server.url}/rte/test/publisher/uid/7`)).json()) as {
        rtcToken: string;
        rtmToken: string;
      };
      for (const token of [rtcToken, rtmToken]) {
        expect(decodeToken(token, { appCertificate: credentials.appCertificate })).toMatchObject({
          appId: credentials.appId,
          signature: 'valid',
        });
      }
      expect(server.stdout() + server.stderr()).not.toContain(credentials.appCertificate);
    } finally {
      server.child.kill('SIGTERM');
      expect(await server.exited).toBe(0);
    }
  });

  it('refuses an unknown profile with exit 2 and one line', async () => {
    const unknown = await runCli(['serve', '--port', '0', '--profile', 'nope'], { env });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/^error: .*nope.*\n$/);
  });
});
