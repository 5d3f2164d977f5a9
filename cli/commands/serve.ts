// zod's English messages for this command's schemas; `decode` loads no zod at all (cli/main.ts).
import '../../shared/zod-english.js';
import { Command, Option } from 'commander';
import { TokenDeskError } from '../../shared/errors.js';
import type { LocalServerOptions } from '../../shared/server/server-options.js';
import type { Credentials } from '../../shared/token/validation.js';
import { loadEnvironment } from '../env-file.js';
import { processOutput, runCommand, type Output } from '../output.js';
import { readProjects } from '../projects-env.js';
import { resolveWorkerCount } from '../serve-cluster/worker-count.js';
import { environmentHelp, type ServeFlagValues } from '../serve-env.js';
import {
  DEFAULT_HOST,
  DEFAULT_PORT,
  formatLogLine,
  serveOptionsFrom,
  serverOptions,
  type ServeOptions,
} from '../serve-options.js';

export { formatLogLine, resolvePort, type ServeOptions } from '../serve-options.js';

export interface SignalSource {
  on(signal: 'SIGINT' | 'SIGTERM', listener: () => void): unknown;
  off(signal: 'SIGINT' | 'SIGTERM', listener: () => void): unknown;
}

export interface ServeDeps {
  output: Output;
  env: NodeJS.ProcessEnv;
  cwd: string;
  signals: SignalSource;
  /** Where `--log-format json` lines go. */
  jsonLog: { write(line: string): unknown };
  setExitCode(code: number): void;
  /** Set in a `serve --workers` worker process (cli/serve-cluster/worker.ts). */
  worker?: WorkerRole;
}

export interface WorkerRole {
  /** Merged into the server's options: the worker's response header, all workers' metrics. */
  serverOptions: Pick<LocalServerOptions, 'serverHeaders' | 'metricsView'>;
  /** Lifecycle lines go to the primary, which speaks (and warns) for every worker. */
  announce(message: string, extra?: Record<string, unknown>): void;
}

/** A lifecycle line (listening, stopping …): plain, or a JSON log line in JSON mode. */
export function lifecycleLine(format: ServeOptions['logFormat'], message: string, extra: Record<string, unknown> = {}) {
  return format === 'json' ? JSON.stringify({ level: 30, time: Date.now(), msg: message, ...extra }) : message;
}

const HELP = `
Environment (a flag wins over its variable, a variable over a .env file in the working
directory; agora-token-service's names where it has them). Without --profile, APP_ID and
APP_CERTIFICATE, plus PROJECTS, are served (APP_ID, else the first project, answers requests
without appId); with none of them, the default profile.
${environmentHelp()}
With --workers above 1 a primary process supervises the workers: one that dies is replaced
(after 0.25 s, doubling per crash in a row up to 30 s), /metrics sums all of them, and each
response names its worker in an X-Worker header (a worker number, not a process id).
With --rate-limit-redis every process using that Redis shares one count per caller. If Redis
goes away while serving, token requests get 503 (closed, the default) or pass without a
limit (--rate-limit-redis-fail open) until it is back; one warning line per outage on stderr.
Output: the listening URL, then one line per request on stdout:
  <ISO time> <method> <path> <status> <ms>ms   (never tokens, query strings or secrets)
Errors go to stderr. Ctrl-C or SIGTERM stops accepting, lets requests in flight finish for up
to --shutdown-timeout seconds, then closes what remains and exits 0; a second one exits at once.
Examples:
  APP_ID=... APP_CERTIFICATE=... agora-token-desk serve --port 8080
  curl http://localhost:8080/rtc/test/publisher/uid/0
  AUTH_API_KEYS=$(openssl rand -hex 24) agora-token-desk serve --host 0.0.0.0 --rate-limit 120
  agora-token-desk serve --profile staging --profile prod --metrics --log-format json
  agora-token-desk serve --workers auto --rate-limit 120 --rate-limit-redis redis://127.0.0.1:6379`;

