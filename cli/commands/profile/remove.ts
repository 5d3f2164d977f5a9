import { Command } from 'commander';
import { runCommand } from '../../output.js';
import { processProfileDeps, type ProfileDeps } from './deps.js';

export interface RemoveOptions {
  name: string;
}

export async function runProfileRemove(options: RemoveOptions, deps: ProfileDeps): Promise<void> {
  await (await deps.store()).remove(options.name);
  deps.output.out(`removed "${options.name}" and its App Certificate from the keychain`);
}

export function profileRemoveCommand(deps: () => ProfileDeps = processProfileDeps): Command {
  return new Command('remove')
    .description('delete a profile and its App Certificates from the keychain')
    .argument('<name>', 'profile name (or the account id of an orphan keychain entry)')
    .addHelpText('after', '\nExample:\n  agora-token-desk profile remove demo')
    .action(async (name: string) => runCommand(() => runProfileRemove({ name }, deps())));
}
