import { TokenDeskError } from '../errors.js';
import type { Credentials } from '../token/validation.js';

/**
 * Where a route gets the App ID and certificate for one request. Several profiles can be
 * served at once; a request names one by `appId`, and without it the first one answers, so
 * clients written for the single-project agora-token-service keep working.
 * Certificates never travel in a request: the caller can only pick among served projects.
 */
export interface CredentialSource {
  /** Throws a `profile_not_found` TokenDeskError (HTTP 404) for an App ID not served here. */
  resolve(appId: string | undefined): Credentials;
  /** The App IDs served, first (default) first. */
  appIds(): string[];
}

export function credentialSource(list: readonly Credentials[]): CredentialSource {
  const first = list[0];
  if (first === undefined) throw new TokenDeskError('missing_credentials', 'at least one profile is required');
  const byAppId = new Map(list.map((credentials) => [credentials.appId.toLowerCase(), credentials]));
  return {
    resolve(appId) {
      if (appId === undefined || appId === '') return first;
      const found = byAppId.get(appId.toLowerCase());
      if (found === undefined)
        throw new TokenDeskError('profile_not_found', `App ID ${appId.slice(0, 64)} is not served here`, 'appId');
      return found;
    },
    appIds: () => list.map((credentials) => credentials.appId),
  };
}
