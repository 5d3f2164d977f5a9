import { Command } from 'commander';
import { TokenDeskError } from '../../../shared/errors.js';
import { appCertificateSchema, appIdSchema, parseInput } from '../../../shared/token/validation.js';
import { runCommand } from '../../output.js';
import { certificateQuestion, describeProfile, processProfileDeps, type ProfileDeps } from './deps.js';

export interface EditOptions {
  name: string;
  newName?: string | undefined;
  appId?: string | undefined;
  /** Replace the primary certificate (read from input). */
  certificate: boolean;
  /** Save a secondary certificate (read from input, after the primary when both are asked). */
  secondary: boolean;
  removeSecondary: boolean;
}

function checkOptions(options: EditOptions): void {
  const given =
    [options.newName, options.appId].some((v) => v !== undefined) ||
    options.certificate ||
    options.secondary ||
    options.removeSecondary;
  if (!given) {
    throw new TokenDeskError(
      'invalid_input',
      'nothing to change: give --name, --app-id, --certificate-stdin, --secondary-certificate-stdin or --remove-secondary',
    );
  }
  if (options.secondary && options.removeSecondary) {
    throw new TokenDeskError(
      'invalid_input',
      'use either --secondary-certificate-stdin or --remove-secondary, not both',
    );
  }
  if (options.appId !== undefined) parseInput(appIdSchema, options.appId);
}

/** Every input is read and checked before anything changes. */
export async function runProfileEdit(options: EditOptions, deps: ProfileDeps): Promise<void> {
  checkOptions(options);
  const store = await deps.store();
  const target = await store.get(options.name);
  const primary = options.certificate
    ? parseInput(appCertificateSchema, await deps.input.secret(certificateQuestion(target.name, 'App Certificate')))
    : undefined;
  const secondary = options.secondary
    ? parseInput(
        appCertificateSchema,
        await deps.input.secret(certificateQuestion(target.name, 'secondary App Certificate')),
      )
    : undefined;
  const changed: string[] = [];
  // The metadata first: a taken name is refused before any certificate changes.
  let profile = target;
  if (options.newName !== undefined || options.appId !== undefined) {
    profile = await store.edit(target.id, { name: options.newName, appId: options.appId });
    changed.push(
      options.newName === undefined
        ? 'updated the App ID'
        : options.appId === undefined
          ? 'renamed it'
          : 'updated the name and App ID',
    );
  }
  if (primary !== undefined) {
    await store.updateCertificate(target.id, primary);
    changed.push('saved a new App Certificate');
  }
  if (secondary !== undefined) {
    await store.setSecondaryCertificate(target.id, secondary);
    changed.push('saved the secondary App Certificate');
  }
  if (options.removeSecondary) {
    changed.push(
      (await store.removeSecondaryCertificate(target.id))
        ? 'removed the secondary App Certificate'
        : 'there was no secondary App Certificate',
    );
  }
  deps.output.out(`${describeProfile(profile)}: ${changed.join('; ')}`);
}

interface EditFlags {
  name?: string;
  appId?: string;
  certificateStdin?: boolean;
  secondaryCertificateStdin?: boolean;
  removeSecondary?: boolean;
}

export function profileEditCommand(deps: () => ProfileDeps = processProfileDeps): Command {
  return new Command('edit')
    .description("change a profile's name, App ID or certificates (certificates from standard input or hidden prompts)")
    .argument('<name>', 'profile name')
    .option('--name <new>', 'new name')
    .option('--app-id <id>', 'new App ID (32 hexadecimal characters)')
    .option('--certificate-stdin', 'replace the App Certificate (first line of input, or a prompt)')
    .option('--secondary-certificate-stdin', 'save the secondary certificate (next line of input, or a prompt)')
    .option('--remove-secondary', 'delete the secondary certificate from the keychain')
    .addHelpText(
      'after',
      `
Examples:
  agora-token-desk profile edit demo --app-id "$APP_ID"
  printf '%s\\n' "$SECONDARY_CERTIFICATE" | agora-token-desk profile edit demo --secondary-certificate-stdin
  agora-token-desk profile edit demo --remove-secondary`,
    )
    .action(async (name: string, flags: EditFlags) =>
      runCommand(() =>
        runProfileEdit(
          {
            name,
            newName: flags.name,
            appId: flags.appId,
            certificate: flags.certificateStdin === true,
            secondary: flags.secondaryCertificateStdin === true,
            removeSecondary: flags.removeSecondary === true,
          },
          deps(),
        ),
      ),
    );
}
