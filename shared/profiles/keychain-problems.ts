import { TokenDeskError } from '../errors.js';
import type { Keychain } from './keychain.js';
import type { Metadata, StoredProfile } from './metadata-file.js';

export interface ProfileProblem {
  kind: 'missing_certificate' | 'orphan_certificate' | 'corrupt_metadata';
  message: string;
  profileId?: string;
  profileName?: string;
}

// Written and deleted again by keychainStatus(); never a profile id (those are UUIDs).
export const PROBE_ACCOUNT = 'availability-check';

const SECONDARY_SUFFIX = '.secondary';

/** The keychain account of a profile's secondary certificate (the primary's is the profile id). */
export function secondaryAccount(profileId: string): string {
  return `${profileId}${SECONDARY_SUFFIX}`;
}

/** The profile id an account belongs to, whether it holds the primary or the secondary. */
export function accountOwner(account: string): string {
  return account.endsWith(SECONDARY_SUFFIX) ? account.slice(0, -SECONDARY_SUFFIX.length) : account;
}

export function missingMessage(profile: StoredProfile, service: string): string {
  return `profile "${profile.name}" has no App Certificate in the keychain (service ${service}, account ${profile.id}); save it again with: agora-token-desk profile set-certificate ${quoteArg(profile.name)}`;
}

export interface KeychainReport {
  problems: ProfileProblem[];
  /** Profiles with a secondary certificate; undefined when the keychain did not answer. */
  withSecondary: Set<string> | undefined;
}

/**
 * Metadata without a secret and secrets without metadata, from one search of the keychain
 * (not one call per profile); nothing when the keychain is unreachable.
 */
export async function compareWithKeychain(metadata: Metadata, keychain: Keychain): Promise<KeychainReport> {
  let accounts: Set<string>;
  try {
    accounts = new Set((await keychain.list()).filter((account) => account !== PROBE_ACCOUNT));
  } catch (error) {
    // keychainStatus() tells the caller why; listing the metadata still works without it.
    if (error instanceof TokenDeskError && error.code === 'keychain_unavailable')
      return { problems: [], withSecondary: undefined };
    throw error;
  }
  const problems: ProfileProblem[] = [];
  for (const profile of metadata.profiles) {
    // The search may skip an entry it could not read; ask for it by name before calling it missing.
    if (accounts.has(profile.id) || (await keychain.get(profile.id)) !== undefined) continue;
    problems.push({
      kind: 'missing_certificate',
      message: missingMessage(profile, keychain.service),
      profileId: profile.id,
      profileName: profile.name,
    });
  }
  const known = new Set(metadata.profiles.map((p) => p.id));
  for (const account of accounts) {
    if (known.has(accountOwner(account))) continue;
    problems.push({
      kind: 'orphan_certificate',
      message: `the keychain holds an App Certificate (service ${keychain.service}, account ${account}) that belongs to no profile; delete it with: agora-token-desk profile remove ${account}`,
      profileId: account,
    });
  }
  const withSecondary = new Set([...known].filter((id) => accounts.has(secondaryAccount(id))));
  return { problems, withSecondary };
}

export function quoteArg(value: string): string {
  return /^[\w.@%+=:,/-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;
}
