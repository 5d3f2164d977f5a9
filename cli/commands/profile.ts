import { Command } from 'commander';

// Placeholder until profiles land; it is replaced by the profiles issue's command.
export function profileCommand(): Command {
  return new Command('profile').description('manage saved projects (App ID + certificate in the OS keychain)');
}
