import { isLoopbackHost } from '../contract/fields.js';

/**
 * The two gates every request passes before routing: the Host check (a page on another
 * site cannot reach a loopback server through DNS rebinding) and the CORS origin policy
 * of agora-token-service's CORS_ALLOW_ORIGIN.
 */

export { isLoopbackHost };

/** A Host header value without its port, lower-cased; undefined when it is not host[:port]. */
function hostName(value: string): string | undefined {
  const match = /^(\[[0-9a-f:.]+\]|[^:[\]]+)(?::\d{1,5})?$/i.exec(value);
  return match?.[1]?.toLowerCase();
}

/**
 * The Host check of a loopback server: `localhost`, `127.0.0.1`, `[::1]` and the bound
 * address itself (as a URL writes it), any port. Anything else may be a DNS-rebinding page.
 */
export function loopbackHostCheck(boundHost: string): (value: string | undefined) => boolean {
  const bound = boundHost.replace(/^\[|\]$/g, '').toLowerCase();
  const accepted = new Set(['localhost', '127.0.0.1', '[::1]', bound.includes(':') ? `[${bound}]` : bound]);
  // Clients send the same Host on every request: remember the last one accepted, so the
  // usual request skips the pattern (almost half the guard's time in a CPU profile).
  let lastAccepted: string | undefined;
  return (value) => {
    if (value === undefined) return false;
    if (value === lastAccepted) return true;
    const name = hostName(value);
    const ok = name !== undefined && accepted.has(name);
    if (ok) lastAccepted = value;
    return ok;
  };
}

/** A Host header naming this machine by loopback name or address, any port. */
export function isLoopbackHostHeader(value: string | undefined): boolean {
  return LOCALHOST_CHECK(value);
}
const LOCALHOST_CHECK = loopbackHostCheck('127.0.0.1');

/** Two or more Host headers (Node keeps only the first in `headers`; the raw list has all). */
export function hasDuplicateHost(rawHeaders: readonly string[]): boolean {
  let seen = 0;
  for (let i = 0; i < rawHeaders.length; i += 2) {
    const name = rawHeaders[i];
    if (name !== undefined && name.length === 4 && name.toLowerCase() === 'host') seen += 1;
  }
  return seen > 1;
}

/**
 * The authority of an absolute-form request target (`GET http://host/path`), lower-cased,
 * or undefined for the usual origin-form (`/path`).
 */
export function absoluteFormAuthority(url: string): string | undefined {
  if (url.charCodeAt(0) === 47 /* '/' */) return undefined;
  const match = /^[a-z][a-z0-9+.-]*:\/\/([^/?#]*)/i.exec(url);
  return match?.[1]?.toLowerCase() ?? '';
}

/** An absolute-form target as the path the router should see; other targets unchanged. */
export function originFormOf(url: string): string {
  if (url.charCodeAt(0) === 47) return url;
  const match = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i.exec(url);
  if (match === null) return url;
  const rest = url.slice(match[0].length);
  return rest.startsWith('/') ? rest : `/${rest}`;
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
export const CORS_ALLOW_HEADERS = 'Origin, Content-Type, Authorization';
