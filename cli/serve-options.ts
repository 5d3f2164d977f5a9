import { readFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { resolve } from 'node:path';
import { parsePort } from '../shared/contract/fields.js';
import type { RequestLogEntry } from '../shared/contract/index.js';
import { TokenDeskError } from '../shared/errors.js';
import type { LocalServerOptions } from '../shared/server/server-options.js';
import type { Credentials } from '../shared/token/validation.js';
import { sharedLimitStore } from './serve-rate-limit-store.js';
import { mergeEnvironment, type ServeFlagValues, type ServeSettingKey } from './serve-env.js';

// Not imported from shared/server: `token` and `decode` must not load Fastify to start.
export const DEFAULT_PORT = 8080;
export const DEFAULT_HOST = '127.0.0.1';

/** `serve`'s settings once flags, the environment and .env are merged (cli/serve-env.ts). */
export interface ServeOptions extends Omit<
  ServeFlagValues,
  'host' | 'logFormat' | 'profile' | 'allProfiles' | 'quiet' | 'metrics'
> {
  host: string;
  /** Profile names or ids; empty: APP_ID/APP_CERTIFICATE (+ PROJECTS), else the default profile. */
  profiles: string[];
  allProfiles: boolean;
  quiet: boolean;
  logFormat: 'line' | 'json';
  metrics: boolean;
  /** The flag or variable each value came from, so a message names what the user set. */
  sources: Partial<Record<ServeSettingKey, string>>;
}

/** Flags over the (already .env-merged) environment, with the defaults applied. */
export function serveOptionsFrom(flags: ServeFlagValues, env: Record<string, string | undefined>): ServeOptions {
  const { values, sources } = mergeEnvironment(flags, env);
  const { profile, allProfiles, quiet, metrics, host, logFormat, ...rest } = values;
  if (logFormat !== undefined && logFormat !== 'line' && logFormat !== 'json')
    throw new TokenDeskError(
      'invalid_input',
      `${sources.logFormat ?? '--log-format'} must be line or json, not "${logFormat}"`,
      'logFormat',
    );
  if (allProfiles === true && (profile ?? []).length > 0)
    throw new TokenDeskError(
      'invalid_input',
      `${sources.allProfiles ?? '--all-profiles'} and ${sources.profile ?? '--profile'} cannot be combined`,
    );
  // Some shells (tcsh) export HOST as the machine's name: say which variable to unset.
  if (sources.host === 'HOST' && host !== undefined && host !== 'localhost' && isIP(host.replace(/^\[|\]$/g, '')) === 0)
    throw new TokenDeskError(
      'invalid_input',
      `HOST must be an IP address or localhost, not "${host}" (set HOST=0.0.0.0, unset it, or pass --host)`,
      'host',
    );
  return {
    ...rest,
    host: host ?? DEFAULT_HOST,
    logFormat: logFormat ?? 'line',
    profiles: profile ?? [],
    allProfiles: allProfiles === true,
    quiet: quiet === true,
    metrics: metrics === true,
    sources,
  };
}

/** Port from --port, else SERVER_PORT, else PORT, else 8080; checked as a whole TCP port. */
export function resolvePort(flag: string | undefined, env: Record<string, string | undefined>): number {
  const { values, sources } = mergeEnvironment({ port: flag }, env);
  return portFrom(values.port, sources.port);
}

function portFrom(raw = String(DEFAULT_PORT), source = 'default'): number {
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
function secondsMs(value: string | undefined, name: string, min = 0.001): number | undefined {
  if (value === undefined) return undefined;
  const seconds = /^\d+(\.\d+)?$/.test(value.trim()) ? Number(value) : Number.NaN;
  if (!(seconds >= min))
    throw new TokenDeskError(
      'invalid_input',
      `${name} must be a number of seconds of at least ${min}, not "${value}"`,
      name,
    );
  return Math.round(seconds * 1000);
}

function wholeNumber(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d{1,9}$/.test(value.trim()) || Number(value) < 1)
    throw new TokenDeskError('invalid_input', `${name} must be a whole number of at least 1, not "${value}"`, name);
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
  const file = options.apiKeysFile;
  const fromFile = file === undefined ? '' : readSetting(file, 'API keys', cwd).replace(/#.*$/gm, '');
  const keys = `${env['AUTH_API_KEYS'] ?? ''},${fromFile}`
    .split(/[,\n\r]/)
    .map((key) => key.trim())
    .filter((key) => key !== '');
  if (file !== undefined && fromFile.trim() === '')
    throw new TokenDeskError('invalid_input', `the API keys file ${file} holds no key`, 'apiKeysFile');
  return keys;
}

const optional = <K extends string>(key: K, value: string | undefined): Partial<Record<K, string>> =>
  (value === undefined ? {} : { [key]: value }) as Partial<Record<K, string>>;

function authOptions(
  options: ServeOptions,
  env: Record<string, string | undefined>,
  cwd: string,
): LocalServerOptions['auth'] {
  const { jwtJwksUrl: jwksUrl, jwtPublicKeyFile: keyFile } = options;
  const jwt =
    jwksUrl === undefined && keyFile === undefined
      ? undefined
      : {
          ...(jwksUrl === undefined ? {} : { jwksUrl }),
          ...(keyFile === undefined ? {} : { publicKeyPem: readSetting(keyFile, 'JWT public key', cwd) }),
          ...optional('issuer', options.jwtIssuer),
          ...optional('audience', options.jwtAudience),
          ...optional('userClaim', options.jwtUserClaim),
          ...optional('channelPattern', options.jwtChannelPattern),
        };
  const keys = apiKeys(options, env, cwd);
  if (keys.length === 0 && jwt === undefined) return undefined;
  return jwt === undefined ? { apiKeys: keys } : { apiKeys: keys, jwt };
}

const optionalNumber = <K extends string>(key: K, value: number | undefined): Partial<Record<K, number>> =>
  (value === undefined ? {} : { [key]: value }) as Partial<Record<K, number>>;

/** The server's options; `env` is the .env-merged environment (for AUTH_API_KEYS, which has no flag). */
export function serverOptions(
  options: ServeOptions,
  env: Record<string, string | undefined>,
  cwd: string,
  credentials: Credentials[],
  jsonLog: LocalServerOptions['jsonLog'],
  warn: (message: string) => void = () => undefined,
): LocalServerOptions {
  const named = (key: ServeSettingKey, flag: string): string => options.sources[key] ?? flag;
  const auth = authOptions(options, env, cwd);
  const rateLimit = wholeNumber(options.rateLimit, named('rateLimit', '--rate-limit'));
  const windowMs = secondsMs(options.rateLimitWindow, named('rateLimitWindow', '--rate-limit-window'), 1);
  const requestMs = secondsMs(options.requestTimeout, named('requestTimeout', '--request-timeout'));
  const headersMs = secondsMs(options.headersTimeout, named('headersTimeout', '--headers-timeout'));
  const keepAliveMs = secondsMs(options.keepAliveTimeout, named('keepAliveTimeout', '--keep-alive-timeout'));
  const shutdownMs = secondsMs(options.shutdownTimeout, named('shutdownTimeout', '--shutdown-timeout'), 0);
  const maxConnections = wholeNumber(options.maxConnections, named('maxConnections', '--max-connections'));
  const redis = sharedLimitStore(options, env, rateLimit !== undefined, warn);
  return {
    credentials,
    port: portFrom(options.port, options.sources.port),
    host: options.host,
    corsOrigins: options.cors ?? '',
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
    ...optionalNumber('shutdownDeadlineMs', shutdownMs),
    ...optionalNumber('maxConnections', maxConnections),
    ...(options.logFormat === 'json' && jsonLog !== undefined ? { jsonLog } : {}),
  };
}
