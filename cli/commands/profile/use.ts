import { Command } from 'commander';
import { runCommand } from '../../output.js';
import { describeProfile, processProfileDeps, type ProfileDeps } from './deps.js';

export interface UseOptions {
  name: string;
}

export async function runProfileUse(options: UseOptions, deps: ProfileDeps): Promise<void> {
  deps.output.out(`${describeProfile(await (await deps.store()).setDefault(options.name))} is now the default`);
}

export function profileUseCommand(deps: () => ProfileDeps = processProfileDeps): Command {
  return new Command('use')
    .description('make a profile the default (used when neither --profile nor APP_ID/APP_CERTIFICATE is given)')
    .argument('<name>', 'profile name')
    .addHelpText('after', '\nExample:\n  agora-token-desk profile use demo')
    .action(async (name: string) => runCommand(() => runProfileUse({ name }, deps())));
}
