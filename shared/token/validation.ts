import { z } from 'zod';
import { TokenDeskError } from '../errors.js';

/**
 * Input rules shared by the CLI, the IPC handlers and the HTTP server. Each schema's
 * messages name the field, because they are shown to users as is.
 */

export const DEFAULT_EXPIRE_SECONDS = 3600;
export const MAX_UINT32 = 4294967295;

const HEX32 = /^[0-9a-fA-F]{32}$/;
// Agora's documented channel-name characters: letters, digits, space and these symbols.
const CHANNEL_CHARS = /^[a-zA-Z0-9 !#$%&()+\-:;<=.>?@[\]^_{}|~,]+$/;

// TextEncoder rather than Buffer: the renderer runs these same rules in the browser.
const utf8 = new TextEncoder();
// A UTF-16 code unit never takes more than 3 UTF-8 bytes, so short strings need no encoding.
const fitsBytes = (value: string, max: number): boolean => value.length * 3 <= max || utf8.encode(value).length <= max;

export const appIdSchema = z
  .string({ error: 'App ID is required' })
  .trim()
  .regex(HEX32, { error: 'App ID must be 32 hexadecimal characters' });

export const appCertificateSchema = z
  .string({ error: 'App Certificate is required' })
  .trim()
  .regex(HEX32, { error: 'App Certificate must be 32 hexadecimal characters' });

export const channelSchema = z
  .string({ error: 'channel is required' })
  .min(1, { error: 'channel is required' })
  .refine((v) => fitsBytes(v, 64), { error: 'channel must be at most 64 bytes' })
  .refine((v) => CHANNEL_CHARS.test(v), {
    error:
      'channel may contain only letters, digits, space and ! # $ % & ( ) + - : ; < = . > ? @ [ ] ^ _ { } | ~ ,',
  });

/** An RTM stream channel: any channel name, or `*` for every channel. */
export const streamChannelSchema = z.union([z.literal('*'), channelSchema], {
  error: 'channel must be a valid channel name or *',
});

export const uidSchema = z
  .number({ error: 'uid must be a whole number from 0 to 4294967295' })
  .int({ error: 'uid must be a whole number from 0 to 4294967295' })
  .min(0, { error: 'uid must be a whole number from 0 to 4294967295' })
  .max(MAX_UINT32, { error: 'uid must be a whole number from 0 to 4294967295' });

export const accountSchema = z
  .string({ error: 'account is required' })
  .min(1, { error: 'account is required' })
  .refine((v) => fitsBytes(v, 255), { error: 'account must be at most 255 bytes' });

/** User ids for RTM and Chat; the field name is filled in by the caller. */
export function userIdSchema(field: string) {
  return z
    .string({ error: `${field} is required` })
    .min(1, { error: `${field} is required` })
    .refine((v) => fitsBytes(v, 64), { error: `${field} must be at most 64 bytes` });
}

/** Seconds; 0 or absent means the default, applied by the builders. */
export function expireSchema(field: string) {
  const message = `${field} must be a whole number of seconds from 1 to 4294967295 (0 means the default)`;
  return z
    .number({ error: message })
    .int({ error: message })
    .min(0, { error: message })
    .max(MAX_UINT32, { error: message })
    .optional();
}

export const roleSchema = z.enum(['publisher', 'subscriber'], {
  error: 'role must be publisher or subscriber',
});

export const credentialsSchema = z.object({
  appId: appIdSchema,
  appCertificate: appCertificateSchema,
});

export type Credentials = z.infer<typeof credentialsSchema>;

/**
 * Parses with a schema and turns the first issue into a TokenDeskError naming the field.
 * One message, not a list: users fix one thing at a time and the CLI prints one line.
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = issue?.path.map(String).join('.') || undefined;
  let message = issue?.message ?? 'invalid input';
  if (issue?.code === 'unrecognized_keys') message = `unknown field: ${issue.keys.join(', ')}`;
  throw new TokenDeskError('invalid_input', message, field);
}

/** Parses a decimal string into a uid, rejecting signs, decimals and leading junk. */
export function parseUidString(value: string): number | undefined {
  if (!/^\d{1,10}$/.test(value)) return undefined;
  const n = Number(value);
  return n <= MAX_UINT32 ? n : undefined;
}

export function resolveExpire(value: number | undefined): number {
  return value === undefined || value === 0 ? DEFAULT_EXPIRE_SECONDS : value;
}
