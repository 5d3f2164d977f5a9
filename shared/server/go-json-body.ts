import { TokenDeskError } from '../errors.js';

/**
 * Reads a parsed JSON object the way Go's encoding/json fills a struct, which is how
 * agora-token-service binds `POST /getToken`:
 * - a key matches a field in any letter case (`Uid`, `UID`, `tokentype`), with Go's
 *   case folding, where the Kelvin sign folds to `k` and the long s to `s`;
 * - keys are applied in the order they appear, so when one field comes in several cases
 *   the last one wins (golang/go#11673: "the library will use the last instance");
 * - `null` leaves the field as it was (absent, or an earlier value), as Go does for a
 *   non-pointer field; Jackson, Newtonsoft, System.Text.Json and kotlinx send nulls.
 */
export function bindLikeGo<F extends string>(body: unknown, fields: readonly F[]): Partial<Record<F, unknown>> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new TokenDeskError('invalid_input', 'the request body must be a JSON object with tokenType');
  }
  const byFolded = new Map<string, F>(fields.map((field) => [field.toLowerCase(), field]));
  const bound: Partial<Record<F, unknown>> = {};
  for (const [key, value] of Object.entries(body)) {
    const field = byFolded.get(fold(key));
    if (field !== undefined && value !== null) bound[field] = value;
  }
  return bound;
}

const fold = (key: string): string => key.replace(/\u212a/g, 'k').replace(/\u017f/g, 's').toLowerCase();