/** The credentials to serve and where they came from, for the listening line. */
async function servedCredentials(
  options: ServeOptions,
  deps: ServeDeps,
  env: Record<string, string | undefined>,
): Promise<{ list: Credentials[]; source: string }> {
  const { resolveCredentials } = await import('../credentials.js');
  if (options.allProfiles) {
    const { ProfileStore } = await import('../../shared/profiles/profile-store.js');
    const store = new ProfileStore();
    const { profiles: saved } = await store.list();
    if (saved.length === 0)
      throw new TokenDeskError('missing_credentials', 'no saved profiles: add one with "agora-token-desk profile add"');
    // The default profile first: it answers requests that name no appId.
    const fallback = await store.getDefault();
    const profiles = [...saved].sort((a, b) => Number(b.id === fallback?.id) - Number(a.id === fallback?.id));
    const list = await Promise.all(profiles.map((profile) => store.credentials(profile.id)));
    return { list, source: `${profiles.length} profiles` };
  }
  if (options.profiles.length > 1) {
    const found = [];
    for (const profile of options.profiles)
      found.push(await resolveCredentials({ profile, cwd: deps.cwd, env: deps.env }));
    return { list: found.map((f) => f.credentials), source: found.map((f) => f.source).join(', ') };
  }
  const projects = options.profiles.length === 0 ? readProjects(env, deps.cwd) : [];
  if (projects.length > 0) {
    // A container has no keychain: APP_ID (if set) and PROJECTS, never a saved profile.
    const first =
      env['APP_ID'] || env['APP_CERTIFICATE'] ? [await resolveCredentials({ cwd: deps.cwd, env: deps.env })] : [];
    const names = projects.map((project, index) => project.name ?? `#${index + 1}`).join(', ');
    return {
      list: [
        ...first.map((f) => f.credentials),
        ...projects.map(({ appId, appCertificate }) => ({ appId, appCertificate })),
      ],
      source: [...first.map((f) => f.source), `PROJECTS (${names})`].join(', '),
    };
  }
  const one = await resolveCredentials({ profile: options.profiles[0], cwd: deps.cwd, env: deps.env });
  return { list: [one.credentials], source: one.source };
}

/** The server's options for these settings; the primary of `--workers` checks them with no credentials. */
export function settingsFor(options: ServeOptions, deps: ServeDeps, credentials: Credentials[]): LocalServerOptions {
  return serverOptions(options, loadEnvironment(deps.cwd, deps.env), deps.cwd, credentials, deps.jsonLog, (message) =>
    deps.output.err(`warning: ${message}`),
  );
}

/** Starts the server; resolves once it listens and its signals are handled. */
export async function runServe(
  options: ServeOptions,
  deps: ServeDeps,
): Promise<{ url: string; stop(): Promise<void> }> {
  const env = loadEnvironment(deps.cwd, deps.env);
  const { list, source } = await servedCredentials(options, deps, env);
  const settings = { ...settingsFor(options, deps, list), ...deps.worker?.serverOptions };
  const { tuneHeapForServing } = await import('../../shared/server/heap-settings.js');
  const { LocalTokenServer } = await import('../../shared/server/local-token-server.js');
  const { isLoopbackHost } = await import('../../shared/server/request-guards.js');
  tuneHeapForServing();
  const server = await LocalTokenServer.start(settings);
  const { output } = deps;
  // In JSON mode every stdout line is JSON, so a log shipper never meets a stray line.
  const say =
    deps.worker?.announce ??
    ((message: string, extra: Record<string, unknown> = {}): void =>
      output.out(lifecycleLine(options.logFormat, message, extra)));
  if (!options.quiet && options.logFormat === 'line') server.on('request', (entry) => output.out(formatLogLine(entry)));
  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    if (stopping !== undefined) {
      // A second signal: no more waiting on clients.
      deps.signals.off('SIGINT', stop);
      deps.signals.off('SIGTERM', stop);
      say('stopping now');
      void server.closeNow();
      deps.setExitCode(1);
      return stopping;
    }
    say(
      `stopping: finishing requests in flight (at most ${(settings.shutdownDeadlineMs ?? 10_000) / 1000} s; a second Ctrl-C stops at once)`,
    );
    stopping = server.close().then(
      () => say('stopped'),
      (error: unknown) => {
        output.err(`error: while stopping: ${error instanceof Error ? error.message : String(error)}`);
        deps.setExitCode(1);
      },
    );
    return stopping;
  };
  deps.signals.on('SIGINT', stop);
  deps.signals.on('SIGTERM', stop);
  if (deps.worker === undefined && !isLoopbackHost(server.host) && settings.auth === undefined) {
    output.err(exposureWarning(server.host, server.port));
  }
  const projects =
    list.length === 1 ? `App ID ${list[0]?.appId ?? ''}` : `App IDs ${list.map((c) => c.appId).join(', ')}`;
  // Announced only once the signals are handled: a supervisor may stop us right after this line.
  say(`listening on ${server.url} (${projects} from ${source}); Ctrl-C stops`, { url: server.url });
  return { url: server.url, stop };
}

