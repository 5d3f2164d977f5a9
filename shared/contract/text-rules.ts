import { TokenDeskError } from '../errors.js';

/**
 * The field rules that need no schema library: patterns, digit and duration parsing, the
 * loopback test and the certificate check. They live apart from fields.ts so that paths
 * which never parse a schema (the CLI's `decode`) do not pay for loading zod at start-up.
 * fields.ts builds its schemas from these, so each rule and message still exists once.
 * Browser-safe: no Node imports.
 */

export const DEFAULT_EXPIRE_SECONDS = 3600;
/** The largest uid and expiry in seconds: tokens store both as unsigned 32-bit numbers. */
export const MAX_UINT32 = 4294967295;

/** The longest channel name Agora accepts, in UTF-8 bytes. */
export const MAX_CHANNEL_BYTES = 64;

/** App IDs and certificates: 32 hexadecimal characters. */
export const HEX32 = /^[0-9a-fA-F]{32}$/;

export const APP_CERTIFICATE_MESSAGES = {
  required: 'App Certificate is required',
  format: 'App Certificate must be 32 hexadecimal characters',
} as const;

/**
 * An App Certificate as the certificate schema reads it (trimmed, 32 hex characters), for
 * code that checks one certificate without a schema. `field` names it in the error.
 */
export function checkAppCertificate(value: unknown, field: string): string {
  if (typeof value !== 'string') throw new TokenDeskError('invalid_input', APP_CERTIFICATE_MESSAGES.required, field);
  const trimmed = value.trim();
  if (!HEX32.test(trimmed)) throw new TokenDeskError('invalid_input', APP_CERTIFICATE_MESSAGES.format, field);
  return trimmed;
}

// Agora's documented channel-name characters: letters, digits, space and these symbols.
export const CHANNEL_CHARS = /^[a-zA-Z0-9 !#$%&()+\-:;<=.>?@[\]^_{}|~,]+$/;

// TextEncoder rather than Buffer: the renderer runs these same rules in the browser.
const utf8 = new TextEncoder();

/** True when the text takes at most `max` bytes in UTF-8. */
export function fitsUtf8Bytes(value: string, max: number): boolean {
  // A UTF-16 code unit never takes more than 3 UTF-8 bytes, so short strings need no encoding.
  return value.length * 3 <= max || utf8.encode(value).length <= max;
}

/** A channel name Agora accepts: 1..MAX_CHANNEL_BYTES bytes of the documented characters. */
export function isChannelName(value: string): boolean {
  return value.length > 0 && fitsUtf8Bytes(value, MAX_CHANNEL_BYTES) && CHANNEL_CHARS.test(value);
}

/** A whole number from 0 to 4294967295: a uid, or an expiry in seconds. */
export function isUint32(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= MAX_UINT32;
}

/** A string of 1..maxDigits decimal digits as its number; anything else is undefined. */
export function parseDigits(value: string, maxDigits = 10): number | undefined {
  if (value.length === 0 || value.length > maxDigits) return undefined;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c < 48 || c > 57) return undefined;
  }
  return Number(value);
}

/** Parses a decimal string into a uid, rejecting signs, decimals and leading junk. */
export function parseUidString(value: string): number | undefined {
  const n = parseDigits(value, 10);
  return n !== undefined && n <= MAX_UINT32 ? n : undefined;
}

const DURATION_UNITS: Readonly<Record<string, number>> = { s: 1, m: 60, h: 3600, d: 86400 };

/** Agora caps every privilege at 24 h; longer expiries are accepted but warned about. */
export const AGORA_MAX_PRIVILEGE_SECONDS = 86400;

/**
 * An expiry typed as text (a flag, a form box): plain seconds (`600`) or a duration with one
 * unit (`90s`, `10m`, `1h`, `1d`). Undefined when it is neither, or beyond 4294967295 seconds,
 * so the expiry rule reports it with its one message.
 */
export function parseDuration(text: string): number | undefined {
  const match = /^(\d{1,10})([smhd]?)$/.exec(text.trim().toLowerCase());
  if (match === null) return undefined;
  const seconds = Number(match[1]) * (DURATION_UNITS[match[2] || 's'] ?? 1);
  return seconds <= MAX_UINT32 ? seconds : undefined;
}

export function resolveExpire(value: number | undefined): number {
  return value === undefined || value === 0 ? DEFAULT_EXPIRE_SECONDS : value;
}

export const PORT_MESSAGE = 'port must be a whole number from 0 to 65535';

/** A port typed as text (a flag, an environment variable, a form box). */
export function parsePort(text: string): number | undefined {
  const n = parseDigits(text.trim(), 5);
  return n !== undefined && n <= 65535 ? n : undefined;
}

/**
 * A host name or address that only this machine can reach, however it is spelled:
 * `localhost`, `127.0.0.2`, `::1`, `0:0:0:0:0:0:0:1`, `::ffff:127.0.0.1`. Browser-safe: the
 * URL parser (in Node and every browser) writes IPv6 addresses in their one short form.
 */
export function isLoopbackHost(host: string): boolean {
  const bare = host
    .trim()
    .toLowerCase()
    .replace(/^\[(.*)\]$/, '$1');
  if (bare === 'localhost') return true;
  if (/^127(\.\d{1,3}){3}$/.test(bare)) return bare.split('.').every((part) => Number(part) <= 255);
  if (!bare.includes(':')) return false;
  let normal: string;
  try {
    normal = new URL(`http://[${bare}]/`).hostname;
  } catch {
    return false;
  }
  // ::1, or an IPv4-mapped 127.x.y.z (written ::ffff:7fxx:yyyy).
  return normal === '[::1]' || /^\[::ffff:7f[0-9a-f]{2}:[0-9a-f]{1,4}\]$/.test(normal);
}
