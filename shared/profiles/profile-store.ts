import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { TokenDeskError } from '../errors.js';
import { appCertificateSchema, appIdSchema, parseInput, type Credentials } from '../token/validation.js';
import { defaultDataDir } from './data-dir.js';
import { OsKeychain, type Keychain } from './keychain.js';
import { CorruptMetadataError, MetadataFile, emptyMetadata, type Metadata, type StoredProfile } from './metadata-file.js';
import { findProfile, profileNameSchema, sameName } from './profile-name.js';

/** A saved project as every front end sees it (structurally ProfileView in shared/contract.ts). */
export interface Profile {
  id: string;
  name: string;
  appId: string;
  /** ISO 8601 time the profile was added. */
  createdAt: string;
  isDefault: boolean;
}

export interface ProfileProblem {
  kind: 'missing_certificate' | 'orphan_certificate' | 'corrupt_metadata';
  message: string;
  profileId?: string;
  profileName?: string;
}

export interface ProfileStoreOptions {
  /** The data folder holding profiles.json (default: defaultDataDir()). */
  home?: string;
  keychain?: Keychain;
}

// Objects, so that a bad value is reported with its field name (for inline form errors).
const addSchema = z.object({ name: profileNameSchema, appId: appIdSchema, appCertificate: appCertificateSchema });
const renameSchema = z.object({ name: profileNameSchema });
const certificateSchema = z.object({ appCertificate: appCertificateSchema });

// Written and deleted again by keychainStatus(); never a profile id (those are UUIDs).
const PROBE_ACCOUNT = 'availability-check';

/**
 * Profiles: metadata in profiles.json, the App Certificate only in the OS keychain under
 * the profile's id. Operations of one store run one at a time, so two quick edits from
 * the UI cannot overwrite each other's metadata.
 */
export class ProfileStore {
  readonly home: string;
  private readonly file: MetadataFile;
  private readonly keychain: Keychain;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(options: ProfileStoreOptions = {}) {
    this.home = options.home ?? defaultDataDir();
    this.file = new MetadataFile(this.home);
    this.keychain = options.keychain ?? new OsKeychain();
  }

  list(): Promise<{ profiles: Profile[]; problems: ProfileProblem[] }> {
    return this.exclusive(async () => {
      let metadata = emptyMetadata();
      try {
        metadata = await this.file.read();
      } catch (error) {
        // Moved aside by read(); reported below with any earlier corrupt file.
        if (!(error instanceof CorruptMetadataError)) throw error;
      }
      const problems = (await this.file.corruptFiles()).map(
        (path): ProfileProblem => ({ kind: 'corrupt_metadata', message: MetadataFile.describeCorruptFile(path) }),
      );
      problems.push(...(await this.keychainProblems(metadata)));
      return { profiles: metadata.profiles.map((p) => view(p, metadata)), problems };
    });
  }

  get(nameOrId: string): Promise<Profile> {
    return this.exclusive(async () => {
      const metadata = await this.file.read();
      return view(this.find(metadata, nameOrId), metadata);
    });
  }

  async add(input: { name: string; appId: string; appCertificate: string }): Promise<Profile> {
    const { name, appId, appCertificate } = parseInput(addSchema, input);
    return this.exclusive(async () => {
      const metadata = await this.file.read();
      this.refuseDuplicate(metadata, name);
      const profile: StoredProfile = { id: randomUUID(), name, appId, createdAt: new Date().toISOString() };
      // The secret goes first: without a keychain nothing at all is written.
      await this.keychain.set(profile.id, appCertificate);
      const next: Metadata = {
        ...metadata,
        defaultProfileId: metadata.defaultProfileId ?? profile.id,
        profiles: [...metadata.profiles, profile],
      };
      try {
        await this.file.write(next);
      } catch (error) {
        await this.keychain.delete(profile.id).catch(() => undefined);
        throw error;
      }
      return view(profile, next);
    });
  }

  async rename(nameOrId: string, newName: string): Promise<Profile> {
    const { name } = parseInput(renameSchema, { name: newName });
    return this.exclusive(async () => {
      const metadata = await this.file.read();
      const profile = this.find(metadata, nameOrId);
      this.refuseDuplicate(metadata, name, profile.id);
      const renamed = { ...profile, name };
      const next = { ...metadata, profiles: metadata.profiles.map((p) => (p.id === profile.id ? renamed : p)) };
      await this.file.write(next);
      return view(renamed, next);
    });
  }

  async updateCertificate(nameOrId: string, appCertificate: string): Promise<Profile> {
    const certificate = parseInput(certificateSchema, { appCertificate }).appCertificate;
    return this.exclusive(async () => {
      const metadata = await this.file.read();
      const profile = this.find(metadata, nameOrId);
      await this.keychain.set(profile.id, certificate);
      return view(profile, metadata);
    });
  }

  /**
   * Deletes the keychain entry, then the metadata. A keychain entry that belongs to no
   * profile (an orphan reported by list()) can be removed by its account id.
   */
  remove(nameOrId: string): Promise<void> {
    return this.exclusive(async () => {
      const metadata = await this.file.read();
      const profile = findProfile(metadata.profiles, nameOrId);
      if (profile === undefined) {
        if (nameOrId !== PROBE_ACCOUNT && (await this.keychain.list()).includes(nameOrId)) {
          await this.keychain.delete(nameOrId);
          return;
        }
        throw notFound(nameOrId);
      }
      await this.keychain.delete(profile.id);
      await this.file.write({
        ...metadata,
        defaultProfileId: metadata.defaultProfileId === profile.id ? null : metadata.defaultProfileId,
        profiles: metadata.profiles.filter((p) => p.id !== profile.id),
      });
    });
  }