export const exposureWarning = (host: string, port: number): string =>
  `warning: listening on ${host} without authentication: anyone who can reach port ${port} can mint tokens for your project; set AUTH_API_KEYS or --api-keys-file`;

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

export function serveCommand(): Command {
  return (
    new Command('serve')
      .description('run the local token server (agora-token-service API)')
      .option('--port <n>', `TCP port, 0 for any free one (default: SERVER_PORT, PORT or ${DEFAULT_PORT})`)
      // No commander defaults below: an unset flag must stay unset so its variable can apply.
      .option('--host <address>', `address to listen on; 0.0.0.0 to serve other machines (default: ${DEFAULT_HOST})`)
      .option('--cors <origins>', "allowed browser origins: '*' or a comma-separated list (default: none)")
      .option(
        '--profile <name>',
        'serve this saved profile; repeat to serve several (requests pick one with appId)',
        collect,
        [],
      )
      .option('--all-profiles', 'serve every saved profile (the default one answers requests without appId)')
      .option('--quiet', 'do not log requests')
      .addOption(
        new Option('--log-format <format>', 'request log: line, or json (Fastify logger) (default: line)').choices([
          'line',
          'json',
        ]),
      )
      .option('--api-keys-file <path>', 'require one of these API keys (one per line) as Authorization: Bearer')
      .option('--jwt-jwks-url <url>', 'accept JWTs signed by a key from this JWKS URL')
      .option('--jwt-public-key-file <path>', 'accept JWTs signed with this PEM public key')
      .option('--jwt-issuer <iss>', 'required JWT issuer')
      .option('--jwt-audience <aud>', 'required JWT audience')
      .option('--jwt-user-claim <claim>', 'the claim the requested uid/account must equal (default: sub)')
      .option('--jwt-channel-pattern <regex>', 'channels a JWT may ask for; {claim} is replaced by its value')
      .option('--rate-limit <n>', 'at most N token requests per minute per API key, JWT subject or client IP')
      .option('--rate-limit-window <seconds>', 'the rate limit window (default: 60)')
      .option(
        '--rate-limit-redis <url>',
        'share the rate limit through this Redis (redis://[:password@]host:port[/db]) with every replica or worker',
      )
      .option(
        '--rate-limit-redis-fail <mode>',
        'while that Redis is unreachable: closed (503 for token requests) or open (no limit) (default: closed)',
      )
      .option('--workers <n>', 'worker processes sharing the port: a number, or auto for one per CPU (default: 1)')
      .option('--metrics', 'serve Prometheus metrics at /metrics')
      .option('--max-connections <n>', 'refuse connections beyond this many (default: 1024)')
      .option('--shutdown-timeout <seconds>', 'on stop, how long requests in flight may take (default: 10)')
      .option('--request-timeout <seconds>', 'time allowed to receive a whole request (default: 20)')
      .option('--headers-timeout <seconds>', 'time allowed to receive the request headers (default: 10)')
      .option('--keep-alive-timeout <seconds>', 'how long an idle connection stays open (default: 5)')
      .addHelpText('after', HELP)
      .action(async (flags: ServeFlagValues) => {
        await runCommand(async () => {
          const cwd = process.cwd();
          const env = loadEnvironment(cwd, process.env);
          const options = serveOptionsFrom(flags, env);
          const deps: ServeDeps = {
            output: processOutput,
            env: process.env,
            cwd,
            signals: process,
            jsonLog: process.stdout,
            setExitCode: (code) => (process.exitCode = code),
          };
          // The flag as given, so a bad value is named by where it came from (--workers or WORKERS).
          const workers = resolveWorkerCount(flags.workers, env);
          if (workers === 1) await runServe(options, deps);
          else await (await import('../serve-cluster/start.js')).serveWithWorkers(options, deps, workers);
        });
      })
  );
}
