import { afterAll, describe, expect, it } from 'vitest';
import { buildRtcToken } from '../../shared/token/build.js';
import { runCli } from '../helpers/cli.js';
import { keychainReady, randomCredentials, tempHome, uniqueService } from '../profiles/keychain-env.js';

const ready = await keychainReady('decode/diagnose --profile tests');

describe.skipIf(!ready)('decode and diagnose with --profile (real keychain)', () => {
  const dir = tempHome('atd-decode-profile');
  const env = { AGORA_TOKEN_DESK_HOME: dir.home, AGORA_TOKEN_DESK_KEYCHAIN_SERVICE: uniqueService() };
  const mine = randomCredentials();
  const theirs = randomCredentials();
  const cli = (args: string[], input?: string) => runCli(args, { env, ...(input === undefined ? {} : { input }) });
  afterAll(async () => {
    await cli(['profile', 'remove', 'mine']);
    dir.cleanup();
  });

  it("verifies with the profile's certificate and names it; diagnose takes the profile's App ID as the client's", async () => {
    expect((await cli(['profile', 'add', 'mine', '--app-id', mine.appId], `${mine.appCertificate}\n`)).code).toBe(0);
    const token = buildRtcToken(mine, { channel: 'demo', uid: 1 }).token;

    const decoded = await cli(['decode', token, '--profile', 'mine', '--json', '--check']);
    expect(decoded.code).toBe(0);
    expect(JSON.parse(decoded.stdout)).toMatchObject({ signature: 'valid', signedBy: 'primary' });

    const ok = await cli(['diagnose', token, '--profile', 'mine', '--action', 'rtc-join', '--json']);
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({ verdict: 'ok', findings: [], token: { signedBy: 'primary' } });

    // A token from another project: wrong App ID for this client, and not signed by its certificate.
    const foreign = buildRtcToken(theirs, { channel: 'demo', uid: 1 }).token;
    const bad = await cli(['diagnose', foreign, '--profile', 'mine', '--json']);
    expect(bad.code).toBe(1);
    const json = JSON.parse(bad.stdout) as { findings: Array<{ code: string; message: string }> };
    expect(json.findings.map((f) => f.code)).toEqual(['app_id_mismatch', 'signature_invalid']);
    expect(json.findings[0]?.message).toContain(mine.appId);
    expect(bad.stdout + bad.stderr).not.toContain(mine.appCertificate);
  });
});
