// zod's English messages for this command's schemas; `decode` loads no zod at all (cli/main.ts).
import '../../../shared/zod-english.js';
import { Command } from 'commander';
import { profileAddCommand } from './add.js';
import { profileEditCommand } from './edit.js';
import { profileImportCommand } from './import.js';
import { profileListCommand } from './list.js';
import { profileRemoveCommand } from './remove.js';
import { profileRenameCommand } from './rename.js';
import { profileRotateCommand } from './rotate.js';
import { profileSetCertificateCommand } from './set-certificate.js';
import { profileUseCommand } from './use.js';

const PROFILE_HELP = `
Profiles keep an App ID in profiles.json in the app's data folder (AGORA_TOKEN_DESK_HOME
overrides it) and the App Certificates (primary and optional secondary) only in the OS
keychain (service agora-token-desk). The desktop app reads the same profiles. Certificates are
read from standard input or hidden prompts, never from the command line.
Examples:
  printf '%s\\n' "$APP_CERTIFICATE" | agora-token-desk profile add demo --app-id "$APP_ID"
  agora-token-desk profile list
  agora-token-desk token rtc --profile demo --channel c --uid 1`;

export function profileCommand(): Command {
  return new Command('profile')
    .description('manage saved projects (App ID + certificates in the OS keychain)')
    .addHelpText('after', PROFILE_HELP)
    .addCommand(profileAddCommand())
    .addCommand(profileListCommand())
    .addCommand(profileRemoveCommand())
    .addCommand(profileUseCommand())
    .addCommand(profileRenameCommand())
    .addCommand(profileEditCommand())
    .addCommand(profileImportCommand())
    .addCommand(profileRotateCommand())
    .addCommand(profileSetCertificateCommand());
}
