import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { KEYCHAIN_SERVICE } from '../../shared/profiles/keychain.js';
import { decodeToken } from '../../shared/token/index.js';
import { runCli, type CliResult } from '../helpers/cli.js';
import {
  filesUnder,
  keychainReady,
  randomCredentials,
  secretToolClear,
  secretToolLookup,
  secretToolStore,
  tempHome,
  uniqueService,
} from '../profiles/keychain-env.js';

const ready = await keychainReady('profile CLI keychain tests');

interface ListedJson {
  profiles: Array<{ id: string; name: string; appId: string; isDefault: boolean }>;
  problems: Array<{ kind: string; message: string; profileId?: string }>;
  keychain: { available: boolean; message?: string };
}

// Tests here spawn up to a dozen CLIs each; on a loaded 2-core machine one spawn can take several
// seconds, so the budget is wide (the waits themselves are on the processes ending).
describe.skipIf(!ready)('agora-token-desk profile (spawned CLI, real Secret Service)', { timeout: 180_000 }, () => {
  const homes: Array<{ home: string; cleanup: () => void }> = [];
  const secrets: string[] = [];
  const outputs: CliResult[] = [];

  /** A data folder of its own; `service` given for tests whose orphan checks must see only their entries. */
  function setup(service?: string) {
    const dir = tempHome('atd-profile-cli');
    homes.push(dir);
    const env = { AGORA_TOKEN_DESK_HOME: dir.home, ...(service ? { AGORA_TOKEN_DESK_KEYCHAIN_SERVICE: service } : {}) };
    const cli = async (args: string[], input?: string, extra: Record<string, string | undefined> = {}) => {
      const result = await runCli(args, { env: { ...env, ...extra }, ...(input === undefined ? {} : { input }) });
      outputs.push(result);
      return result;
    };
    const list = async (): Promise<ListedJson> =>
      JSON.parse((await cli(['profile', 'list', '--json'])).stdout) as ListedJson;
    const credentials = () => {
      const c = randomCredentials();
      secrets.push(c.appCertificate);
      return c;
    };
    const add = (name: string, c: { appId: string; appCertificate: string }) =>
      cli(['profile', 'add', name, '--app-id', c.appId], `${c.appCertificate}\n`);
    return { home: dir.home, cli, list, add, credentials };
  }

  afterAll(async () => {
    // No certificate in any output of this suite, nor in any file of any data folder.
    const printed = JSON.stringify(outputs).toLowerCase();
    for (const secret of secrets) expect(printed).not.toContain(secret);
    for (const { home, cleanup } of homes) {
      for (const file of filesUnder(home)) for (const secret of secrets) expect(file.text).not.toContain(secret);
      cleanup();
    }
  });

  it('add from a pipe → keychain entry under service agora-token-desk; token --profile verifies; remove leaves nothing', async () => {
    const t = setup();
    const c = t.credentials();
    const added = await t.add('demo', c);
    expect(added).toMatchObject({ code: 0, stderr: '' });
    expect(added.stdout).toBe(
      `added profile "demo" (App ID ${c.appId}, default); its App Certificate is in the OS keychain\n`,
    );
    const listed = await t.list();
    expect(listed.profiles).toEqual([expect.objectContaining({ name: 'demo', appId: c.appId, isDefault: true })]);
    const id = listed.profiles[0]!.id;
    expect(secretToolLookup(id, KEYCHAIN_SERVICE)).toBe(c.appCertificate);

    const token = await t.cli(['token', 'rtc', '--profile', 'demo', '--channel', 'c', '--uid', '1']);
    expect(token.code).toBe(0);
    expect(decodeToken(token.stdout.trim(), { appCertificate: c.appCertificate })).toMatchObject({
      appId: c.appId,
      signature: 'valid',
    });

    const table = await t.cli(['profile', 'list']);
    expect(table.stdout).toMatch(new RegExp(`^\\* demo  ${c.appId}  \\d{4}-`, 'm'));

    const removed = await t.cli(['profile', 'remove', 'demo']);
    expect(removed).toMatchObject({ code: 0, stdout: 'removed "demo" and its App Certificate from the keychain\n' });
    expect(secretToolLookup(id, KEYCHAIN_SERVICE)).toBeUndefined();
    expect((await t.list()).profiles).toEqual([]);
    expect(filesUnder(t.home).map((f) => f.text.replace(/\s/g, ''))).toEqual([
      '{"version":1,"defaultprofileid":null,"profiles":[]}',
    ]);
  });

  it('decode --profile verifies with the saved certificate and fails --check for another one', async () => {
    const t = setup(uniqueService());
    const mine = t.credentials();
    const theirs = t.credentials();
    await t.add('mine', mine);
    const token = (await t.cli(['token', 'rtm', '--profile', 'mine', '--uid', 'alice'])).stdout.trim();
    const ok = await t.cli(['decode', token, '--profile', 'mine', '--check', '--json']);
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({ appId: mine.appId, signature: 'valid' });

    await t.add('theirs', { appId: mine.appId, appCertificate: theirs.appCertificate });
    const bad = await t.cli(['decode', token, '--profile', 'theirs', '--check']);
    expect(bad.code).toBe(1);
    expect(bad.stderr.trim()).toBe('check failed: the signature is invalid');
  });

  it('uses the default profile without --profile; APP_ID/APP_CERTIFICATE win over it; use switches it', async () => {
    const t = setup(uniqueService());
    const [first, second, fromEnv] = [t.credentials(), t.credentials(), t.credentials()];
    await t.add('first', first);
    await t.add('second', second);
    const appIdOf = async (extra: Record<string, string> = {}) =>
      decodeToken((await t.cli(['token', 'chat'], undefined, extra)).stdout.trim()).appId;
    expect(await appIdOf()).toBe(first.appId);
    expect(await t.cli(['profile', 'use', 'second'])).toMatchObject({
      code: 0,
      stdout: `profile "second" (App ID ${second.appId}, default) is now the default\n`,
    });
    expect(await appIdOf()).toBe(second.appId);
    expect(await appIdOf({ APP_ID: fromEnv.appId, APP_CERTIFICATE: fromEnv.appCertificate })).toBe(fromEnv.appId);
    expect((await t.cli(['profile', 'rename', 'second', 'staging'])).stdout).toContain('renamed to profile "staging"');
    expect((await t.list()).profiles.map((p) => [p.name, p.isDefault])).toEqual([
      ['first', false],
      ['staging', true],
    ]);
  });

  it.each([
    [
      'a duplicate name',
      ['profile', 'add', 'DUP', '--app-id', 'APPID'],
      'CERT\n',
      2,
      'error: a profile named "DUP" already exists',
    ],
    [
      'a bad App ID (before any prompt)',
      ['profile', 'add', 'x', '--app-id', 'nothex'],
      '',
      2,
      'error: App ID must be 32 hexadecimal characters',
    ],
    [
      'a bad certificate',
      ['profile', 'add', 'x', '--app-id', 'APPID'],
      'not-a-cert\n',
      2,
      'error: App Certificate must be 32 hexadecimal characters',
    ],
    [
      'no certificate at all',
      ['profile', 'add', 'x', '--app-id', 'APPID'],
      '',
      2,
      'error: App Certificate must be 32 hexadecimal characters',
    ],
    ['an unknown profile for token', ['token', 'chat', '--profile', 'nope'], '', 2, 'error: no profile named "nope"'],
    ['an unknown profile for use', ['profile', 'use', 'nope'], '', 2, 'error: no profile named "nope"'],
    ['an unknown profile for remove', ['profile', 'remove', 'nope'], '', 2, 'error: no profile named "nope"'],
  ])('refuses %s with one line and its exit code, changing nothing', async (_label, args, input, code, line) => {
    const t = setup(uniqueService());
    const c = t.credentials();
    await t.add('dup', c);
    const before = await t.list();
    const run = await t.cli(
      args.map((a) => (a === 'APPID' ? c.appId : a)),
      input.replace('CERT', t.credentials().appCertificate),
    );
    expect(run.code).toBe(code);
    expect(run.stderr).toBe(`${line}\n`);
    expect(run.stdout).toBe('');
    expect(await t.list()).toEqual(before);
  });

  it('list reports a profile whose keychain entry is missing; using it exits 3', async () => {
    const service = uniqueService();
    const t = setup(service);
    await t.add('lost', t.credentials());
    const id = (await t.list()).profiles[0]!.id;
    secretToolClear(id, service);
    const table = await t.cli(['profile', 'list']);
    expect(table.code).toBe(0);
    expect(table.stdout).toContain(
      'problem (missing certificate): profile "lost" has no App Certificate in the keychain',
    );
    const token = await t.cli(['token', 'chat', '--profile', 'lost']);
    expect(token.code).toBe(3);
    expect(token.stderr).toMatch(
      /^error: profile "lost" has no App Certificate in the keychain .*set-certificate lost\n$/,
    );
    const fixed = await t.cli(['profile', 'set-certificate', 'lost'], `${t.credentials().appCertificate}\n`);
    expect(fixed.code).toBe(0);
    expect((await t.list()).problems).toEqual([]);
  });

  it('list reports a keychain entry without a profile; remove deletes it by account', async () => {
    const service = uniqueService();
    const t = setup(service);
    secretToolStore('stray-entry', t.credentials().appCertificate, service);
    const listed = await t.list();
    expect(listed.problems).toEqual([
      expect.objectContaining({ kind: 'orphan_certificate', profileId: 'stray-entry' }),
    ]);
    expect((await t.cli(['profile', 'list'])).stdout).toContain(
      `problem (orphan certificate): the keychain holds an App Certificate (service ${service}, account stray-entry)`,
    );
    expect((await t.cli(['profile', 'remove', 'stray-entry'])).code).toBe(0);
    expect(secretToolLookup('stray-entry', service)).toBeUndefined();
  });

  it('a corrupt profiles.json: token exits 3 saying where it was moved; list then reports it; nothing is lost', async () => {
    const t = setup(uniqueService());
    const c = t.credentials();
    await t.add('kept', c);
    writeFileSync(join(t.home, 'profiles.json'), '[not json');
    const token = await t.cli(['token', 'chat']);
    expect(token.code).toBe(3);
    expect(token.stderr).toMatch(
      /^error: profiles\.json could not be read \(it is not valid JSON\); it was moved to .*profiles\.json\.corrupt-\S+ and the profiles in it are not loaded/,
    );
    const listed = await t.list();
    expect(listed.profiles).toEqual([]);
    expect(listed.problems.map((p) => p.kind).sort()).toEqual(['corrupt_metadata', 'orphan_certificate']);
    expect(filesUnder(t.home).find((f) => f.path.includes('.corrupt-'))?.text).toBe('[not json');
    // The orphaned certificate can still be cleaned up.
    const orphan = listed.problems.find((p) => p.kind === 'orphan_certificate')!.profileId!;
    expect((await t.cli(['profile', 'remove', orphan])).code).toBe(0);
  });

  it.skipIf(process.platform !== 'linux')(
    'when the keychain goes away: list still shows profiles, using or removing one exits 3, nothing changes',
    async () => {
      const t = setup(uniqueService());
      const c = t.credentials();
      await t.add('demo', c);
      const before = await t.list();
      const gone = { DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/atd-bus' };
      const table = await t.cli(['profile', 'list'], undefined, gone);
      expect(table.code).toBe(3);
      expect(table.stdout).toMatch(new RegExp(`^\\* demo  ${c.appId}`, 'm'));
      expect(table.stderr).toMatch(/^error: no keychain: no Secret Service answers/);
      for (const args of [
        ['token', 'chat', '--profile', 'demo'],
        ['token', 'chat'],
        ['decode', '007x', '--profile', 'demo'],
        ['profile', 'remove', 'demo'],
      ]) {
        const run = await t.cli(args, undefined, gone);
        expect(run.code, args.join(' ')).toBe(3);
        expect(run.stderr).toMatch(/^error: no keychain: /);
        expect(run.stdout).toBe('');
      }
      expect(await t.list()).toEqual(before);
    },
  );
});

// These need no keychain at all: they prove what happens without one.
describe('agora-token-desk profile without a keychain', { timeout: 120_000 }, () => {
  const noBus = [
    ['a session bus address that leads nowhere', { DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/atd-bus' }],
    ['no session bus variable', { DBUS_SESSION_BUS_ADDRESS: undefined }],
  ] as const;

  it.skipIf(process.platform !== 'linux').each(noBus)(
    'with %s: add exits 3 with how to fix it, writes nothing',
    async (_label, bus) => {
      const dir = tempHome('atd-nokeychain');
      try {
        const home = join(dir.home, 'data');
        const c = randomCredentials();
        const env = { AGORA_TOKEN_DESK_HOME: home, ...bus };
        const added = await runCli(['profile', 'add', 'demo', '--app-id', c.appId], {
          env,
          input: `${c.appCertificate}\n`,
        });
        expect(added.code).toBe(3);
        expect(added.stdout).toBe('');
        expect(added.stderr).toMatch(
          /^error: no keychain: no Secret Service answers on the D-Bus session bus; install and start a Secret Service such as gnome-keyring \(Debian\/Ubuntu: apt-get install gnome-keyring\), or .*gnome-keyring-daemon --unlock --components=secrets \(.+\)\n$/,
        );
        expect(added.stderr).not.toContain(c.appCertificate);
        expect(existsSync(home)).toBe(false);

        const listed = await runCli(['profile', 'list', '--json'], { env });
        expect(listed.code).toBe(3);
        expect(JSON.parse(listed.stdout)).toMatchObject({ profiles: [], problems: [], keychain: { available: false } });
        expect(listed.stderr).toMatch(/^error: no keychain: /);

        const token = await runCli(['token', 'chat', '--profile', 'demo'], { env });
        expect(token).toMatchObject({ code: 2, stderr: 'error: no profile named "demo"\n' });
        expect(existsSync(home)).toBe(false);
      } finally {
        dir.cleanup();
      }
    },
  );
});
