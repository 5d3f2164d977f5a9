import { z } from 'zod/mini';
import type { ErrorCode } from '../errors.js';
import type { DecodedToken } from '../token/types.js';

/**
 * What main sends back to the renderer: the shapes of IPC responses and events.
 * Types are inferred from these schemas; there is no hand-written twin.
 */

export const profileViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  appId: z.string(),
  /** ISO 8601 time the profile was added. */
  createdAt: z.string(),
  isDefault: z.boolean(),
  /** Whether a secondary App Certificate is saved in the keychain (never the certificate itself). */
  hasSecondaryCertificate: z.boolean(),
});
export type ProfileView = z.infer<typeof profileViewSchema>;

/** What every door shows of a profile besides its secondary-certificate flag. */
export type ProfileFields = Omit<ProfileView, 'hasSecondaryCertificate'>;

/**
 * Picks those fields one by one: whatever else an object carries (the store's records,
 * anything added to them later) cannot reach a view, and never a certificate.
 */
export function profileFields(profile: ProfileFields): ProfileFields {
  const { id, name, appId, createdAt, isDefault } = profile;
  return { id, name, appId, createdAt, isDefault };
}

export const profileProblemViewSchema = z.object({
  kind: z.enum(['missing_certificate', 'orphan_certificate', 'corrupt_metadata']),
  message: z.string(),
  profileId: z.optional(z.string()),
  profileName: z.optional(z.string()),
});
export type ProfileProblemView = z.infer<typeof profileProblemViewSchema>;

export const keychainStatusSchema = z.object({
  available: z.boolean(),
  /** Why it is unavailable and how to fix it, when it is. */
  message: z.optional(z.string()),
});
export type KeychainStatus = z.infer<typeof keychainStatusSchema>;

export const profileListSchema = z.object({
  profiles: z.array(profileViewSchema),
  problems: z.array(profileProblemViewSchema),
  keychain: keychainStatusSchema,
});

export const errorInfoSchema = z.object({
  code: z.custom<ErrorCode>((value) => typeof value === 'string'),
  message: z.string(),
  field: z.optional(z.string()),
});

/** A token as built: the string plus its issue time, lifetime and expiry (unix seconds). */
export const builtTokenSchema = z.object({
  token: z.string(),
  issuedAt: z.number(),
  expire: z.number(),
  expiresAt: z.number(),
  /** The ready-to-copy REST header, for kinds used against a REST API (convoai). */
  authorizationHeader: z.optional(z.string()),
});
export type BuiltToken = z.infer<typeof builtTokenSchema>;

/** Two tokens for one user and channel (the rte kind). */
export const builtRtePairSchema = z.object({
  rtcToken: z.string(),
  rtmToken: z.string(),
  rtmUserId: z.string(),
  issuedAt: z.number(),
  expire: z.number(),
  expiresAt: z.number(),
});
export type BuiltRteTokens = z.infer<typeof builtRtePairSchema>;

export const generatedSchema = z.union([builtTokenSchema, builtRtePairSchema]);
export type Generated = z.infer<typeof generatedSchema>;

export const decodeViewSchema = z.object({
  // The decoded shape belongs to the decode engine (DESIGN.md §2); it is produced by
  // trusted code in main, so the contract carries its type without re-checking it.
  decoded: z.custom<DecodedToken>((value) => typeof value === 'object' && value !== null),
  /** The saved profile whose App ID matches the token, if any (its certificate verified it). */
  profile: z.nullable(z.object({ id: z.string(), name: z.string() })),
  /** One sentence explaining the signature verdict. */
  signatureReason: z.string(),
});
export type DecodeView = z.infer<typeof decodeViewSchema>;

export const serverStatusSchema = z.object({
  state: z.enum(['stopped', 'listening', 'error']),
  url: z.optional(z.string()),
  host: z.optional(z.string()),
  port: z.optional(z.number()),
  /** The profiles served, in order; the first answers requests without `appId`. */
  profileIds: z.optional(z.array(z.string())),
  /** Their App IDs, in the same order. */
  appIds: z.optional(z.array(z.string())),
  authentication: z.optional(z.enum(['none', 'api-keys'])),
  corsOrigins: z.optional(z.string()),
  error: z.optional(errorInfoSchema),
});
export type ServerStatus = z.infer<typeof serverStatusSchema>;

/**
 * The answer to server:start: the status, plus the API key main generated for an exposed
 * server. This is the only place the key ever appears (never in server:status or an event).
 */
export const serverStartResponseSchema = z.extend(serverStatusSchema, { apiKey: z.optional(z.string()) });
export type ServerStartResponse = z.infer<typeof serverStartResponseSchema>;

/** One request served by the local server (never includes a token or a secret). */
export const requestLogEntrySchema = z.object({
  /** Epoch milliseconds when the response was sent. */
  time: z.number(),
  method: z.string(),
  /** The URL path, without the query string. */
  path: z.string(),
  status: z.number(),
  /** Time to respond, in milliseconds. */
  ms: z.number(),
  /** Numbered by the desktop app's server controller, so a reopened log can merge what it missed. */
  id: z.optional(z.number()),
  /** The token kind the route serves (rtc, rtm, chat …; a /getToken body's tokenType). */
  kind: z.optional(z.string()),
  /** The error message of an error response. */
  error: z.optional(z.string()),
});
export type RequestLogEntry = z.infer<typeof requestLogEntrySchema>;
