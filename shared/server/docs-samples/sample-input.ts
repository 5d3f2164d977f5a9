import { z } from 'zod';
import { expireSchema } from '../../token/validation.js';
import { digitsToNumber } from '../http-input.js';

/**
 * Input helpers shared by the routes of Agora's sample token servers. Each route parses
 * what the client sent once, here, and hands plain values to its builder.
 */
/** Seconds from a query string or form field: a whole number given once. */
export function secondsField(field: string) {
  return z
    .string({ error: `${field} must be given once, as a whole number of seconds` })
    .transform(digitsToNumber)
    .pipe(expireSchema(field).def.innerType);
}

/** A text field from a query string or form: given once; empty counts as absent. */
export function textField(field: string) {
  return z
    .string({ error: `${field} must be given once, as text` })
    .optional()
    .transform((value) => (value === '' ? undefined : value));
}
