import { Command } from 'commander';

// Placeholder until the local server lands; it is replaced by the server issue's command.
export function serveCommand(): Command {
  return new Command('serve').description('run the local token server (agora-token-service API)');
}
