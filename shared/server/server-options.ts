import { isIP } from 'node:net';
import { TokenDeskError } from '../errors.js';
import { credentialsSchema, type Credentials } from '../token/validation.js';

export interface LocalServerOptions {
  credentials: Credentials;
  /** TCP port; default 8080; 0 picks any free port. */
  port?: number;
  /** Address to bind; default 127.0.0.1 (this machine only). */
  host?: string;
  /** CORS_ALLOW_ORIGIN syntax: '*', a comma-separated list of origins, or '' for none. */
  corsOrigins?: string;
}

export const DEFAULT_PORT = 8080;
export const DEFAULT_HOST = '127.0.0.1';

export interface ResolvedServerOptions {
  credentials: Credentials;
  port: number;
  host: string;
  corsOrigins: string;
}

/** Checks every option before anything listens, so a bad value never half-starts a server. */
export function resolveServerOptions(options: LocalServerOptions): ResolvedServerOptions {
  const parsed = credentialsSchema.safeParse(options.credentials);
  if (!parsed.success) {
    const message = parsed.error.issues[0]?.message ?? 'App ID and App Certificate are required';
    throw new TokenDeskError('missing_credentials', message);
  }
  const port = options.port ?? DEFAULT_PORT;
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new TokenDeskError('invalid_input', 'port must be a whole number from 0 to 65535', 'port');
  }
  const host = (options.host ?? DEFAULT_HOST).trim();
  if (host !== 'localhost' && isIP(host.replace(/^\[|\]$/g, '')) === 0) {
    throw new TokenDeskError('invalid_input', `host must be an IP address or localhost, not "${host}"`, 'host');
  }
  return { credentials: parsed.data, port, host: host.replace(/^\[|\]$/g, ''), corsOrigins: options.corsOrigins ?? '' };
}
