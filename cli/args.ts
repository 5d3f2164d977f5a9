import { TokenDeskError } from '../shared/errors.js';
import { MAX_UINT32, parseUidString } from '../shared/token/validation.js';

/** Flag values arrive as strings; these turn them into numbers with the engine's wording. */

export function parseSeconds(field: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = /^\d{1,10}$/.test(value) ? Number(value) : NaN;
  if (!Number.isInteger(n) || n > MAX_UINT32) {
    throw new TokenDeskError(
      'invalid_input',
      `${field} must be a whole number of seconds from 1 to 4294967295 (0 means the default)`,
      field,
    );
  }
  return n;
}

export function parseUid(value: string, field = 'uid'): number {
  const n = parseUidString(value);
  if (n === undefined) {
    throw new TokenDeskError('invalid_input', `${field} must be a whole number from 0 to 4294967295`, field);
  }
  return n;
}
