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
export function bindLikeGo<F extends string>(
  body: unknown,
  fields: readonly F[],
  required = 'tokenType',
): Partial<Record<F, unknown>> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new TokenDeskError('invalid_input', `the request body must be a JSON object with ${required}`);
  }
  const byFolded = foldedFields(fields);
  const bound: Partial<Record<F, unknown>> = {};
  for (const key in body) {
    const value = (body as Record<string, unknown>)[key];
    if (value === null || value === undefined) continue;
    // JavaScript lower-cases the Kelvin sign to k already; only the long s needs help.
    const field = byFolded.get(key) ?? byFolded.get(key.toLowerCase().replace(/\u017f/g, 's'));
    if (field !== undefined) bound[field as F] = value;
  }
  return bound;
}

const cache = new WeakMap<readonly string[], Map<string, string>>();

/** Exact names and their lower-case forms, built once per field list. */
function foldedFields(fields: readonly string[]): Map<string, string> {
  let map = cache.get(fields);
  if (map === undefined) {
    map = new Map(
      fields.flatMap(
        (field) =>
          [
            [field, field],
            [field.toLowerCase(), field],
          ] as [string, string][],
      ),
    );
    cache.set(fields, map);
  }
  return map;
}
