/**
 * The request log as the renderer shows it: newest first, as many entries as main keeps,
 * merged from main's copy (read on mount) and the live events, and filtered by what is typed.
 */
import type { RequestLogEntry } from '../../../shared/contract/index.js';

/** Main keeps the latest 500 (REQUEST_LOG_LIMIT in the server controller); so does the screen. */
export const REQUEST_LOG_SIZE = 500;

export function appendLogEntry(
  log: readonly RequestLogEntry[],
  entry: RequestLogEntry,
  size = REQUEST_LOG_SIZE,
): RequestLogEntry[] {
  return [entry, ...log].slice(0, size);
}

/**
 * Main's log (oldest first) with the entries that arrived as events meanwhile (newest
 * first): each numbered request once, newest first.
 */
export function mergeLog(
  fromMain: readonly RequestLogEntry[],
  live: readonly RequestLogEntry[],
  size = REQUEST_LOG_SIZE,
): RequestLogEntry[] {
  const known = new Set(fromMain.map((entry) => entry.id));
  const newer = live.filter((entry) => entry.id === undefined || !known.has(entry.id));
  return [...newer, ...[...fromMain].reverse()].slice(0, size);
}

/** Entries whose method, path, status, kind or error contain every word typed (any case). */
export function filterLog(log: readonly RequestLogEntry[], query: string, errorsOnly = false): RequestLogEntry[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  return log.filter((entry) => {
    if (errorsOnly && entry.status < 400) return false;
    const text = [entry.method, entry.path, entry.status, entry.kind ?? '', entry.error ?? ''].join(' ').toLowerCase();
    return words.every((word) => text.includes(word));
  });
}
