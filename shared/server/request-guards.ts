import { isIP } from 'node:net';

/**
 * The two gates every request passes before routing: the Host check (a page on another
 * site cannot reach a loopback server through DNS rebinding) and the CORS origin policy
 * of agora-token-service's CORS_ALLOW_ORIGIN.
 */

/** True for an address that only this machine can reach. */
export function isLoopbackHost(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, '').toLowerCase();
  return bare === 'localhost' || bare === '::1' || (isIP(bare) === 4 && bare.startsWith('127.'));
}

const LOOPBACK_HOST_HEADER = /^(localhost|127\.0\.0\.1|\[::1\])(:\d{1,5})?$/i;

/** A Host header naming this machine by loopback name or address, any port. */
export function isLoopbackHostHeader(value: string | undefined): boolean {
  return value !== undefined && LOOPBACK_HOST_HEADER.test(value);
}

export interface CorsPolicy {
  /** Whether a request carrying this Origin header (or none) may be served. */
  allows(origin: string | undefined): boolean;
}

/**
 * `*` allows every origin; a comma-separated list allows exactly those; empty allows only
 * requests that send no Origin (same-origin tools, curl, native apps).
 */
export function corsPolicy(setting: string | undefined): CorsPolicy {
  const value = (setting ?? '').trim();
  if (value === '*') return { allows: () => true };
  const allowed = new Set(
    value
      .split(',')
      .map((origin) => origin.trim())
      .filter((origin) => origin !== ''),
  );
  return { allows: (origin) => origin === undefined || origin === '' || allowed.has(origin) };
}

export const CORS_ALLOW_METHODS = 'GET, POST, OPTIONS';
export const CORS_ALLOW_HEADERS = 'Origin, Content-Type';
