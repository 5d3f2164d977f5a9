import { z } from 'zod/mini';
import { kindIdSchema } from '../token/kinds/registry.js';

/**
 * The tokens generated in this run of the app (IPC `history:list`, event `history:changed`).
 * Kept in main's memory only; an entry holds what regenerating needs (kind, profile, the
 * form's input, which never includes a certificate) and the tokens themselves.
 */
export const historyEntrySchema = z.object({
  /** Increases with every token generated in this run; never reused. */
  id: z.number(),
  kind: kindIdSchema,
  profileId: z.string(),
  /** The `token:build` input exactly as it was accepted: sending it again regenerates. */
  input: z.record(z.string(), z.unknown()),
  /** Who and where the token is for (channel, user, room …), as label and value. */
  subject: z.array(z.object({ name: z.string(), value: z.string() })),
  /** One token, or two for a kind that builds a pair (RTC + RTM). */
  tokens: z.array(z.object({ name: z.string(), token: z.string() })),
  /** Unix seconds. */
  issuedAt: z.number(),
  expiresAt: z.number(),
});
export type HistoryEntry = z.infer<typeof historyEntrySchema>;

/** Newest first. */
export const historyListSchema = z.array(historyEntrySchema);
