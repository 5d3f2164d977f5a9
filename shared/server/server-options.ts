import { isIP } from 'node:net';
import { TokenDeskError } from '../errors.js';
import { parseInput, portSchema } from '../contract/fields.js';
import { credentialsSchema, type Credentials } from '../token/validation.js';
import type { MetricsView } from './metrics.js';
import type { RedisRateLimitOptions } from './redis-rate-limit-store.js';

/** JWT verification: one key source, plus the checks a token must pass. */
export interface JwtOptions {
  /** A JWKS URL (keys fetched and cached by jose) … */
  jwksUrl?: string;
  /** … or a PEM public key (SPKI). */
  publicKeyPem?: string;
  issuer?: string;
  audience?: string;
  /** The claim the requested uid/account must equal; default `sub`. */
  userClaim?: string;
  /**
   * A regular expression the requested channel must match in full; `{claim}` is replaced by
   * that claim's value (escaped), e.g. `team-{sub}-.*`. No pattern: any channel.
   */
  channelPattern?: string;
}

export interface AuthOptions {
  /** Bearer API keys; any one of them is accepted. */
  apiKeys?: readonly string[];
  jwt?: JwtOptions;
}

export interface RateLimitOptions {
  /** Requests per window per caller (API key, JWT subject or client IP). */
  max: number;
  /** Window length; default one minute. */
  windowMs?: number;
  /** Count in this Redis, shared by every process that uses it, instead of in memory. */
  redis?: RedisRateLimitOptions;
}

export interface ServerTimeouts {
  /** Time to receive the request headers; default 10 s. */
  headersMs?: number;
  /** Time to receive the whole request, body included; default 20 s. */
  requestMs?: number;
  /** How long an idle keep-alive connection stays open; default 5 s. */
  keepAliveMs?: number;
  /** How often the two limits above are checked; default 1 s. */
  checkIntervalMs?: number;
}

/** A destination for Fastify's JSON log lines (`serve --log-format json`). */
export interface LogStream {
  write(line: string): unknown;
}

export interface LocalServerOptions {
  /** One profile's credentials, or several (the first answers requests without `appId`). */
  credentials: Credentials | readonly Credentials[];
  /** TCP port; default 8080; 0 picks any free port. */
  port?: number;
  /** Address to bind; default 127.0.0.1 (this machine only). */
  host?: string;
  /** CORS_ALLOW_ORIGIN syntax: '*', a comma-separated list of origins, or '' for none. */
  corsOrigins?: string;
  timeouts?: ServerTimeouts;
  /** Open connections beyond this are refused; default 1024. */
  maxConnections?: number;
  /** On close, requests in flight get this long to finish before their connections are cut; default 10 s. */
  shutdownDeadlineMs?: number;
  /** Bearer authentication for the token routes; none by default. */
  auth?: AuthOptions;
  /** Per-caller rate limit on the token routes; off by default. */
  rateLimit?: RateLimitOptions;
  /** Serve Prometheus metrics at /metrics; off by default. */
  metrics?: boolean;
  /** Structured JSON logs (Fastify's logger) to this stream; none by default. */
  jsonLog?: LogStream;
  /** Added to every response (`serve --workers` names the worker that answered). */
  serverHeaders?: Readonly<Record<string, string>>;
  /** What /metrics shows; default this server's own counters (`serve --workers`: all workers'). */
  metricsView?: MetricsView;
}

export const DEFAULT_PORT = 8080;
export const DEFAULT_HOST = '127.0.0.1';
export const DEFAULT_MAX_CONNECTIONS = 1024;
export const DEFAULT_SHUTDOWN_DEADLINE_MS = 10_000;

export interface ResolvedServerOptions {
  credentials: Credentials[];
  port: number;
  host: string;
  corsOrigins: string;
  timeouts: Required<ServerTimeouts>;
  maxConnections: number;
  shutdownDeadlineMs: number;
  auth: AuthOptions | undefined;
  rateLimit: (Required<Omit<RateLimitOptions, 'redis'>> & Pick<RateLimitOptions, 'redis'>) | undefined;
  metrics: boolean;
  jsonLog: LogStream | undefined;
  serverHeaders: Readonly<Record<string, string>>;
  metricsView: MetricsView | undefined;
}

