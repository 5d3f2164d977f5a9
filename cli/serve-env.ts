import { TokenDeskError } from '../shared/errors.js';

/**
 * `serve`'s settings as environment variables, in one table: a container, a PaaS or a
 * Kubernetes Secret configures the server without a command line. A flag wins over the
 * environment (the caller passes the environment already merged over `.env`, which loses
 * to both). agora-token-service's names where it has one: SERVER_PORT, PORT, CORS_ALLOW_ORIGIN.
 */

/** The serve flags that an environment variable can also set, by commander's option name. */
export interface ServeFlagValues {
  port?: string;
  host?: string;
  cors?: string;
  profile?: string[];
  allProfiles?: boolean;
  quiet?: boolean;
  logFormat?: string;
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
  metrics?: boolean;
  maxConnections?: string;
  shutdownTimeout?: string;
  requestTimeout?: string;
  headersTimeout?: string;
  keepAliveTimeout?: string;
}

export type ServeSettingKey = keyof ServeFlagValues;

/** text: taken as written; switch: true/false (1/0, yes/no); list: comma-separated. */
type SettingKind = 'text' | 'switch' | 'list';

export interface EnvSetting {
  key: ServeSettingKey;
  flag: string;
  /** Variables read in this order; the first one set (not empty) counts. */
  env: readonly string[];
  kind: SettingKind;
}

export const SERVE_ENV_SETTINGS: readonly EnvSetting[] = [
  { key: 'port', flag: '--port', env: ['SERVER_PORT', 'PORT'], kind: 'text' },
  { key: 'host', flag: '--host', env: ['HOST'], kind: 'text' },
  { key: 'cors', flag: '--cors', env: ['CORS_ALLOW_ORIGIN'], kind: 'text' },
  { key: 'profile', flag: '--profile', env: ['PROFILES'], kind: 'list' },
  { key: 'allProfiles', flag: '--all-profiles', env: ['ALL_PROFILES'], kind: 'switch' },
  { key: 'quiet', flag: '--quiet', env: ['QUIET'], kind: 'switch' },
  { key: 'logFormat', flag: '--log-format', env: ['LOG_FORMAT'], kind: 'text' },
  { key: 'apiKeysFile', flag: '--api-keys-file', env: ['AUTH_API_KEYS_FILE'], kind: 'text' },
  { key: 'jwtJwksUrl', flag: '--jwt-jwks-url', env: ['AUTH_JWT_JWKS_URL'], kind: 'text' },
  { key: 'jwtPublicKeyFile', flag: '--jwt-public-key-file', env: ['AUTH_JWT_PUBLIC_KEY_FILE'], kind: 'text' },
  { key: 'jwtIssuer', flag: '--jwt-issuer', env: ['AUTH_JWT_ISSUER'], kind: 'text' },
  { key: 'jwtAudience', flag: '--jwt-audience', env: ['AUTH_JWT_AUDIENCE'], kind: 'text' },
  { key: 'jwtUserClaim', flag: '--jwt-user-claim', env: ['AUTH_JWT_USER_CLAIM'], kind: 'text' },
  { key: 'jwtChannelPattern', flag: '--jwt-channel-pattern', env: ['AUTH_JWT_CHANNEL_PATTERN'], kind: 'text' },
  { key: 'rateLimit', flag: '--rate-limit', env: ['RATE_LIMIT'], kind: 'text' },
  { key: 'rateLimitWindow', flag: '--rate-limit-window', env: ['RATE_LIMIT_WINDOW'], kind: 'text' },
  { key: 'rateLimitRedis', flag: '--rate-limit-redis', env: ['RATE_LIMIT_REDIS_URL'], kind: 'text' },
  { key: 'rateLimitRedisFail', flag: '--rate-limit-redis-fail', env: ['RATE_LIMIT_REDIS_FAIL'], kind: 'text' },
  { key: 'workers', flag: '--workers', env: ['WORKERS'], kind: 'text' },
  { key: 'metrics', flag: '--metrics', env: ['METRICS'], kind: 'switch' },
  { key: 'maxConnections', flag: '--max-connections', env: ['MAX_CONNECTIONS'], kind: 'text' },
  { key: 'shutdownTimeout', flag: '--shutdown-timeout', env: ['SHUTDOWN_TIMEOUT'], kind: 'text' },
  { key: 'requestTimeout', flag: '--request-timeout', env: ['REQUEST_TIMEOUT'], kind: 'text' },
  { key: 'headersTimeout', flag: '--headers-timeout', env: ['HEADERS_TIMEOUT'], kind: 'text' },
  { key: 'keepAliveTimeout', flag: '--keep-alive-timeout', env: ['KEEP_ALIVE_TIMEOUT'], kind: 'text' },
];

