import { describe, expect, it } from 'vitest';
import { decodeToken } from '../../shared/token/index.js';
import { runCli } from '../helpers/cli.js';
import { startServe } from '../helpers/serve-process.js';
import { keychainReady, randomCredentials, tempHome, uniqueService } from '../profiles/keychain-env.js';

const ready = await keychainReady('serve several profiles tests');

describe.skipIf(!ready)('agora-token-desk serve with several profiles (real Secret Service)', () => {
  it('--profile A --profile B and --all-profiles: appId picks the project, none means the first (the default for --all-profiles)', async () => {
    const { home, cleanup } = tempHome('atd-serve-multi');
    const env = { AGORA_TOKEN_DESK_HOME: home, AGORA_TOKEN_DESK_KEYCHAIN_SERVICE: uniqueService() };
    const a = randomCredentials();
    const b = randomCredentials();
    try {
      expect(
        (await runCli(['profile', 'add', 'a', '--app-id', a.appId], { env, input: `${a.appCertificate}\n` })).code,
      ).toBe(0);
      expect(
        (await runCli(['profile', 'add', 'b', '--app-id', b.appId], { env, input: `${b.appCertificate}\n` })).code,
      ).toBe(0);
      await runCli(['profile', 'use', 'b'], { env });
      const appIdOf = async (url: string): Promise<string> => {
        const response = await fetch(url);
        expect(response.status, url).toBe(200);
        const { rtmToken } = (await response.json()) as { rtmToken: string };
        return decodeToken(rtmToken).appId;
      };

      const two = await startServe(['--port', '0', '--profile', 'a', '--profile', 'b'], env);
      try {
        expect(two.stdout()).toContain(`App IDs ${a.appId}, ${b.appId}`);
        expect(await appIdOf(`${two.url}/rtm/u`)).toBe(a.appId);
        expect(await appIdOf(`${two.url}/rtm/u?appId=${b.appId}`)).toBe(b.appId);
        expect((await fetch(`${two.url}/rtm/u?appId=${'f'.repeat(32)}`)).status).toBe(404);
        expect(two.stdout() + two.stderr()).not.toContain(a.appCertificate);
      } finally {
        two.child.kill('SIGTERM');
        expect(await two.exited).toBe(0);
      }

      const all = await startServe(['--port', '0', '--all-profiles'], env);
      try {
        expect(await appIdOf(`${all.url}/rtm/u`)).toBe(b.appId);
        expect(await appIdOf(`${all.url}/rtm/u?appId=${a.appId}`)).toBe(a.appId);
      } finally {
        all.child.kill('SIGTERM');
        expect(await all.exited).toBe(0);
      }
    } finally {
      for (const name of ['a', 'b']) await runCli(['profile', 'remove', name], { env });
      cleanup();
    }
  }, 120_000); // many CLI runs and keychain writes on a busy machine
});
