/**
 * "in 42 min" / "expired 3 h ago": how far a unix time is from now, in the largest
 * unit that keeps the number readable. Shared so the CLI and the UI say the same thing.
 */
export function describeExpiry(expiresAt: number | null, now: number): string {
  if (expiresAt === null) return 'never expires';
  const delta = expiresAt - now;
  const span = humanSpan(Math.abs(delta));
  return delta > 0 ? `in ${span}` : `expired ${span} ago`;
}

export function humanSpan(seconds: number): string {
  if (seconds < 60) return `${seconds} s`;
  if (seconds < 3600) return `${Math.floor(seconds / 60)} min`;
  if (seconds < 86400 * 2) return `${Math.floor(seconds / 3600)} h`;
  return `${Math.floor(seconds / 86400)} d`;
}

export function isoTime(unixSeconds: number): string {
  return new Date(unixSeconds * 1000).toISOString().replace('.000Z', 'Z');
}
