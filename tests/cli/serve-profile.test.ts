import { describe, expect, it } from 'vitest';
import { decodeToken } from '../../shared/token/index.js';
import { runCli } from '../helpers/cli.js';
import { startServe } from '../helpers/serve-process.js';
import { keychainReady, randomCredentials, secretToolLookup, tempHome, uniqueService } from '../profiles/keychain-env.js';

const ready = await keychainReady('serve --profile tests');

describe.skipIf(!ready)('agora-token-desk serve --profile (real Secret Service)', () => {
  it('serves tokens signed with the saved profile, with no APP_ID/APP_CERTIFICATE in the environment', async () => {
    const { home, cleanup } = tempHome('atd-serve-profile');
    const service = uniqueService();
    const env = { AGORA_TOKEN_DESK_HOME: home, AGORA_TOKEN_DESK_KEYCHAIN_SERVICE: service };
    const credentials = randomCredentials();
    try {
      const added = await runCli(['profile', 'add', 'demo', '--app-id', credentials.appId], { env, input: `${credentials.appCertificate}\n` });
      expect(added.code).toBe(0);
      // Another profile is the default, so only --profile can pick "demo".
      await runCli(['profile', 'add', 'other', '--app-id', randomCredentials().appId], { env, input: `${randomCredentials().appCertificate}\n` });
      await runCli(['profile', 'use', 'other'], { env });

      const server = await startServe(['--port', '0', '--profile', 'demo'], env);
      try {
        expect(server.stdout()).toContain(`App ID ${credentials.appId}`);
        const { rtcToken, rtmToken } = (await (await fetch(`${server.url}/rte/test/publisher/uid/7`)).json()) as { rtcToken: string; rtmToken: string };
        for (const token of [rtcToken, rtmToken]) {
          expect(decodeToken(token, { appCertificate: credentials.appCertificate })).toMatchObject({ appId: credentials.appId, signature: 'valid' });
        }
        expect(server.stdout() + server.stderr()).not.toContain(credentials.appCertificate);
      } finally {
        server.child.kill('SIGTERM');
        expect(await server.exited).toBe(0);
      }

      const unknown = await runCli(['serve', '--port', '0', '--profile', 'nope'], { env });
      expect(unknown.code).toBe(2);
      expect(unknown.stderr).toMatch(/^error: .*nope/);
    } finally {
      const list = JSON.parse((await runCli(['profile', 'list', '--json'], { env })).stdout) as { profiles: Array<{ id: string; name: string }> };
      for (const profile of list.profiles) await runCli(['profile', 'remove', profile.name], { env });
      for (const profile of list.profiles) expect(secretToolLookup(profile.id, service)).toBeUndefined();
      cleanup();
    }
  }, 120_000); // many CLI runs and keychain writes on a busy machine
});
