import { z } from 'zod/mini';

const MAX_NAME_LENGTH = 64;

/** Profile names: what users type after --profile, so short, printable and trimmed. */
export const profileNameSchema = z.string({ error: 'profile name is required' }).check(
  z.trim(),
  z.minLength(1, { error: 'profile name is required' }),
  z.maxLength(MAX_NAME_LENGTH, { error: `profile name must be at most ${MAX_NAME_LENGTH} characters` }),
  // Control characters by code point (a regex with them in a class reads as a typo to lint).
  z.refine((name: string) => ![...name].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f), {
    error: 'profile name may not contain control characters',
  }),
);

/** Names are unique regardless of case: "Demo" and "demo" would be too easy to mix up. */
export function sameName(a: string, b: string): boolean {
  return a.localeCompare(b, undefined, { sensitivity: 'accent' }) === 0;
}

/** A profile by id, else by name (case-insensitively). */
export function findProfile<P extends { id: string; name: string }>(
  profiles: readonly P[],
  nameOrId: string,
): P | undefined {
  const wanted = nameOrId.trim();
  return profiles.find((p) => p.id === wanted) ?? profiles.find((p) => sameName(p.name, wanted));
}
