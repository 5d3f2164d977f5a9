import { Command } from 'commander';
import { TokenDeskError } from '../../shared/errors.js';
import { ProfileStore, type Profile, type ProfileProblem } from '../../shared/profiles/profile-store.js';
import { appIdSchema, parseInput } from '../../shared/token/validation.js';
import { printJson, processOutput, runCommand } from '../output.js';
import { readCertificate } from './profile-prompt.js';

const PROFILE_HELP = `
Profiles keep an App ID in profiles.json in the app's data folder (AGORA_TOKEN_DESK_HOME
overrides it) and the App Certificate only in the OS keychain (service agora-token-desk).
The desktop app reads the same profiles. The certificate is read from standard input,
never from the command line.
Examples:
  printf '%s\\n' "$APP_CERTIFICATE" | agora-token-desk profile add demo --app-id "$APP_ID"
  agora-token-desk profile list
  agora-token-desk token rtc --profile demo --channel c --uid 1`;

function describe(profile: Profile): string {
  return `profile "${profile.name}" (App ID ${profile.appId}${profile.isDefault ? ', default' : ''})`;
}

function table(profiles: Profile[]): string[] {
  const width = Math.max(4, ...profiles.map((p) => p.name.length));
  const rows = profiles.map((p) => `${p.isDefault ? '*' : ' '} ${p.name.padEnd(width)}  ${p.appId}  ${p.createdAt}`);
  return [`  ${'NAME'.padEnd(width)}  ${'APP ID'.padEnd(32)}  CREATED`, ...rows];
}

async function listProfiles(store: ProfileStore, json: boolean | undefined): Promise<void> {
  const { profiles, problems } = await store.list();
  const keychain = await store.keychainStatus();
  if (json) printJson({ profiles, problems, keychain });
  else {
    if (profiles.length === 0) processOutput.out('no profiles yet (add one with: agora-token-desk profile add NAME --app-id APP_ID)');
    else for (const line of table(profiles)) processOutput.out(line);
    for (const problem of problems) processOutput.out(problemLine(problem));
  }
  // The metadata was still worth showing; the exit code tells scripts the keychain is unusable.
  if (!keychain.available) throw new TokenDeskError('keychain_unavailable', keychain.message ?? 'the keychain is unavailable');
}

function problemLine(problem: ProfileProblem): string {
  return `problem (${problem.kind.replace(/_/g, ' ')}): ${problem.message}`;
}

async function certificateFor(name: string): Promise<string> {
  return readCertificate(`App Certificate for "${name}" (input hidden): `);
}

export function profileCommand(): Command {
  const profile = new Command('profile')
    .description('manage saved projects (App ID + certificate in the OS keychain)')
    .addHelpText('after', PROFILE_HELP);
  const store = (): ProfileStore => new ProfileStore();

  profile
    .command('add')
    .description('save a project: the App Certificate is read from standard input (hidden prompt on a terminal)')
    .argument('<name>', 'profile name, used with --profile')
    .requiredOption('--app-id <id>', 'the App ID (32 hexadecimal characters)')
    .action(async (name: string, flags: { appId: string }) =>
      runCommand(async () => {
        // Checked before the prompt, so a typo is not found only after pasting the secret.
        parseInput(appIdSchema, flags.appId);
        const added = await store().add({ name, appId: flags.appId, appCertificate: await certificateFor(name) });
        processOutput.out(`added ${describe(added)}; its App Certificate is in the OS keychain`);
      }),
    );

  profile
    .command('list')
    .description('list profiles with their App ID, the default (*) and any problem; never a certificate')
    .option('--json', 'print {profiles, problems, keychain} as JSON')
    .action(async (flags: { json?: boolean }) => runCommand(() => listProfiles(store(), flags.json)));

  profile
    .command('remove')
    .description('delete a profile and its App Certificate from the keychain')
    .argument('<name>', 'profile name (or the account id of an orphan keychain entry)')
    .action(async (name: string) =>
      runCommand(async () => {
        await store().remove(name);
        processOutput.out(`removed "${name}" and its App Certificate from the keychain`);
      }),
    );

  profile
    .command('use')
    .description('make a profile the default (used when neither --profile nor APP_ID/APP_CERTIFICATE is given)')
    .argument('<name>', 'profile name')
    .action(async (name: string) =>
      runCommand(async () => processOutput.out(`${describe(await store().setDefault(name))} is now the default`)),
    );

  profile
    .command('rename')
    .description('rename a profile')
    .argument('<old>', 'current name')
    .argument('<new>', 'new name')
    .action(async (oldName: string, newName: string) =>
      runCommand(async () => processOutput.out(`renamed to ${describe(await store().rename(oldName, newName))}`)),
    );

  profile
    .command('set-certificate')
    .description("replace a profile's App Certificate (read from standard input, hidden prompt on a terminal)")
    .argument('<name>', 'profile name')
    .action(async (name: string) =>
      runCommand(async () => {
        const target = await store().get(name);
        const updated = await store().updateCertificate(target.id, await certificateFor(target.name));
        processOutput.out(`saved a new App Certificate for ${describe(updated)}`);
      }),
    );

  return profile;
}
