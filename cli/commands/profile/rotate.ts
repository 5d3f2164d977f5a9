import { Command } from 'commander';
import { TokenDeskError } from '../../../shared/errors.js';
import { runCommand } from '../../output.js';
import { quoteArg } from '../../../shared/profiles/keychain-problems.js';
import { describeProfile, processProfileDeps, type ProfileDeps } from './deps.js';

export interface RotateOptions {
  name: string;
  /** Skip the confirmation (scripts). */
  yes: boolean;
}

export async function runProfileRotate(options: RotateOptions, deps: ProfileDeps): Promise<void> {
  const store = await deps.store();
  const target = await store.get(options.name);
  if (!options.yes) {
    const answer = await deps.input.confirm(
      `Promote the secondary App Certificate of "${target.name}" to primary? Do this after switching it in Agora Console. [y/N] `,
    );
    if (answer === undefined)
      throw new TokenDeskError(
        'invalid_input',
        'rotate asks for confirmation on a terminal; add --yes to confirm from a script',
      );
    if (!answer) {
      deps.output.out('nothing changed');
      return;
    }
  }
  const rotated = await store.rotate(target.id);
  deps.output.out(
    `${describeProfile(rotated)}: the secondary App Certificate is now the primary; the former primary is kept as the secondary (remove it with: agora-token-desk profile edit ${quoteArg(rotated.name)} --remove-secondary)`,
  );
}

export function profileRotateCommand(deps: () => ProfileDeps = processProfileDeps): Command {
  return new Command('rotate')
    .description('promote the secondary certificate to primary (after switching it in Agora Console); asks first')
    .argument('<name>', 'profile name')
    .option('-y, --yes', 'do not ask for confirmation')
    .addHelpText(
      'after',
      '\nExamples:\n  agora-token-desk profile rotate demo\n  agora-token-desk profile rotate demo --yes',
    )
    .action(async (name: string, flags: { yes?: boolean }) =>
      runCommand(() => runProfileRotate({ name, yes: flags.yes === true }, deps())),
    );
}
