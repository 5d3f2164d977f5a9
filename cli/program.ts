import { Command, CommanderError } from 'commander';
import { readFileSync } from 'node:fs';
import { decodeCommand } from './commands/decode.js';
import { profileCommand } from './commands/profile/index.js';
import { serveCommand } from './commands/serve.js';
import { tokenCommand } from './commands/token.js';
import { EXIT } from './exit.js';

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

/** Usage errors exit 2 (commander's default is 1, which we keep for failed checks). */
function applyExitCodes(command: Command): void {
  command.exitOverride((error: CommanderError) => {
    process.exit(error.exitCode === 0 ? EXIT.ok : EXIT.usage);
  });
  for (const sub of command.commands) applyExitCodes(sub);
}

export function createProgram(): Command {
  const program = new Command('agora-token-desk')
    .description('Build, decode and verify Agora access tokens; serve them with the agora-token-service API.')
    .version(version(), '-v, --version')
    .addCommand(tokenCommand())
    .addCommand(decodeCommand())
    .addCommand(serveCommand())
    .addCommand(profileCommand())
    .addHelpText(
      'after',
      `
Exit codes: 0 success, 1 a check failed, 2 bad usage or input, 3 environment problem.
Examples:
  APP_ID=... APP_CERTIFICATE=... agora-token-desk token rtc --channel demo --uid 42
  agora-token-desk decode 007eJx... --json`,
    );
  applyExitCodes(program);
  return program;
}
