/**
 * The one time formatter for the CLI and the UI, so both say the same thing.
 * Relative spans round to the nearest unit (a fresh 24 h token reads "in 24 h", not "in 23 h");
 * callers compute `now` once per render or tick and pass it everywhere on screen.
 */
export type TimeDisplay = 'local' | 'utc' | 'unix';

/** "in 42 min" / "expired 3 h ago": how far a unix time is from now. */
export function describeExpiry(expiresAt: number | null, now: number): string {
  if (expiresAt === null) return 'never expires';
  const delta = expiresAt - now;
  const span = humanSpan(Math.abs(delta));
  return delta > 0 ? `in ${span}` : `expired ${span} ago`;
}

/** Largest unit that keeps the number readable, rounded to the nearest unit. */
export function humanSpan(seconds: number): string {
  if (seconds < 60) return `${seconds} s`;
  if (seconds < 3600 - 30) return `${Math.round(seconds / 60)} min`;
  if (seconds < 86400 * 2 - 1800) return `${Math.round(seconds / 3600)} h`;
  return `${Math.round(seconds / 86400)} d`;
}

export function isoTime(unixSeconds: number): string {
  return new Date(unixSeconds * 1000).toISOString().replace('.000Z', 'Z');
}

const pad = (n: number) => String(n).padStart(2, '0');

/** An absolute time in the chosen display mode; 'utc' (ISO, today's behaviour) by default. */
export function absoluteTime(unixSeconds: number, display: TimeDisplay = 'utc'): string {
  if (display === 'unix') return String(unixSeconds);
  if (display === 'utc') return isoTime(unixSeconds);
  const d = new Date(unixSeconds * 1000);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}