/** Variables with no flag: secrets never come from argv (DESIGN §2). */
export const SERVE_ENV_ONLY: ReadonlyArray<{ env: string; help: string }> = [
  { env: 'APP_ID', help: "the project's App ID (with APP_CERTIFICATE)" },
  { env: 'APP_CERTIFICATE', help: "the project's App Certificate" },
  { env: 'PROJECTS', help: 'more projects: a JSON array of {"appId","appCertificate","name"?}' },
  { env: 'PROJECTS_FILE', help: 'a file holding that JSON array (a mounted secret)' },
  { env: 'AUTH_API_KEYS', help: 'comma-separated API keys, sent as "Authorization: Bearer KEY"' },
];

const SWITCH_VALUES: Record<string, boolean> = {
  true: true,
  '1': true,
  yes: true,
  false: false,
  '0': false,
  no: false,
};

function fromEnvironment(setting: EnvSetting, name: string, raw: string): string | boolean | string[] {
  if (setting.kind === 'text') return raw;
  if (setting.kind === 'list')
    return raw
      .split(',')
      .map((item) => item.trim())
      .filter((item) => item !== '');
  const value = SWITCH_VALUES[raw.trim().toLowerCase()];
  if (value === undefined)
    throw new TokenDeskError('invalid_input', `${name} must be true or false (1/0, yes/no), not "${raw}"`, name);
  return value;
}

export interface MergedSettings {
  values: ServeFlagValues;
  /** Where each value came from: its flag or variable name, for error messages. */
  sources: Partial<Record<ServeSettingKey, string>>;
}

const isGiven = (value: unknown): boolean =>
  value !== undefined && value !== false && !(Array.isArray(value) && value.length === 0);

/** Flags over the environment: each unset flag takes the first non-empty variable of its row. */
export function mergeEnvironment(flags: ServeFlagValues, env: Record<string, string | undefined>): MergedSettings {
  const values: Record<string, unknown> = { ...flags };
  const sources: Partial<Record<ServeSettingKey, string>> = {};
  for (const setting of SERVE_ENV_SETTINGS) {
    if (isGiven(flags[setting.key])) {
      sources[setting.key] = setting.flag;
      continue;
    }
    const name = setting.env.find((candidate) => (env[candidate] ?? '') !== '');
    if (name === undefined) continue;
    values[setting.key] = fromEnvironment(setting, name, env[name] ?? '');
    sources[setting.key] = name;
  }
  return { values: values as ServeFlagValues, sources };
}

/** The help text's table: every variable, with the flag it stands for. */
export function environmentHelp(): string {
  const rows = [
    ...SERVE_ENV_ONLY.map(({ env, help }) => [env, help] as const),
    ...SERVE_ENV_SETTINGS.map(
      (setting) => [setting.env.join(', else '), `as ${setting.flag}${kindNote(setting.kind)}`] as const,
    ),
  ];
  const width = Math.max(...rows.map(([name]) => name.length));
  return rows.map(([name, help]) => `  ${name.padEnd(width)}  ${help}`).join('\n');
}

const kindNote = (kind: SettingKind): string =>
  kind === 'switch' ? ' (true or false)' : kind === 'list' ? ' (comma-separated)' : '';
