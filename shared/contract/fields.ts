import { z } from 'zod/mini';
import { TokenDeskError } from '../errors.js';
import {
  APP_CERTIFICATE_MESSAGES,
  CHANNEL_CHARS,
  fitsUtf8Bytes as fitsBytes,
  HEX32,
  MAX_CHANNEL_BYTES,
  MAX_UINT32,
  PORT_MESSAGE,
} from './text-rules.js';

export {
  AGORA_MAX_PRIVILEGE_SECONDS,
  DEFAULT_EXPIRE_SECONDS,
  HEX32,
  MAX_CHANNEL_BYTES,
  MAX_UINT32,
  PORT_MESSAGE,
  fitsUtf8Bytes,
  isChannelName,
  isLoopbackHost,
  isUint32,
  parseDigits,
  parseDuration,
  parsePort,
  parseUidString,
  resolveExpire,
} from './text-rules.js';

/**
 * The field rules of every door (CLI, IPC, HTTP, the renderer's forms), each written once
 * with one message. Browser-safe: no Node imports, so the renderer validates with these.
 */

export const appIdSchema = z
  .string({ error: 'App ID is required' })
  .check(z.trim(), z.regex(HEX32, { error: 'App ID must be 32 hexadecimal characters' }));

export const appCertificateSchema = z
  .string({ error: APP_CERTIFICATE_MESSAGES.required })
  .check(z.trim(), z.regex(HEX32, { error: APP_CERTIFICATE_MESSAGES.format }));

export const channelSchema = z.string({ error: 'channel is required' }).check(
  z.minLength(1, { error: 'channel is required' }),
  z.refine((v: string) => fitsBytes(v, MAX_CHANNEL_BYTES), {
    error: `channel must be at most ${MAX_CHANNEL_BYTES} bytes`,
  }),
  z.refine((v: string) => CHANNEL_CHARS.test(v), {
    error: 'channel may contain only letters, digits, space and ! # $ % & ( ) + - : ; < = . > ? @ [ ] ^ _ { } | ~ ,',
  }),
);

/** An RTM stream channel: any channel name, or `*` for every channel. */
export const streamChannelSchema = z.union([z.literal('*'), channelSchema], {
  error: 'channel must be a valid channel name or *',
});

const UID_MESSAGE = `uid must be a whole number from 0 to ${MAX_UINT32}`;
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
  const message = `${field} must be a whole number of seconds from 1 to ${MAX_UINT32} (0 means the default)`;
  return z.optional(
    z
      .number({ error: message })
      .check(z.int({ error: message }), z.minimum(0, { error: message }), z.maximum(MAX_UINT32, { error: message })),
  );
}

export const ROLES = ['publisher', 'subscriber'] as const;
export const roleSchema = z.enum(ROLES, { error: 'role must be publisher or subscriber' });
export type Role = z.infer<typeof roleSchema>;

export const portSchema = z
  .number({ error: PORT_MESSAGE })
  .check(
    z.int({ error: PORT_MESSAGE }),
    z.minimum(0, { error: PORT_MESSAGE }),
    z.maximum(65535, { error: PORT_MESSAGE }),
  );

const MAX_PROFILE_NAME_LENGTH = 64;

/** Profile names: what users type after --profile, so short, printable and trimmed. */
export const profileNameSchema = z.string({ error: 'profile name is required' }).check(
  z.trim(),
  z.minLength(1, { error: 'profile name is required' }),
  z.maxLength(MAX_PROFILE_NAME_LENGTH, {
    error: `profile name must be at most ${MAX_PROFILE_NAME_LENGTH} characters`,
  }),
  // Control characters by code point (a regex with them in a class reads as a typo to lint).
  z.refine((name: string) => ![...name].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f), {
    error: 'profile name may not contain control characters',
  }),
);

export const hostSchema = z
  .string({ error: 'host is required' })
  .check(z.trim(), z.minLength(1, { error: 'host is required' }));

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
