import { TokenDeskError } from '../errors.js';
import type { Keychain } from './keychain.js';
import { quoteArg, secondaryAccount } from './keychain-problems.js';
import type { StoredProfile } from './metadata-file.js';

/**
 * Keychain steps of a profile change that has more than one, each undone when a later one
 * fails, so the keychain is left as it was found.
 */

/** Swaps primary and secondary; a failed second write puts the primary back. */
export async function swapCertificates(keychain: Keychain, profile: StoredProfile, primary: string): Promise<void> {
  const secondary = await keychain.get(secondaryAccount(profile.id));
  if (secondary === undefined) {
    throw new TokenDeskError(
      'invalid_input',
      `profile "${profile.name}" has no secondary certificate to promote; save one first with: agora-token-desk profile edit ${quoteArg(profile.name)} --secondary-certificate-stdin`,
    );
  }
  await keychain.set(profile.id, secondary);
  try {
    await keychain.set(secondaryAccount(profile.id), primary);
  } catch (error) {
    await keychain.set(profile.id, primary).catch(() => undefined);
    throw error;
  }
}

export interface SavedEntry {
  account: string;
  secret: string | undefined;
}

/** The profile's entries as they are now, read before anything is deleted so they can be put back. */
export async function saveEntries(keychain: Keychain, profileId: string): Promise<SavedEntry[]> {
  const accounts = [profileId, secondaryAccount(profileId)];
  const entries: SavedEntry[] = [];
  for (const account of accounts) entries.push({ account, secret: await keychain.get(account) });
  return entries;
}

/** Deletes the saved entries; if one fails, those already deleted are written back. */
export async function deleteEntries(keychain: Keychain, saved: SavedEntry[]): Promise<void> {
  const deleted: Array<{ account: string; secret: string }> = [];
  try {
    for (const { account, secret } of saved) {
      if (secret !== undefined && (await keychain.delete(account))) deleted.push({ account, secret });
    }
  } catch (error) {
    for (const entry of deleted) await keychain.set(entry.account, entry.secret).catch(() => undefined);
    throw error;
  }
}