  setDefault(nameOrId: string): Promise<Profile> {
    return this.exclusive(async () => {
      const metadata = await this.file.read();
      const profile = this.find(metadata, nameOrId);
      const next = { ...metadata, defaultProfileId: profile.id };
      await this.file.write(next);
      return view(profile, next);
    });
  }

  getDefault(): Promise<Profile | undefined> {
    return this.exclusive(async () => {
      const metadata = await this.file.read();
      const profile = metadata.profiles.find((p) => p.id === metadata.defaultProfileId);
      return profile === undefined ? undefined : view(profile, metadata);
    });
  }

  /** The profile with this App ID (the default one first, when several share it). */
  findByAppId(appId: string): Promise<Profile | undefined> {
    return this.exclusive(async () => {
      const metadata = await this.file.read();
      const matches = metadata.profiles.filter((p) => p.appId.toLowerCase() === appId.trim().toLowerCase());
      const chosen = matches.find((p) => p.id === metadata.defaultProfileId) ?? matches[0];
      return chosen === undefined ? undefined : view(chosen, metadata);
    });
  }

  /** The App Certificate, for the main process and the CLI only: never send it to a renderer. */
  readCertificate(nameOrId: string): Promise<string> {
    return this.exclusive(async () => this.certificateOf(this.find(await this.file.read(), nameOrId)));
  }

  credentials(nameOrId: string): Promise<Credentials> {
    return this.exclusive(async () => {
      const profile = this.find(await this.file.read(), nameOrId);
      return { appId: profile.appId, appCertificate: await this.certificateOf(profile) };
    });
  }

  /** Whether secrets can be saved now: writes, reads back and deletes a throwaway entry. */
  async keychainStatus(): Promise<{ available: boolean; message?: string }> {
    try {
      await this.keychain.set(PROBE_ACCOUNT, 'probe');
      const back = await this.keychain.get(PROBE_ACCOUNT);
      await this.keychain.delete(PROBE_ACCOUNT);
      if (back !== 'probe') return { available: false, message: 'the keychain did not return what was saved in it' };
      return { available: true };
    } catch (error) {
      return { available: false, message: error instanceof Error ? error.message : String(error) };
    }
  }

  private async certificateOf(profile: StoredProfile): Promise<string> {
    const secret = await this.keychain.get(profile.id);
    if (secret === undefined) throw new TokenDeskError('missing_credentials', this.missingMessage(profile));
    return secret;
  }

  /** Metadata without a secret and secrets without metadata; nothing when the keychain is unreachable. */
  private async keychainProblems(metadata: Metadata): Promise<ProfileProblem[]> {
    try {
      return await this.compareWithKeychain(metadata);
    } catch (error) {
      // keychainStatus() tells the caller why; listing the metadata still works without it.
      if (error instanceof TokenDeskError && error.code === 'keychain_unavailable') return [];
      throw error;
    }
  }

  private async compareWithKeychain(metadata: Metadata): Promise<ProfileProblem[]> {
    const accounts = new Set((await this.keychain.list()).filter((account) => account !== PROBE_ACCOUNT));
    const problems: ProfileProblem[] = [];
    for (const profile of metadata.profiles) {
      // The search may skip an entry it could not read; ask for it by name before calling it missing.
      if (accounts.has(profile.id) || (await this.keychain.get(profile.id)) !== undefined) continue;
      problems.push({ kind: 'missing_certificate', message: this.missingMessage(profile), profileId: profile.id, profileName: profile.name });
    }
    const known = new Set(metadata.profiles.map((p) => p.id));
    for (const account of accounts) {
      if (known.has(account)) continue;
      problems.push({
        kind: 'orphan_certificate',
        message: `the keychain holds an App Certificate (service ${this.keychain.service}, account ${account}) that belongs to no profile; delete it with: agora-token-desk profile remove ${account}`,
        profileId: account,
      });
    }
    return problems;
  }

  private missingMessage(profile: StoredProfile): string {
    return `profile "${profile.name}" has no App Certificate in the keychain (service ${this.keychain.service}, account ${profile.id}); save it again with: agora-token-desk profile set-certificate ${quoteArg(profile.name)}`;
  }

  private find(metadata: Metadata, nameOrId: string): StoredProfile {
    const profile = findProfile(metadata.profiles, nameOrId);
    if (profile === undefined) throw notFound(nameOrId);
    return profile;
  }

  private refuseDuplicate(metadata: Metadata, name: string, exceptId?: string): void {
    if (metadata.profiles.some((p) => p.id !== exceptId && sameName(p.name, name))) {
      throw new TokenDeskError('profile_exists', `a profile named "${name}" already exists`, 'name');
    }
  }

  private exclusive<T>(operation: () => Promise<T>): Promise<T> {
    const result = this.queue.then(operation, operation);
    this.queue = result.catch(() => undefined);
    return result;
  }
}

function view(profile: StoredProfile, metadata: Metadata): Profile {
  return {
    id: profile.id,
    name: profile.name,
    appId: profile.appId,
    createdAt: profile.createdAt,
    isDefault: profile.id === metadata.defaultProfileId,
  };
}

function notFound(nameOrId: string): TokenDeskError {
  return new TokenDeskError('profile_not_found', `no profile named "${nameOrId}"`);
}


function quoteArg(value: string): string {
  return /^[\w.@%+=:,/-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;
}
