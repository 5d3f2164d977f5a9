// Profile names are checked by the contract's profileNameSchema (shared/contract/fields.ts).

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
