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
 *
 * Returns a binder for one field list, its case-folded lookup table built once, not per
 * request. `required` names what the body must carry, for the message when it is not a
 * JSON object.
 */
export function goBodyBinder<F extends string>(
  fields: readonly F[],
  required = 'tokenType',
): (body: unknown) => Partial<Record<F, unknown>> {
  const byFolded = new Map<string, F>(
    fields.flatMap((field) => [
      [field, field],
      [field.toLowerCase(), field],
    ]),
  );
  return (body) => {
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      throw new TokenDeskError('invalid_input', `the request body must be a JSON object with ${required}`);
    }
    const bound: Partial<Record<F, unknown>> = {};
    for (const key in body) {
      const value = (body as Record<string, unknown>)[key];
      if (value === null || value === undefined) continue;
      // JavaScript lower-cases the Kelvin sign to k already; only the long s needs help.
      const field = byFolded.get(key) ?? byFolded.get(key.toLowerCase().replace(/\u017f/g, 's'));
      if (field !== undefined) bound[field] = value;
    }
    return bound;
  };
}
