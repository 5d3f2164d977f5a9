import { z } from 'zod';
import { TokenDeskError } from '../../errors.js';
import { expireSchema, type Credentials } from '../../token/validation.js';

/**
 * Input helpers shared by the routes of Agora's sample token servers. Each route parses
 * what the client sent once, here, and hands plain values to its builder.
 */

/** Credentials for the profile a request names with `appId`, or the default one. */
export interface CredentialsSource {
  resolve(appId: string | undefined): Credentials;
}

/** One credentials object serves every request; an `appId` naming another app is refused. */
export function singleCredentials(credentials: Credentials): CredentialsSource {
  return {
    resolve(appId) {
      if (appId === undefined || appId.toLowerCase() === credentials.appId.toLowerCase()) return credentials;
      throw new TokenDeskError('invalid_input', 'appId does not match the App ID this server signs for', 'appId');
    },
  };
}

/**
 * A JSON object read the way Go's encoding/json fills a struct: keys match in any letter
 * case, a later duplicate wins, and `null` leaves the field as it was (absent).
 */
export function caseInsensitiveFields<K extends string>(body: unknown, fields: readonly K[], what: string): Partial<Record<K, unknown>> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new TokenDeskError('invalid_input', `the request body must be a JSON object with ${what}`);
  }
  const byLowerCase = new Map(fields.map((field) => [field.toLowerCase(), field]));
  const picked: Partial<Record<K, unknown>> = {};
  for (const [key, value] of Object.entries(body)) {
    const field = byLowerCase.get(key.toLowerCase());
    if (field !== undefined && value !== null) picked[field] = value;
  }
  return picked;
}

/** Decimal digits become their number; anything else NaN, which the engine's schemas reject. */
const digitsToNumber = (value: string): number => (/^\d{1,16}$/.test(value) ? Number(value) : Number.NaN);

/** Seconds from a query string or form field: a whole number given once. */
export function secondsField(field: string) {
  return z
    .string({ error: `${field} must be given once, as a whole number of seconds` })
    .transform(digitsToNumber)
    .pipe(expireSchema(field).unwrap());
}

/** A text field from a query string or form: given once; empty counts as absent. */
export function textField(field: string) {
  return z
    .string({ error: `${field} must be given once, as text` })
    .optional()
    .transform((value) => (value === '' ? undefined : value));
}

