// zod's English messages for this command's schemas; `decode` loads no zod at all (cli/main.ts).
import '../../shared/zod-english.js';
import { Command } from 'commander';
import { parsePort } from '../../shared/contract/fields.js';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TokenDeskError } from '../../shared/errors.js';
import { processOutput, runCommand, type Output } from '../output.js';

export interface UiOptions {
  port: number;
  host: string;
  open: boolean;
}

export interface UiDeps {
  output: Output;
  /** The built renderer (dist/renderer). */
  rendererDir: string;
  openBrowser(url: string): Promise<void>;
  /** Resolves when the user asks to stop (Ctrl-C, SIGTERM). */
  untilStopped(): Promise<void>;
}

const LOOPBACK_HOSTS = ['127.0.0.1', '::1', 'localhost'];

const HELP = `
The desktop app in your browser, for machines where Electron cannot run (WSL, a dev
container, a remote machine over SSH). It listens on loopback only and prints or opens an
address carrying a key for this launch: only a page opened from it can use the app.
Ctrl-C or SIGTERM stops it (and a local token server started from it).
Examples:
  agora-token-desk ui
  agora-token-desk ui --port 8700 --no-open
  ssh -L 8700:127.0.0.1:8700 devbox npx agora-token-desk ui --port 8700 --no-open`;

/** Port from --port (0 = any free port), checked as a whole TCP port. */
export function parseUiPort(value: string | undefined): number {
  if (value === undefined) return 0;
  const port = parsePort(value);
  if (port === undefined)
    throw new TokenDeskError('invalid_input', `--port must be a port number from 0 to 65535, not "${value}"`, 'port');
  return port;
}

export function parseUiHost(value: string): string {
  if (LOOPBACK_HOSTS.includes(value.toLowerCase())) return value.toLowerCase();
  throw new TokenDeskError(
    'invalid_input',
    `--host must be a loopback address (${LOOPBACK_HOSTS.join(', ')}): to use the app from another machine, forward the port over SSH`,
    'host',
  );
}

/** Starts browser mode, announces it, opens the browser, and serves until stopped. */
export async function runUi(options: UiOptions, deps: UiDeps): Promise<void> {
  const { output } = deps;
  if (!existsSync(join(deps.rendererDir, 'index.html'))) {
    // The container image and a checkout built with build:node only have no page to serve.
    throw new TokenDeskError(
      'server_error',
      `the browser UI is not part of this installation (no ${join(deps.rendererDir, 'index.html')}); in a checkout, run \`npm run build\``,
    );
  }
  // Loaded here, not at the top: `token` and `decode` must not pay for Fastify or the keychain.
  const { startAppServer } = await import('../../shared/app-server/app-server.js');
  const { createAppServices } = await import('../../shared/app/app-services.js');
  const services = createAppServices();
  const server = await startAppServer({
    rendererDir: deps.rendererDir,
    handlers: services.handlers,
    subscribeEvents: services.subscribeEvents,
    contentSecurityPolicy: services.contentSecurityPolicy,
    host: options.host,
    port: options.port,
    log: (line) => output.err(line),
  }).catch(async (error: unknown) => {
    await services.dispose();
    throw error;
  });
  const stopped = deps.untilStopped();
  if (options.open) {
    output.out(`Agora Token Desk is running at ${server.url} and opens in your browser; Ctrl-C stops it.`);
    deps.openBrowser(server.launchUrl).catch((error: unknown) => {
      output.err(
        `could not open a browser (${error instanceof Error ? error.message : String(error)}); open this address instead:`,
      );
      output.out(server.launchUrl);
    });
  } else {
    output.out('Agora Token Desk is running; open this address in your browser (Ctrl-C stops it):');
    output.out(server.launchUrl);
  }
  await stopped;
  await server.close();
  await services.dispose();
  output.out('stopped');
}

function untilSignal(): Promise<void> {
  return new Promise((resolve) => {
    // The handlers stay: under `npm start` one Ctrl-C arrives from the terminal and again from
    // each parent that forwards it; the first stops the app, the others must not cut the cleanup.
    process.on('SIGINT', () => resolve());
    process.on('SIGTERM', () => resolve());
  });
}

interface UiFlags {
  port?: string;
  host: string;
  open: boolean;
}

export function uiCommand(): Command {
  return new Command('ui')
    .description('open the app in a browser (where the desktop app cannot run)')
    .option('--port <n>', 'TCP port, 0 for any free one', '0')
    .option('--host <address>', `loopback address to listen on (${LOOPBACK_HOSTS.join(', ')})`, '127.0.0.1')
    .option('--no-open', 'print the address instead of opening the browser')
    .addHelpText('after', HELP)
    .action(async (flags: UiFlags) =>
      runCommand(async () => {
        const options = { port: parseUiPort(flags.port), host: parseUiHost(flags.host), open: flags.open };
        const { openBrowser } = await import('../ui/open-browser.js');
        await runUi(options, {
          output: processOutput,
          rendererDir: fileURLToPath(new URL('../../renderer', import.meta.url)),
          openBrowser,
          untilStopped: untilSignal,
        });
      }),
    );
}
