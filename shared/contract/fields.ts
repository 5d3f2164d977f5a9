import { z } from 'zod/mini';
import { TokenDeskError } from '../errors.js';

/**
 * The field rules of every door (CLI, IPC, HTTP, the renderer's forms), each written once
 * with one message. Browser-safe: no Node imports, so the renderer validates with these.
 */

export const DEFAULT_EXPIRE_SECONDS = 3600;
export const MAX_UINT32 = 4294967295;

/** App IDs and certificates: 32 hexadecimal characters. */
export const HEX32 = /^[0-9a-fA-F]{32}$/;
// Agora's documented channel-name characters: letters, digits, space and these symbols.
const CHANNEL_CHARS = /^[a-zA-Z0-9 !#$%&()+\-:;<=.>?@[\]^_{}|~,]+$/;

// TextEncoder rather than Buffer: the renderer runs these same rules in the browser.
const utf8 = new TextEncoder();
// A UTF-16 code unit never takes more than 3 UTF-8 bytes, so short strings need no encoding.
const fitsBytes = (value: string, max: number): boolean => value.length * 3 <= max || utf8.encode(value).length <= max;

/** A string of 1..maxDigits decimal digits as its number; anything else is undefined. */
export function parseDigits(value: string, maxDigits = 10): number | undefined {
  if (value.length === 0 || value.length > maxDigits) return undefined;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c < 48 || c > 57) return undefined;
  }
  return Number(value);
}

export const appIdSchema = z
  .string({ error: 'App ID is required' })
  .check(z.trim(), z.regex(HEX32, { error: 'App ID must be 32 hexadecimal characters' }));

export const appCertificateSchema = z
  .string({ error: 'App Certificate is required' })
  .check(z.trim(), z.regex(HEX32, { error: 'App Certificate must be 32 hexadecimal characters' }));

export const channelSchema = z.string({ error: 'channel is required' }).check(
  z.minLength(1, { error: 'channel is required' }),
  z.refine((v: string) => fitsBytes(v, 64), { error: 'channel must be at most 64 bytes' }),
  z.refine((v: string) => CHANNEL_CHARS.test(v), {
    error: 'channel may contain only letters, digits, space and ! # $ % & ( ) + - : ; < = . > ? @ [ ] ^ _ { } | ~ ,',
  }),
);

/** An RTM stream channel: any channel name, or `*` for every channel. */
export const streamChannelSchema = z.union([z.literal('*'), channelSchema], {
  error: 'channel must be a valid channel name or *',
});

const UID_MESSAGE = 'uid must be a whole number from 0 to 4294967295';
export const uidSchema = z
  .number({ error: UID_MESSAGE })
  .check(
    z.int({ error: UID_MESSAGE }),
    z.minimum(0, { error: UID_MESSAGE }),
    z.maximum(MAX_UINT32, { error: UID_MESSAGE }),
  );

export const accountSchema = z.string({ error: 'account is required' }).check(
  z.minLength(1, { error: 'account is required' }),
  z.refine((v: string) => fitsBytes(v, 255), { error: 'account must be at most 255 bytes' }),
);

/** User ids for RTM, Chat and aPaaS; the field name is filled in by the caller. */
export function userIdSchema(field: string, maxBytes = 64) {
  return z.string({ error: `${field} is required` }).check(
    z.minLength(1, { error: `${field} is required` }),
    z.refine((v: string) => fitsBytes(v, maxBytes), { error: `${field} must be at most ${maxBytes} bytes` }),
  );
}

/** Seconds; 0 or absent means the default, applied by the builders. */
export function expireSchema(field: string) {
  const message = `${field} must be a whole number of seconds from 1 to 4294967295 (0 means the default)`;
  return z.optional(
    z
      .number({ error: message })
      .check(z.int({ error: message }), z.minimum(0, { error: message }), z.maximum(MAX_UINT32, { error: message })),
  );
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

export const ROLES = ['publisher', 'subscriber'] as const;
export const roleSchema = z.enum(ROLES, { error: 'role must be publisher or subscriber' });
export type Role = z.infer<typeof roleSchema>;

const PORT_MESSAGE = 'port must be a whole number from 0 to 65535';
export const portSchema = z
  .number({ error: PORT_MESSAGE })
  .check(
    z.int({ error: PORT_MESSAGE }),
    z.minimum(0, { error: PORT_MESSAGE }),
    z.maximum(65535, { error: PORT_MESSAGE }),
  );

/** A port typed as text (a flag, an environment variable, a form box). */
export function parsePort(text: string): number | undefined {
  const n = parseDigits(text.trim(), 5);
  return n !== undefined && n <= 65535 ? n : undefined;
}
export { PORT_MESSAGE };

export const hostSchema = z
  .string({ error: 'host is required' })
  .check(z.trim(), z.minLength(1, { error: 'host is required' }));

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

export const credentialsSchema = z.object({
  appId: appIdSchema,
  appCertificate: appCertificateSchema,
});

export type Credentials = z.infer<typeof credentialsSchema>;

/**
 * Parses with a schema and turns the first issue into a TokenDeskError naming the field.
 * One message, not a list: users fix one thing at a time and the CLI prints one line.
 */
export function parseInput<S extends z.core.$ZodType>(schema: S, input: unknown): z.output<S> {
  const result = z.safeParse(schema, input);
  if (result.success) return result.data;
  throw issueError(result.error);
}

/** The first issue of a failed parse as the error every door reports. */
export function issueError(error: z.core.$ZodError): TokenDeskError {
  const issue = error.issues[0];
  const field = issue?.path.map(String).join('.') || undefined;
  let message = issue?.message ?? 'invalid input';
  if (issue?.code === 'unrecognized_keys') message = `unknown field: ${issue.keys.join(', ')}`;
  return new TokenDeskError('invalid_input', message, field);
}

/** Parses a decimal string into a uid, rejecting signs, decimals and leading junk. */
export function parseUidString(value: string): number | undefined {
  const n = parseDigits(value, 10);
  return n !== undefined && n <= MAX_UINT32 ? n : undefined;
}

export function resolveExpire(value: number | undefined): number {
  return value === undefined || value === 0 ? DEFAULT_EXPIRE_SECONDS : value;
}
