/** The live request log keeps the newest entries only, newest first. */
import type { RequestLogEntry } from '../../../shared/contract/index.js';

export const REQUEST_LOG_SIZE = 200;

export function appendLogEntry(
  log: readonly RequestLogEntry[],
  entry: RequestLogEntry,
  size = REQUEST_LOG_SIZE,
): RequestLogEntry[] {
  return [entry, ...log].slice(0, size);
}
