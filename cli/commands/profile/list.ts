import { Command } from 'commander';
import { TokenDeskError } from '../../../shared/errors.js';
import type { Profile, ProfileProblem } from '../../../shared/profiles/profile-store.js';
import { printJson, runCommand } from '../../output.js';
import { processProfileDeps, type ProfileDeps } from './deps.js';

export interface ListOptions {
  json: boolean;
}

function table(profiles: Profile[]): string[] {
  const width = Math.max(4, ...profiles.map((p) => p.name.length));
  const rows = profiles.map(
    (p) =>
      `${p.isDefault ? '*' : ' '} ${p.name.padEnd(width)}  ${p.appId}  ${p.createdAt}${p.hasSecondaryCertificate ? '  + secondary' : ''}`,
  );
  return [`  ${'NAME'.padEnd(width)}  ${'APP ID'.padEnd(32)}  CREATED`, ...rows];
}

function problemLine(problem: ProfileProblem): string {
  return `problem (${problem.kind.replace(/_/g, ' ')}): ${problem.message}`;
}

export async function runProfileList(options: ListOptions, deps: ProfileDeps): Promise<void> {
  const store = await deps.store();
  const { profiles, problems } = await store.list();
  const keychain = await store.keychainStatus();
  if (options.json) printJson({ profiles, problems, keychain }, deps.output);
  else {
    if (profiles.length === 0)
      deps.output.out('no profiles yet (add one with: agora-token-desk profile add NAME --app-id APP_ID)');
    else for (const line of table(profiles)) deps.output.out(line);
    for (const problem of problems) deps.output.out(problemLine(problem));
  }
  // The metadata was still worth showing; the exit code tells scripts the keychain is unusable.
  if (!keychain.available)
    throw new TokenDeskError('keychain_unavailable', keychain.message ?? 'the keychain is unavailable');
}

export function profileListCommand(deps: () => ProfileDeps = processProfileDeps): Command {
  return new Command('list')
    .description(
      'list profiles with their App ID, the default (*), a secondary certificate and any problem; never a certificate',
    )
    .option('--json', 'print {profiles, problems, keychain} as JSON')
    .addHelpText('after', '\nExamples:\n  agora-token-desk profile list\n  agora-token-desk profile list --json')
    .action(async (flags: { json?: boolean }) =>
      runCommand(() => runProfileList({ json: flags.json === true }, deps())),
    );
}
