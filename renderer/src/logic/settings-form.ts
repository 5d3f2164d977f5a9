import { parseDuration, parsePort } from '../../../shared/contract/fields.js';

/** An expiry as the user would type it: 3600 → "1h", 600 → "10m", 90 → "90". */
export function durationText(seconds: number): string {
  for (const [unit, size] of [
    ['d', 86400],
    ['h', 3600],
    ['m', 60],
  ] as const) {
    if (seconds >= size && seconds % size === 0) return `${seconds / size}${unit}`;
  }
  return String(seconds);
}

export type Parsed = { ok: true; value: number } | { ok: false; error: string };

export function parseDefaultExpiry(text: string): Parsed {
  const seconds = parseDuration(text);
  return seconds === undefined || seconds < 1
    ? { ok: false, error: 'Enter seconds (600) or a duration such as 90s, 10m, 1h or 1d.' }
    : { ok: true, value: seconds };
}

export function parseDefaultPort(text: string): Parsed {
  const port = parsePort(text);
  return port === undefined || port < 1
    ? { ok: false, error: 'Enter a port from 1 to 65535.' }
    : { ok: true, value: port };
}
