import { spawn, spawnSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { OsKeychain } from '../../shared/profiles/keychain.js';
import { ProfileStore } from '../../shared/profiles/profile-store.js';
import { CLI_BIN, REPO_ROOT, baseEnv } from '../helpers/cli.js';
import {
  keychainReady,
  randomCredentials,
  secretToolLookup,
  tempHome,
  uniqueService,
} from '../profiles/keychain-env.js';

const ready = await keychainReady('profile add on a terminal');
// util-linux `script` gives the CLI a real pseudo-terminal, as a person typing would.
const hasScript = spawnSync('script', ['--version']).error === undefined;
if (ready && !hasScript) console.log('skipped profile add on a terminal: util-linux script is not installed');

const quote = (value: string): string => `'${value.replace(/'/g, `'\\''`)}'`;

/** Runs `profile add` on a terminal; types the certificate only once the prompt is shown. */
function addOnTerminal(env: Record<string, string>, name: string, appId: string, certificate: string) {
  const command = [process.execPath, CLI_BIN, 'profile', 'add', name, '--app-id', appId].map(quote).join(' ');
  const child = spawn('script', ['-qfec', command, '/dev/null'], { cwd: REPO_ROOT, env: { ...baseEnv(), ...env } });
  let transcript = '';
  let typed = false;
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    transcript += chunk;
    if (!typed && transcript.includes('(input hidden): ')) {
      typed = true;
      child.stdin.write(`${certificate}\r`);
    }
  });
  return new Promise<{ code: number | null; transcript: string }>((resolve) =>
    child.on('close', (code) => resolve({ code, transcript })),
  );
}

describe.skipIf(!ready || !hasScript)('profile add on a terminal', { timeout: 120_000 }, () => {
  const dir = tempHome('atd-profile-tty');
  afterAll(() => dir.cleanup());

  it('prompts with echo off: the typed certificate is saved but never shown', async () => {
    const service = uniqueService();
    const env = { AGORA_TOKEN_DESK_HOME: dir.home, AGORA_TOKEN_DESK_KEYCHAIN_SERVICE: service };
    const c = randomCredentials();
    const run = await addOnTerminal(env, 'typed', c.appId, c.appCertificate);
    expect(run.code).toBe(0);
    expect(run.transcript).toContain('App Certificate for "typed" (input hidden): ');
    expect(run.transcript).toContain('added profile "typed"');
    expect(run.transcript.toLowerCase()).not.toContain(c.appCertificate.toLowerCase());
    const store = new ProfileStore({ home: dir.home, keychain: new OsKeychain(service) });
    const id = (await store.get('typed')).id;
    expect(secretToolLookup(id, service)).toBe(c.appCertificate);
    await store.remove(id);
  });
});