const whole = (value: number | undefined, fallback: number, field: string, min = 1): number => {
  const n = value ?? fallback;
  if (!Number.isInteger(n) || n < min)
    throw new TokenDeskError('invalid_input', `${field} must be a whole number of at least ${min}`, field);
  return n;
};

function resolveCredentialList(credentials: LocalServerOptions['credentials']): Credentials[] {
  const list = Array.isArray(credentials) ? [...(credentials as readonly Credentials[])] : [credentials as Credentials];
  if (list.length === 0) throw new TokenDeskError('missing_credentials', 'at least one profile is required');
  const parsed = list.map((item) => {
    const result = credentialsSchema.safeParse(item);
    if (!result.success) {
      throw new TokenDeskError(
        'missing_credentials',
        result.error.issues[0]?.message ?? 'App ID and App Certificate are required',
      );
    }
    return result.data;
  });
  const seen = new Set<string>();
  for (const { appId } of parsed) {
    if (seen.has(appId.toLowerCase()))
      throw new TokenDeskError('invalid_input', `App ID ${appId} is served twice: give each project once`, 'appId');
    seen.add(appId.toLowerCase());
  }
  return parsed;
}

function resolveTimeouts(timeouts: ServerTimeouts = {}): Required<ServerTimeouts> {
  const requestMs = whole(timeouts.requestMs, 20_000, 'requestMs');
  // Node refuses a headers timeout longer than the request timeout.
  const headersMs = Math.min(whole(timeouts.headersMs, 10_000, 'headersMs'), requestMs);
  return {
    requestMs,
    headersMs,
    keepAliveMs: whole(timeouts.keepAliveMs, 5_000, 'keepAliveMs'),
    checkIntervalMs: whole(timeouts.checkIntervalMs, 1_000, 'checkIntervalMs'),
  };
}

function resolveAuth(auth: AuthOptions | undefined): AuthOptions | undefined {
  if (auth === undefined) return undefined;
  const apiKeys = (auth.apiKeys ?? []).map((key) => key.trim()).filter((key) => key !== '');
  const jwt = auth.jwt;
  if (jwt !== undefined && (jwt.jwksUrl === undefined) === (jwt.publicKeyPem === undefined)) {
    throw new TokenDeskError(
      'invalid_input',
      'JWT authentication needs exactly one of a JWKS URL or a PEM public key',
      'jwt',
    );
  }
  if (apiKeys.length === 0 && jwt === undefined) return undefined;
  return jwt === undefined ? { apiKeys } : { apiKeys, jwt };
}

/** Checks every option before anything listens, so a bad value never half-starts a server. */
export function resolveServerOptions(options: LocalServerOptions): ResolvedServerOptions {
  const credentials = resolveCredentialList(options.credentials);
  const port = options.port ?? DEFAULT_PORT;
  parseInput(portSchema, port);
  const host = (options.host ?? DEFAULT_HOST).trim();
  if (host !== 'localhost' && isIP(host.replace(/^\[|\]$/g, '')) === 0) {
    throw new TokenDeskError('invalid_input', `host must be an IP address or localhost, not "${host}"`, 'host');
  }
  const rateLimit =
    options.rateLimit === undefined
      ? undefined
      : {
          max: whole(options.rateLimit.max, 0, 'rate limit'),
          windowMs: whole(options.rateLimit.windowMs, 60_000, 'rate limit window'),
          ...(options.rateLimit.redis === undefined ? {} : { redis: options.rateLimit.redis }),
        };
  return {
    credentials,
    port,
    host: host.replace(/^\[|\]$/g, ''),
    corsOrigins: options.corsOrigins ?? '',
    timeouts: resolveTimeouts(options.timeouts),
    maxConnections: whole(options.maxConnections, DEFAULT_MAX_CONNECTIONS, 'maxConnections'),
    shutdownDeadlineMs: whole(options.shutdownDeadlineMs, DEFAULT_SHUTDOWN_DEADLINE_MS, 'shutdownDeadlineMs', 0),
    auth: resolveAuth(options.auth),
    rateLimit,
    metrics: options.metrics ?? false,
    jsonLog: options.jsonLog,
    serverHeaders: options.serverHeaders ?? {},
    metricsView: options.metricsView,
  };
}
