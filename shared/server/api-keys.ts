import { randomBytes } from 'node:crypto';

/**
 * A new API key for `Authorization: Bearer`: 32 random bytes, base64url (43 characters,
 * safe in headers, env files and shell arguments). Shown once to the user; never logged.
 */
export function generateApiKey(): string {
  return `atd_${randomBytes(32).toString('base64url')}`;
}
