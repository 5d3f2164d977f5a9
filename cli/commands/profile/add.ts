import { Command } from 'commander';
import { appIdSchema, parseInput } from '../../../shared/token/validation.js';
import { runCommand } from '../../output.js';
import { certificateQuestion, describeProfile, processProfileDeps, type ProfileDeps } from './deps.js';

export interface AddOptions {
  name: string;
  appId: string;
  /** Also read a secondary certificate (the next piped line, or a second prompt). */
  secondary: boolean;
}

export async function runProfileAdd(options: AddOptions, deps: ProfileDeps): Promise<void> {
  // Checked before the prompt, so a typo is not found only after pasting the secret.
  parseInput(appIdSchema, options.appId);
  const appCertificate = await deps.input.secret(certificateQuestion(options.name, 'App Certificate'));
  const secondaryCertificate = options.secondary
    ? await deps.input.secret(certificateQuestion(options.name, 'secondary App Certificate'))
    : undefined;
  const store = await deps.store();
  const added = await store.add({ name: options.name, appId: options.appId, appCertificate, secondaryCertificate });
  const what =
    secondaryCertificate === undefined ? 'its App Certificate is' : 'its primary and secondary App Certificates are';
  deps.output.out(`added ${describeProfile(added)}; ${what} in the OS keychain`);
}

export function profileAddCommand(deps: () => ProfileDeps = processProfileDeps): Command {
  return new Command('add')
    .description('save a project: the App Certificate is read from standard input (hidden prompt on a terminal)')
    .argument('<name>', 'profile name, used with --profile')
    .requiredOption('--app-id <id>', 'the App ID (32 hexadecimal characters)')
    .option(
      '--secondary-certificate-stdin',
      "also save the project's secondary certificate (second line of input, or a second prompt)",
    )
    .addHelpText(
      'after',
      `
Examples:
  printf '%s\\n' "$APP_CERTIFICATE" | agora-token-desk profile add demo --app-id "$APP_ID"
  printf '%s\\n%s\\n' "$APP_CERTIFICATE" "$SECONDARY" | agora-token-desk profile add demo --app-id "$APP_ID" --secondary-certificate-stdin`,
    )
    .action(async (name: string, flags: { appId: string; secondaryCertificateStdin?: boolean }) =>
      runCommand(() =>
        runProfileAdd({ name, appId: flags.appId, secondary: flags.secondaryCertificateStdin === true }, deps()),
      ),
    );
}
