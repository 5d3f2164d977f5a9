// zod's English messages for this command's schemas; `decode` loads no zod at all (cli/main.ts).
import '../../shared/zod-english.js';
import { Command, Option } from 'commander';
import { parsePort } from '../../shared/contract/fields.js';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { RequestLogEntry } from '../../shared/contract/index.js';
import { TokenDeskError } from '../../shared/errors.js';
import type { LocalServerOptions } from '../../shared/server/server-options.js';
import type { Credentials } from '../../shared/token/validation.js';
import { loadEnvironment } from '../env-file.js';
import { processOutput, runCommand, type Output } from '../output.js';
import { sharedLimitStore } from '../serve-rate-limit-store.js';
import { resolveWorkerCount } from '../serve-cluster/worker-count.js';

// Not imported from shared/server: `token` and `decode` must not load Fastify to start.
const DEFAULT_PORT = 8080;
const DEFAULT_HOST = '127.0.0.1';

export interface ServeOptions {
  port?: string;
  host: string;
  cors?: string;
  /** Profile names or ids; empty: APP_ID/APP_CERTIFICATE, else the default profile. */
  profiles: string[];
  allProfiles: boolean;
  quiet: boolean;
  logFormat: 'line' | 'json';
  apiKeysFile?: string;
  jwtJwksUrl?: string;
  jwtPublicKeyFile?: string;
  jwtIssuer?: string;
  jwtAudience?: string;
  jwtUserClaim?: string;
  jwtChannelPattern?: string;
  rateLimit?: string;
  rateLimitWindow?: string;
  rateLimitRedis?: string;
  rateLimitRedisFail?: string;
  workers?: string;
  metrics: boolean;
  maxConnections?: string;
  shutdownTimeout?: string;
  requestTimeout?: string;
  headersTimeout?: string;
  keepAliveTimeout?: string;
}

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
Configuration (flags win over the environment, the environment over a .env file in the
working directory); agora-token-service's names where it has them:
  APP_ID, APP_CERTIFICATE   credentials (or --profile NAME, repeatable, or the default profile)
  SERVER_PORT, else PORT    port (default ${DEFAULT_PORT})
  CORS_ALLOW_ORIGIN         '*', a comma-separated list of origins, or empty (no browser origins)
  AUTH_API_KEYS             comma-separated API keys required as "Authorization: Bearer KEY"
  AUTH_API_KEYS_FILE, AUTH_JWT_JWKS_URL, AUTH_JWT_PUBLIC_KEY_FILE, AUTH_JWT_ISSUER,
  AUTH_JWT_AUDIENCE, AUTH_JWT_USER_CLAIM, AUTH_JWT_CHANNEL_PATTERN, RATE_LIMIT: as the flags
  WORKERS                   as --workers: N processes on one port, or auto (one per CPU)
  RATE_LIMIT_REDIS_URL, RATE_LIMIT_REDIS_FAIL: as --rate-limit-redis and --rate-limit-redis-fail
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
  const port = parsePort(raw);
  if (port === undefined) {
    throw new TokenDeskError('invalid_input', `${source} must be a port number from 0 to 65535, not "${raw}"`, 'port');
  }
  return port;
}

export function formatLogLine(entry: RequestLogEntry): string {
  return `${new Date(entry.time).toISOString()} ${entry.method} ${entry.path} ${entry.status} ${entry.ms.toFixed(1)}ms`;
}

/** Seconds (decimals allowed) as milliseconds; undefined when not given. */
function secondsMs(value: string | undefined, flag: string, min = 0.001): number | undefined {
  if (value === undefined) return undefined;
  const seconds = /^\d+(\.\d+)?$/.test(value.trim()) ? Number(value) : Number.NaN;
  if (!(seconds >= min))
    throw new TokenDeskError(
      'invalid_input',
      `${flag} must be a number of seconds of at least ${min}, not "${value}"`,
      flag,
    );
  return Math.round(seconds * 1000);
}

function wholeNumber(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d{1,9}$/.test(value.trim()) || Number(value) < 1)
    throw new TokenDeskError('invalid_input', `${flag} must be a whole number of at least 1, not "${value}"`, flag);
  return Number(value);
}

