import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { decodeToken } from '../../shared/token/index.js';
import { runCli, type CliResult } from '../helpers/cli.js';
import {
  filesUnder,
  keychainReady,
  randomCredentials,
  secretToolLookup,
  tempHome,
  uniqueService,
} from '../profiles/keychain-env.js';

const ready = await keychainReady('profile rotate/edit/import CLI tests');

interface Listed {
  profiles: Array<{ id: string; name: string; appId: string; hasSecondaryCertificate?: boolean }>;
  problems: unknown[];
}

// Each test spawns a dozen CLIs; on a loaded 2-core machine one can take seconds, so the budget is wide.
describe.skipIf(!ready)(
  'agora-token-desk profile: secondary certificate, rotate, edit, import (spawned CLI)',
  { timeout: 180_000 },
  () => {
    const homes: Array<() => void> = [];
    const secrets: string[] = [];
    const outputs: CliResult[] = [];
    afterAll(() => {
      const printed = JSON.stringify(outputs).toLowerCase();
      for (const secret of secrets) expect(printed).not.toContain(secret);
      homes.forEach((cleanup) => cleanup());
    });
    const setup = () => {
      const dir = tempHome('atd-profile-certs');
      homes.push(dir.cleanup);
      const service = uniqueService();
      const env = { AGORA_TOKEN_DESK_HOME: dir.home, AGORA_TOKEN_DESK_KEYCHAIN_SERVICE: service };
      const cli = async (args: string[], input?: string) => {
        const result = await runCli(args, { env, ...(input === undefined ? {} : { input }) });
        outputs.push(result);
        return result;
      };
      const list = async () => JSON.parse((await cli(['profile', 'list', '--json'])).stdout) as Listed;
      const secret = () => {
        const value = randomCredentials().appCertificate;
        secrets.push(value);
        return value;
      };
      return { home: dir.home, service, cli, list, secret };
    };

    it('add --secondary-certificate-stdin, rotate (asks; --yes), edit --remove-secondary', async () => {
      const t = setup();
      const appId = randomCredentials().appId;
      const [primary, secondary] = [t.secret(), t.secret()];
      const added = await t.cli(
        ['profile', 'add', 'demo', '--app-id', appId, '--secondary-certificate-stdin'],
        `${primary}\n${secondary}\n`,
      );
      expect(added).toMatchObject({
        code: 0,
        stdout: `added profile "demo" (App ID ${appId}, default); its primary and secondary App Certificates are in the OS keychain\n`,
      });
      const { profiles } = await t.list();
      const id = profiles[0]!.id;
      expect(profiles[0]).toMatchObject({ name: 'demo', hasSecondaryCertificate: true });
      expect(secretToolLookup(id, t.service)).toBe(primary);
      expect(secretToolLookup(`${id}.secondary`, t.service)).toBe(secondary);
      expect((await t.cli(['profile', 'list'])).stdout).toMatch(/^\* demo {2}[0-9a-f]{32} {2}\S+ {2}\+ secondary$/m);

      const unconfirmed = await t.cli(['profile', 'rotate', 'demo']);
      expect(unconfirmed).toMatchObject({
        code: 2,
        stdout: '',
        stderr: 'error: rotate asks for confirmation on a terminal; add --yes to confirm from a script\n',
      });
      expect(secretToolLookup(id, t.service)).toBe(primary);

      const rotated = await t.cli(['profile', 'rotate', 'demo', '--yes']);
      expect(rotated.code).toBe(0);
      expect(rotated.stdout).toContain(
        'the secondary App Certificate is now the primary; the former primary is kept as the secondary',
      );
      expect(secretToolLookup(id, t.service)).toBe(secondary);
      expect(secretToolLookup(`${id}.secondary`, t.service)).toBe(primary);
      const token = (await t.cli(['token', 'chat', '--profile', 'demo'])).stdout.trim();
      expect(decodeToken(token, { appCertificate: secondary }).signature).toBe('valid');

      const removed = await t.cli(['profile', 'edit', 'demo', '--remove-secondary']);
      expect(removed).toMatchObject({
        code: 0,
        stdout: `profile "demo" (App ID ${appId}, default): removed the secondary App Certificate\n`,
      });
      expect(secretToolLookup(`${id}.secondary`, t.service)).toBeUndefined();
      const again = await t.cli(['profile', 'rotate', 'demo', '--yes']);
      expect(again.code).toBe(2);
      expect(again.stderr).toBe(
        'error: profile "demo" has no secondary certificate to promote; save one first with: agora-token-desk profile edit demo --secondary-certificate-stdin\n',
      );
    });

    it('edit changes the App ID and name, saves a secondary from stdin, refuses nothing-to-do and a bad App ID', async () => {
      const t = setup();
      await t.cli(['profile', 'add', 'old', '--app-id', randomCredentials().appId], `${t.secret()}\n`);
      const newAppId = randomCredentials().appId;
      const edited = await t.cli(['profile', 'edit', 'old', '--app-id', newAppId, '--name', 'new']);
      expect(edited).toMatchObject({
        code: 0,
        stdout: `profile "new" (App ID ${newAppId}, default): updated the name and App ID\n`,
      });
      const secondary = t.secret();
      expect((await t.cli(['profile', 'edit', 'new', '--secondary-certificate-stdin'], `${secondary}\n`)).code).toBe(0);
      const { profiles } = await t.list();
      expect(profiles).toEqual([
        expect.objectContaining({ name: 'new', appId: newAppId, hasSecondaryCertificate: true }),
      ]);
      expect(secretToolLookup(`${profiles[0]!.id}.secondary`, t.service)).toBe(secondary);
      expect(await t.cli(['profile', 'edit', 'new'])).toMatchObject({
        code: 2,
        stderr: expect.stringMatching(/^error: nothing to change: /),
      });
      expect(await t.cli(['profile', 'edit', 'new', '--app-id', 'nothex'])).toMatchObject({
        code: 2,
        stderr: 'error: App ID must be 32 hexadecimal characters\n',
      });
      expect(await t.cli(['profile', 'edit', 'new', '--secondary-certificate-stdin'], 'short\n')).toMatchObject({
        code: 2,
        stderr: 'error: App Certificate must be 32 hexadecimal characters\n',
      });
      expect(secretToolLookup(`${profiles[0]!.id}.secondary`, t.service)).toBe(secondary);
    });

    it('import reads APP_ID/APP_CERTIFICATE from a .env file and says the file still holds the certificate', async () => {
      const t = setup();
      const project = join(t.home, 'my-project');
      mkdirSync(project);
      const c = randomCredentials();
      secrets.push(c.appCertificate);
      const envFile = join(project, '.env');
      writeFileSync(envFile, `# comment\nAPP_ID=${c.appId}\nAPP_CERTIFICATE="${c.appCertificate}"\nPORT=8080\n`);
      const imported = await t.cli(['profile', 'import', envFile]);
      expect(imported.code).toBe(0);
      expect(imported.stdout).toBe(
        `imported profile "my-project" (App ID ${c.appId}, default); its App Certificate is in the OS keychain\n` +
          `${envFile} still holds the App Certificate: delete that line once the profile is all you need\n`,
      );
      const { profiles } = await t.list();
      expect(secretToolLookup(profiles[0]!.id, t.service)).toBe(c.appCertificate);
      expect(readFileSync(envFile, 'utf8')).toContain(c.appCertificate);
      // Only the .env file itself holds the certificate, no file of the data folder.
      expect(
        filesUnder(t.home)
          .filter((f) => f.text.includes(c.appCertificate))
          .map((f) => f.path),
      ).toEqual([envFile]);

      writeFileSync(join(project, 'partial.env'), `APP_ID=${c.appId}\n`);
      expect(await t.cli(['profile', 'import', join(project, 'partial.env'), '--name', 'x'])).toMatchObject({
        code: 2,
        stderr: `error: ${join(project, 'partial.env')} has no APP_CERTIFICATE\n`,
      });
      expect(await t.cli(['profile', 'import', join(project, 'missing.env')])).toMatchObject({
        code: 2,
        stderr: `error: cannot read ${join(project, 'missing.env')} (ENOENT)\n`,
      });
      expect((await t.list()).profiles).toHaveLength(1);
    });

    it('a data folder that cannot be used: exit 3 and one line naming it', async () => {
      const t = setup();
      writeFileSync(join(t.home, 'file'), 'x');
      const home = join(t.home, 'file', 'data');
      const run = await runCli(['profile', 'add', 'x', '--app-id', randomCredentials().appId], {
        env: { AGORA_TOKEN_DESK_HOME: home, AGORA_TOKEN_DESK_KEYCHAIN_SERVICE: t.service },
        input: `${t.secret()}\n`,
      });
      outputs.push(run);
      expect(run).toMatchObject({
        code: 3,
        stdout: '',
        stderr: `error: the data folder ${home} cannot be used (ENOTDIR: a part of its path is a file, not a folder): make it a folder you can write to, or set AGORA_TOKEN_DESK_HOME to one\n`,
      });
      // The certificate saved before the metadata was taken back out.
      expect((await t.list()).problems).toEqual([]);
    });
  },
);
