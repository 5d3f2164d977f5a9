import { Command } from 'commander';
import { basename, dirname, resolve } from 'node:path';
import { TokenDeskError } from '../../../shared/errors.js';
import { appIdSchema, parseInput } from '../../../shared/token/validation.js';
import { readEnvFile } from '../../env-file.js';
import { runCommand } from '../../output.js';
import { describeProfile, processProfileDeps, type ProfileDeps } from './deps.js';

export interface ImportOptions {
  file: string;
  /** Default: the name of the folder holding the file. */
  name?: string | undefined;
}

function required(values: Record<string, string>, key: string, file: string): string {
  const value = values[key]?.trim();
  if (!value) throw new TokenDeskError('invalid_input', `${file} has no ${key}`);
  return value;
}

export async function runProfileImport(options: ImportOptions, deps: ProfileDeps): Promise<void> {
  const values = await readEnvFile(options.file);
  const appId = required(values, 'APP_ID', options.file);
  const appCertificate = required(values, 'APP_CERTIFICATE', options.file);
  try {
    parseInput(appIdSchema, appId);
  } catch (error) {
    throw new TokenDeskError(
      'invalid_input',
      `${options.file}: APP_ID ${(error as Error).message.replace(/^App ID /, '')}`,
    );
  }
  const name = options.name ?? basename(dirname(resolve(options.file)));
  const store = await deps.store();
  const added = await store.add({ name, appId, appCertificate }).catch((error: unknown) => {
    if (error instanceof TokenDeskError && error.field === 'appCertificate') {
      throw new TokenDeskError(
        'invalid_input',
        `${options.file}: APP_CERTIFICATE ${error.message.replace(/^App Certificate /, '')}`,
      );
    }
    throw error;
  });
  deps.output.out(`imported ${describeProfile(added)}; its App Certificate is in the OS keychain`);
  deps.output.out(`${options.file} still holds the App Certificate: delete that line once the profile is all you need`);
}

export function profileImportCommand(deps: () => ProfileDeps = processProfileDeps): Command {
  return new Command('import')
    .description('add a profile from a .env file (APP_ID and APP_CERTIFICATE); the certificate goes to the keychain')
    .argument('<file>', 'the .env file to read')
    .option('--name <name>', 'profile name (default: the name of the folder holding the file)')
    .addHelpText(
      'after',
      '\nExamples:\n  agora-token-desk profile import .env --name demo\n  agora-token-desk profile import ~/projects/demo/.env',
    )
    .action(async (file: string, flags: { name?: string }) =>
      runCommand(() => runProfileImport({ file, name: flags.name }, deps())),
    );
}