function readSetting(path: string, what: string, cwd: string): string {
  try {
    return readFileSync(resolve(cwd, path), 'utf8');
  } catch (error) {
    throw new TokenDeskError(
      'invalid_input',
      `cannot read the ${what} file ${path}: ${(error as NodeJS.ErrnoException).code ?? 'unreadable'}`,
      what,
    );
  }
}

/** API keys from AUTH_API_KEYS and the keys file (one per line or comma-separated; # comments). */
function apiKeys(options: ServeOptions, env: Record<string, string | undefined>, cwd: string): string[] {
  const file = options.apiKeysFile ?? env['AUTH_API_KEYS_FILE'];
  const fromFile = file === undefined ? '' : readSetting(file, 'API keys', cwd).replace(/#.*$/gm, '');
  const keys = `${env['AUTH_API_KEYS'] ?? ''},${fromFile}`
    .split(/[,\n\r]/)
    .map((key) => key.trim())
    .filter((key) => key !== '');
  if (file !== undefined && fromFile.trim() === '')
    throw new TokenDeskError('invalid_input', `the API keys file ${file} holds no key`, 'apiKeysFile');
  return keys;
}

function authOptions(
  options: ServeOptions,
  env: Record<string, string | undefined>,
  cwd: string,
): LocalServerOptions['auth'] {
  const setting = (flag: string | undefined, name: string) => flag ?? (env[name] || undefined);
  const jwksUrl = setting(options.jwtJwksUrl, 'AUTH_JWT_JWKS_URL');
  const keyFile = setting(options.jwtPublicKeyFile, 'AUTH_JWT_PUBLIC_KEY_FILE');
  const jwt =
    jwksUrl === undefined && keyFile === undefined
      ? undefined
      : {
          ...(jwksUrl === undefined ? {} : { jwksUrl }),
          ...(keyFile === undefined ? {} : { publicKeyPem: readSetting(keyFile, 'JWT public key', cwd) }),
          ...optional('issuer', setting(options.jwtIssuer, 'AUTH_JWT_ISSUER')),
          ...optional('audience', setting(options.jwtAudience, 'AUTH_JWT_AUDIENCE')),
          ...optional('userClaim', setting(options.jwtUserClaim, 'AUTH_JWT_USER_CLAIM')),
          ...optional('channelPattern', setting(options.jwtChannelPattern, 'AUTH_JWT_CHANNEL_PATTERN')),
        };
  const keys = apiKeys(options, env, cwd);
  if (keys.length === 0 && jwt === undefined) return undefined;
  return jwt === undefined ? { apiKeys: keys } : { apiKeys: keys, jwt };
}

const optional = <K extends string>(key: K, value: string | undefined): Partial<Record<K, string>> =>
  (value === undefined ? {} : { [key]: value }) as Partial<Record<K, string>>;

/** The credentials to serve and where they came from, for the listening line. */
async function servedCredentials(
  options: ServeOptions,
  deps: ServeDeps,
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
  const one = await resolveCredentials({ profile: options.profiles[0], cwd: deps.cwd, env: deps.env });
  return { list: [one.credentials], source: one.source };
}

export async function serverOptions(
  options: ServeOptions,
  deps: ServeDeps,
  credentials: Credentials[],
): Promise<LocalServerOptions> {
  const env = loadEnvironment(deps.cwd, deps.env);
  const auth = authOptions(options, env, deps.cwd);
  const rateLimit = wholeNumber(options.rateLimit ?? (env['RATE_LIMIT'] || undefined), '--rate-limit');
  const windowMs = secondsMs(options.rateLimitWindow, '--rate-limit-window', 1);
  const requestMs = secondsMs(options.requestTimeout, '--request-timeout');
  const headersMs = secondsMs(options.headersTimeout, '--headers-timeout');
  const keepAliveMs = secondsMs(options.keepAliveTimeout, '--keep-alive-timeout');
  const shutdownDeadlineMs = secondsMs(options.shutdownTimeout, '--shutdown-timeout', 0);
  const maxConnections = wholeNumber(options.maxConnections, '--max-connections');
  const redis = sharedLimitStore(options, env, rateLimit !== undefined, (message) =>
    deps.output.err(`warning: ${message}`),
  );
  return {
    credentials,
    port: resolvePort(options.port, env),
    host: options.host,
    corsOrigins: options.cors ?? env['CORS_ALLOW_ORIGIN'] ?? '',
    timeouts: {
      ...optionalNumber('requestMs', requestMs),
      ...optionalNumber('headersMs', headersMs),
      ...optionalNumber('keepAliveMs', keepAliveMs),
    },
    metrics: options.metrics,
    ...(auth === undefined ? {} : { auth }),
    ...(rateLimit === undefined
      ? {}
      : {
          rateLimit: {
            max: rateLimit,
            ...optionalNumber('windowMs', windowMs),
            ...(redis === undefined ? {} : { redis }),
          },
        }),
    ...optionalNumber('shutdownDeadlineMs', shutdownDeadlineMs),
    ...optionalNumber('maxConnections', maxConnections),
    ...(options.logFormat === 'json' ? { jsonLog: deps.jsonLog } : {}),
  };
}

const optionalNumber = <K extends string>(key: K, value: number | undefined): Partial<Record<K, number>> =>
  (value === undefined ? {} : { [key]: value }) as Partial<Record<K, number>>;

/** Starts the server; resolves once it listens and its signals are handled. */
export async function runServe(
  options: ServeOptions,
  deps: ServeDeps,
): Promise<{ url: string; stop(): Promise<void> }> {
  const { list, source } = await servedCredentials(options, deps);
  const settings = { ...(await serverOptions(options, deps, list)), ...deps.worker?.serverOptions };
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
  return new Command('serve')
    .description('run the local token server (agora-token-service API)')
    .option('--port <n>', `TCP port, 0 for any free one (default: SERVER_PORT, PORT or ${DEFAULT_PORT})`)
    .option('--host <address>', 'address to listen on; 0.0.0.0 to serve other machines', DEFAULT_HOST)
    .option('--cors <origins>', "allowed browser origins: '*' or a comma-separated list (default: CORS_ALLOW_ORIGIN)")
    .option(
      '--profile <name>',
      'serve this saved profile; repeat to serve several (requests pick one with appId)',
      collect,
      [],
    )
    .option('--all-profiles', 'serve every saved profile (the default one answers requests without appId)')
    .option('--quiet', 'do not log requests')
    .addOption(
      new Option('--log-format <format>', 'request log: line, or json (Fastify logger)')
        .choices(['line', 'json'])
        .default('line'),
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
    .option(
      '--workers <n>',
      'worker processes sharing the port: a number, or auto for one per CPU (default: WORKERS or 1)',
    )
    .option('--metrics', 'serve Prometheus metrics at /metrics')
    .option('--max-connections <n>', 'refuse connections beyond this many (default: 1024)')
    .option('--shutdown-timeout <seconds>', 'on stop, how long requests in flight may take (default: 10)')
    .option('--request-timeout <seconds>', 'time allowed to receive a whole request (default: 20)')
    .option('--headers-timeout <seconds>', 'time allowed to receive the request headers (default: 10)')
    .option('--keep-alive-timeout <seconds>', 'how long an idle connection stays open (default: 5)')
    .addHelpText('after', HELP)
    .action(
      async (
        flags: Omit<ServeOptions, 'profiles' | 'allProfiles' | 'quiet' | 'metrics'> & {
          profile: string[];
          allProfiles?: boolean;
          quiet?: boolean;
          metrics?: boolean;
        },
      ) => {
        const { profile, allProfiles, quiet, metrics, ...rest } = flags;
        const options: ServeOptions = {
          ...rest,
          profiles: profile,
          allProfiles: allProfiles === true,
          quiet: quiet === true,
          metrics: metrics === true,
        };
        await runCommand(async () => {
          if (options.allProfiles && profile.length > 0)
            throw new TokenDeskError('invalid_input', '--all-profiles and --profile cannot be combined');
          const deps: ServeDeps = {
            output: processOutput,
            env: process.env,
            cwd: process.cwd(),
            signals: process,
            jsonLog: process.stdout,
            setExitCode: (code) => (process.exitCode = code),
          };
          const workers = resolveWorkerCount(options.workers, loadEnvironment(deps.cwd, deps.env));
          if (workers === 1) await runServe(options, deps);
          else await (await import('../serve-cluster/start.js')).serveWithWorkers(options, deps, workers);
        });
      },
    );
}
