import type { CommanderError } from 'commander';
import { Command } from 'commander';
import { readFileSync } from 'node:fs';
import { EXIT } from './exit.js';

/**
 * Each command's module, loaded on use: `token` and `decode` must start fast, so they do
 * not pay for the server (Fastify) or the profile store (the native keychain module).
 */
const COMMANDS: Record<string, () => Promise<Command>> = {
  token: async () => (await import('./commands/token.js')).tokenCommand(),
  decode: async () => (await import('./commands/decode.js')).decodeCommand(),
  diagnose: async () => (await import('./commands/diagnose.js')).diagnoseCommand(),
  serve: async () => (await import('./commands/serve.js')).serveCommand(),
  profile: async () => (await import('./commands/profile/index.js')).profileCommand(),
  ui: async () => (await import('./commands/ui.js')).uiCommand(),
};

/** The command modules `args` needs: the one it names, or all of them (top-level help, typos). */
async function loadCommands(args: readonly string[]): Promise<Command[]> {
  const named = args[0] === undefined ? undefined : COMMANDS[args[0]];
  if (named !== undefined) return [await named()];
  return Promise.all(Object.values(COMMANDS).map((load) => load()));
}

function version(): string {
  // dist/cli/program.js or the bundle in dist/cli/bundle/: the package root is two or three up.
  for (const up of ['../../package.json', '../../../package.json']) {
    try {
      const pkg = JSON.parse(readFileSync(new URL(up, import.meta.url), 'utf8')) as { name?: string; version: string };
      if (pkg.name === 'agora-token-desk') return pkg.version;
    } catch {
      // not this one
    }
  }
  return 'unknown';
}

/** Usage errors exit 2 (commander's default is 1, which we keep for failed checks). */
function applyExitCodes(command: Command): void {
  command.exitOverride((error: CommanderError) => {
    process.exit(error.exitCode === 0 ? EXIT.ok : EXIT.usage);
  });
  // One line per error: commander puts its "(Did you mean --channel?)" on a second line.
  command.configureOutput({
    outputError: (text, write) => write(`${text.replace(/\n(?=\(Did you mean)/, ' ').trimEnd()}\n`),
  });
  for (const sub of command.commands) applyExitCodes(sub);
}

/**
 * Spellings commander does not take by itself: `-V` for the version (as many tools do) and
 * `help token rtc` for a nested command's help (commander's help command stops at one level).
 */
export function normalizeArgs(args: readonly string[]): string[] {
  if (args.length === 1 && args[0] === '-V') return ['--version'];
  if (args[0] === 'help' && args.length > 2) return [...args.slice(1), '--help'];
  return [...args];
}

export async function createProgram(args: readonly string[] = []): Promise<Command> {
  const program = new Command('agora-token-desk')
    .description('Build, decode and verify Agora access tokens; serve them with the agora-token-service API.')
    .version(version(), '-v, --version');
  for (const command of await loadCommands(args)) program.addCommand(command);
  program.addHelpText(
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
