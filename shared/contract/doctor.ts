/**
 * The token doctor's contract: what the client is doing (context) and what the doctor
 * says (diagnosis). Browser-safe (zod only); the CLI, IPC (`token:diagnose`) and the
 * engine (shared/doctor, which re-exports this file) all parse with these schemas.
 */
import { z } from 'zod/mini';
import type { DecodedTokenJson } from '../token/decoded-json.js';
import { MAX_UINT32 } from './text-rules.js';

/** What the client is trying to do with the token. */
export const DOCTOR_ACTIONS = [
  'rtc-join',
  'rtc-publish',
  'rtm-login',
  'rtm-stream-channel',
  'chat-login',
  'chat-app',
  'convoai-rest',
  'stt-rest',
  'fpa-login',
] as const;
export const doctorActionSchema = z.enum(DOCTOR_ACTIONS, {
  error: `action must be one of ${DOCTOR_ACTIONS.join(', ')}`,
});
export type DoctorAction = z.infer<typeof doctorActionSchema>;

/** Stable finding codes: scripts and the UI branch on these, so they never change meaning. */
export const FINDING_CODES = [
  'malformed',
  'app_id_mismatch',
  'signature_invalid',
  'signature_unchecked',
  'token_expired',
  'privilege_expired',
  'expires_soon',
  'issued_in_future',
  'expiry_suspicious',
  'channel_mismatch',
  'uid_mismatch',
  'uid_account_mixup',
  'wildcard_uid',
  'no_publish_privilege',
  'service_missing',
  'error_code_explained',
  'error_code_unknown',
] as const;
export const findingCodeSchema = z.enum(FINDING_CODES);
export type FindingCode = z.infer<typeof findingCodeSchema>;

/** error: this alone makes the client fail; warning: likely trouble; info: worth knowing. */
export const severitySchema = z.enum(['error', 'warning', 'info']);
export type Severity = z.infer<typeof severitySchema>;

const UID_MESSAGE = `uid must be a whole number from -2147483648 to ${MAX_UINT32} (negative values are Java/C# ints above 2^31)`;

/** Everything optional: the doctor checks what it is told about and skips the rest. */
export const diagnoseContextSchema = z
  .strictObject({
    /** The App ID the client initialises its SDK with (not trimmed or validated: a wrong one is a finding). */
    appId: z.optional(z.string().check(z.minLength(1, { error: 'app id must not be empty' }))),
    action: z.optional(doctorActionSchema),
    /** The channel name exactly as the client passes it: whitespace and case matter. */
    channel: z.optional(z.string().check(z.minLength(1, { error: 'channel must not be empty' }))),
    /** An int uid, as passed to joinChannel (a signed 32-bit value from Java/C# is accepted). */
    uid: z.optional(
      z
        .number({ error: UID_MESSAGE })
        .check(
          z.int({ error: UID_MESSAGE }),
          z.minimum(-2147483648, { error: UID_MESSAGE }),
          z.maximum(MAX_UINT32, { error: UID_MESSAGE }),
        ),
    ),
    /** A user account (joinChannelWithUserAccount), or the RTM / Chat user id. */
    account: z.optional(z.string().check(z.minLength(1, { error: 'account must not be empty' }))),
    /** The error code the SDK reported: a number, or a constant name such as ERR_INVALID_TOKEN. */
    errorCode: z.optional(
      z.union([z.number().check(z.int()), z.string().check(z.trim(), z.minLength(1))], {
        error: 'error code must be a number or a name',
      }),
    ),
    /** The client's clock, unix seconds, when it differs from this machine's. */
    now: z.optional(
      z
        .number({ error: 'now must be unix seconds' })
        .check(z.int({ error: 'now must be unix seconds' }), z.minimum(0, { error: 'now must be unix seconds' })),
    ),
  })
  .check(
    z.refine((c: { uid?: number; account?: string }) => c.uid === undefined || c.account === undefined, {
      error: 'give either uid or account, not both',
      path: ['uid'],
    }),
  );
export type DiagnoseContext = z.infer<typeof diagnoseContextSchema>;

export const findingSchema = z.object({
  code: findingCodeSchema,
  severity: severitySchema,
  /** Plain language, naming the values involved. */
  message: z.string(),
  /** What to do about it. */
  fix: z.string(),
});
export type Finding = z.infer<typeof findingSchema>;

/** The decoded token as DESIGN.md §2 prints it; services and privileges are checked loosely here. */
const decodedTokenJsonShape = z.looseObject({
  version: z.enum(['006', '007']),
  appId: z.string(),
  salt: z.number(),
  signature: z.enum(['valid', 'invalid', 'unchecked']),
  signedBy: z.optional(z.string()),
});
/** Checked on its outline; typed as the decode engine's own shape, which produces it. */
export const decodedTokenJsonSchema = z.custom<DecodedTokenJson>(
  (value) => decodedTokenJsonShape.safeParse(value).success,
);

export const diagnosisSchema = z.object({
  /** 'problems' when any error or warning was found. */
  verdict: z.enum(['ok', 'problems']),
  findings: z.array(findingSchema),
  /** The decoded token, or null when it could not be read (see the malformed finding). */
  token: z.nullable(decodedTokenJsonSchema),
});
export type DiagnosisJson = z.infer<typeof diagnosisSchema>;

/** What a front door (IPC, HTTP) receives: the token, the client's context, and whose certificates to use. */
export const diagnoseRequestSchema = z.strictObject({
  token: z.string({ error: 'token is required' }),
  context: z.optional(diagnoseContextSchema),
  /** A saved profile whose certificates (primary, secondary) verify the signature. */
  profileId: z.optional(z.string().check(z.minLength(1))),
});
export type DiagnoseRequest = z.infer<typeof diagnoseRequestSchema>;
