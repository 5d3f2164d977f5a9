import { Command } from 'commander';
import type { RequestLogEntry } from '../../shared/contract/index.js';
import { TokenDeskError } from '../../shared/errors.js';
import { tuneHeapForServing } from '../../shared/server/heap-settings.js';
import { DEFAULT_HOST, DEFAULT_PORT, LocalTokenServer } from '../../shared/server/local-token-server.js';
import { resolveCredentials } from '../credentials.js';
import { loadEnvironment } from '../env-file.js';
import { processOutput, runCommand } from '../output.js';

interface ServeFlags {
  port?: string;
  host: string;
  cors?: string;
  profile?: string;
  quiet?: boolean;
}

const HELP = `
Configuration (flags win over the environment, the environment over a .env file in the
working directory), as agora-token-service reads it:
  APP_ID, APP_CERTIFICATE   credentials (or --profile NAME, or the default profile)
  SERVER_PORT, else PORT    port (default ${DEFAULT_PORT})
  CORS_ALLOW_ORIGIN         '*', a comma-separated list of origins, or empty (no browser origins)
Output: the listening URL, then one line per request on stdout:
  <ISO time> <method> <path> <status> <ms>ms   (never tokens, query strings or secrets)
Errors go to stderr. Ctrl-C or SIGTERM stops accepting, finishes in-flight requests, exits 0.
Example:
  APP_ID=... APP_CERTIFICATE=... agora-token-desk serve --port 8080
  curl http://localhost:8080/rtc/test/publisher/uid/0`;

/** Port from --port, else SERVER_PORT, else PORT, else 8080; checked as a whole TCP port. */
export function resolvePort(flag: string | undefined, env: Record<string, string | undefined>): number {
  const [source, raw] =
    flag !== undefined
      ? ['--port', flag]
      : env['SERVER_PORT']
        ? ['SERVER_PORT', env['SERVER_PORT']]
        : env['PORT']
          ? ['PORT', env['PORT']]
          : ['default', String(DEFAULT_PORT)];
  const port = /^\d{1,5}$/.test(raw.trim()) ? Number(raw.trim()) : Number.NaN;
  if (!(port >= 0 && port <= 65535)) {
    throw new TokenDeskError('invalid_input', `${source} must be a port number from 0 to 65535, not "${raw}"`, 'port');
  }
  return port;
}

export function formatLogLine(entry: RequestLogEntry): string {
  return `${new Date(entry.time).toISOString()} ${entry.method} ${entry.path} ${entry.status} ${entry.ms.toFixed(1)}ms`;
}

async function serve(flags: ServeFlags): Promise<void> {
  const env = loadEnvironment(process.cwd(), process.env);
  const port = resolvePort(flags.port, env);
  const { credentials, source } = await resolveCredentials({ profile: flags.profile });
  tuneHeapForServing();
  const server = await LocalTokenServer.start({
    credentials,
    port,
    host: flags.host,
    corsOrigins: flags.cors ?? env['CORS_ALLOW_ORIGIN'] ?? '',
  });
  if (!flags.quiet) server.on('request', (entry) => processOutput.out(formatLogLine(entry)));
  const stop = (): void => {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
    server.close().then(
      () => {
        processOutput.out('stopped');
        process.exitCode = 0;
      },
      (error: unknown) => {
        processOutput.err(`error: while stopping: ${error instanceof Error ? error.message : String(error)}`);
        process.exitCode = 1;
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  // Announced only once the signals are handled: a supervisor may stop us right after this line.
  processOutput.out(`listening on ${server.url} (App ID ${credentials.appId} from ${source}); Ctrl-C stops`);
}

export function serveCommand(): Command {
  return new Command('serve')
    .description('run the local token server (agora-token-service API)')
    .option('--port <n>', `TCP port, 0 for any free one (default: SERVER_PORT, PORT or ${DEFAULT_PORT})`)
    .option('--host <address>', 'address to listen on; 0.0.0.0 to serve other machines', DEFAULT_HOST)
    .option('--cors <origins>', "allowed browser origins: '*' or a comma-separated list (default: CORS_ALLOW_ORIGIN)")
    .option('--profile <name>', 'use the App ID and certificate of this saved profile')
    .option('--quiet', 'do not log requests')
    .addHelpText('after', HELP)
    .action(async (flags: ServeFlags) => runCommand(() => serve(flags)));
}
