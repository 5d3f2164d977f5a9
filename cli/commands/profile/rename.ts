import { Command } from 'commander';
import { runCommand } from '../../output.js';
import { describeProfile, processProfileDeps, type ProfileDeps } from './deps.js';

export interface RenameOptions {
  name: string;
  newName: string;
}

export async function runProfileRename(options: RenameOptions, deps: ProfileDeps): Promise<void> {
  deps.output.out(`renamed to ${describeProfile(await (await deps.store()).rename(options.name, options.newName))}`);
}

export function profileRenameCommand(deps: () => ProfileDeps = processProfileDeps): Command {
  return new Command('rename')
    .description('rename a profile')
    .argument('<old>', 'current name')
    .argument('<new>', 'new name')
    .addHelpText('after', '\nExample:\n  agora-token-desk profile rename demo staging')
    .action(async (oldName: string, newName: string) =>
      runCommand(() => runProfileRename({ name: oldName, newName }, deps())),
    );
}
