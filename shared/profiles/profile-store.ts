import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { TokenDeskError } from '../errors.js';
import { profileNameSchema } from '../contract/fields.js';
import { profileFields } from '../contract/views.js';
import { appCertificateSchema, appIdSchema, parseInput, type Credentials } from '../token/validation.js';
import { defaultDataDir } from './data-dir.js';
import { OsKeychain, type Keychain } from './keychain.js';
import { deleteEntries, saveEntries, swapCertificates } from './certificate-steps.js';
import {
  PROBE_ACCOUNT,
  accountOwner,
  compareWithKeychain,
  missingMessage,
  secondaryAccount,
  type ProfileProblem,
} from './keychain-problems.js';
import {
  CorruptMetadataError,
  MetadataFile,
  emptyMetadata,
  type Metadata,
  type StoredProfile,
} from './metadata-file.js';
import { withMetadataLock } from './metadata-lock.js';
import { findProfile, sameName } from './profile-name.js';
import { fillSecondaryFlags, lacksSecondaryFlags, withSecondaryFlag } from './secondary-flags.js';

export type { ProfileProblem } from './keychain-problems.js';

/** A saved project as every front end sees it (structurally ProfileView in shared/contract.ts). */
export interface Profile {
  id: string;
  name: string;
  appId: string;
  /** ISO 8601 time the profile was added. */
  createdAt: string;
  isDefault: boolean;
  /**
   * Whether a secondary certificate is saved, as recorded in profiles.json; undefined only for
   * a file from before the flag existed that list() could not yet fill in from the keychain.
   */
  hasSecondaryCertificate?: boolean;
}

/** Both certificates of a profile, for verification in the main process and the CLI only. */
export interface ProfileCertificates {
  appId: string;
  primary: string;
  secondary?: string;
}

export interface ProfileStoreOptions {
  /** The data folder holding profiles.json (default: defaultDataDir()). */
  home?: string;
  keychain?: Keychain;
}

// Objects, so that a bad value is reported with its field name (for inline form errors).
const addSchema = z.object({
  name: profileNameSchema,
  appId: appIdSchema,
  appCertificate: appCertificateSchema,
  secondaryCertificate: z.optional(appCertificateSchema),
});
const editSchema = z.object({ name: z.optional(profileNameSchema), appId: z.optional(appIdSchema) });
const certificateSchema = z.object({ appCertificate: appCertificateSchema });

type Change<T> = (metadata: Metadata, commit: (next: Metadata) => Promise<void>) => Promise<T>;

/**
 * Profiles: metadata in profiles.json, the App Certificates (primary, optional secondary)
 * only in the OS keychain under the profile's id. Every read-modify-write of profiles.json
 * runs under a cross-process lock and re-reads the file under it, so the CLI and the desktop
 * app never overwrite each other. Each change is ordered so that a failure at any step
 * leaves the previous state whole.
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

  /**
   * The profiles with their secondary flag from profiles.json, and what one keychain search
   * finds wrong (missing or orphan entries): never a keychain call per profile, except to
   * double-check an entry the search did not return.
   */
  list(): Promise<{ profiles: Profile[]; problems: ProfileProblem[] }> {
    return this.exclusive(async () => {
      let metadata = emptyMetadata();
      try {
        metadata = await this.file.read();
      } catch (error) {
        // Moved aside by read(); reported below with any earlier corrupt file.
        if (!(error instanceof CorruptMetadataError)) throw error;
      }
      const problems = (await this.file.corruptFiles()).map((path): ProfileProblem => ({
        kind: 'corrupt_metadata',
        message: MetadataFile.describeCorruptFile(path),
      }));
      const report = await compareWithKeychain(metadata, this.keychain);
      problems.push(...report.problems);
      if (report.withSecondary !== undefined)
        metadata = await this.recordSecondaryFlags(metadata, report.withSecondary);
      return { profiles: metadata.profiles.map((p) => view(p, metadata)), problems };
    });
  }

  get(nameOrId: string): Promise<Profile> {
    return this.exclusive(async () => {
      const metadata = await this.file.read();
      return view(this.find(metadata, nameOrId), metadata);
    });
  }

  /** The certificates go first, outside the lock: without a keychain nothing at all is written. */
  async add(input: {
    name: string;
    appId: string;
    appCertificate: string;
    secondaryCertificate?: string | undefined;
  }): Promise<Profile> {
    const { name, appId, appCertificate, secondaryCertificate } = parseInput(addSchema, input);
    return this.exclusive(async () => {
      this.refuseDuplicate(await this.file.read(), name);
      const profile: StoredProfile = {
        id: randomUUID(),
        name,
        appId,
        createdAt: new Date().toISOString(),
        hasSecondaryCertificate: secondaryCertificate !== undefined,
      };
      await this.keychain.set(profile.id, appCertificate);
      try {
        if (secondaryCertificate !== undefined)
          await this.keychain.set(secondaryAccount(profile.id), secondaryCertificate);
        return await this.locked(async (metadata, commit) => {
          this.refuseDuplicate(metadata, name);
          const next: Metadata = {
            ...metadata,
            defaultProfileId: metadata.defaultProfileId ?? profile.id,
            profiles: [...metadata.profiles, profile],
          };
          await commit(next);
          return view(profile, next);
        });
      } catch (error) {
        await this.deleteQuietly(profile.id);
        await this.deleteQuietly(secondaryAccount(profile.id));
        throw error;
      }
    });
  }

  rename(nameOrId: string, newName: string): Promise<Profile> {
    return this.edit(nameOrId, { name: newName });
  }

  /** Changes the name and/or the App ID; the certificates stay where they are. */
  async edit(nameOrId: string, changes: { name?: string | undefined; appId?: string | undefined }): Promise<Profile> {
    const { name, appId } = parseInput(editSchema, changes);
    return this.change(async (metadata, commit) => {
      const profile = this.find(metadata, nameOrId);
      if (name !== undefined) this.refuseDuplicate(metadata, name, profile.id);
      const edited = { ...profile, ...(name === undefined ? {} : { name }), ...(appId === undefined ? {} : { appId }) };
      const next = { ...metadata, profiles: metadata.profiles.map((p) => (p.id === profile.id ? edited : p)) };
      await commit(next);
      return view(edited, next);
    });
  }

  /** Replaces the primary certificate; the keychain replaces an entry in one step. */
  async updateCertificate(nameOrId: string, appCertificate: string): Promise<Profile> {
    const certificate = parseInput(certificateSchema, { appCertificate }).appCertificate;
    return this.change(async (metadata) => {
      const profile = this.find(metadata, nameOrId);
      await this.keychain.set(profile.id, certificate);
      return view(profile, metadata);
    });
  }

  async setSecondaryCertificate(nameOrId: string, appCertificate: string): Promise<Profile> {
    const certificate = parseInput(certificateSchema, { appCertificate }).appCertificate;
    return this.change(async (metadata, commit) => {
      const profile = this.find(metadata, nameOrId);
      await this.keychain.set(secondaryAccount(profile.id), certificate);
      return this.commitSecondaryFlag(metadata, profile, true, commit);
    });
  }

  /** True when there was a secondary certificate to delete. */
  removeSecondaryCertificate(nameOrId: string): Promise<boolean> {
    return this.change(async (metadata, commit) => {
      const profile = this.find(metadata, nameOrId);
      const deleted = await this.keychain.delete(secondaryAccount(profile.id));
      await this.commitSecondaryFlag(metadata, profile, false, commit);
      return deleted;
    });
  }

  /**
   * Swaps the certificates after the user switched them in Agora's console: the secondary
   * becomes the primary and the former primary stays as the secondary (tokens it signed still
   * verify) until it is removed. A failed second step puts the first back.
   */
  rotate(nameOrId: string): Promise<Profile> {
    return this.change(async (metadata, commit) => {
      const profile = this.find(metadata, nameOrId);
      await swapCertificates(this.keychain, profile, await this.certificateOf(profile));
      return this.commitSecondaryFlag(metadata, profile, true, commit);
    });
  }

  /**
   * Removes the profile from profiles.json first, then its certificates; if deleting them
   * fails, the certificates already deleted and the metadata are put back. (Interrupted in
   * between, an orphan entry is left, which list() reports and remove() deletes: never a
   * profile without its certificate.) An entry that belongs to no profile is removed by its
   * account id.
   */
  remove(nameOrId: string): Promise<void> {
    return this.change(async (metadata, commit) => {
      const profile = findProfile(metadata.profiles, nameOrId);
      if (profile === undefined) return this.removeOrphan(metadata, nameOrId);
      const saved = await saveEntries(this.keychain, profile.id);
      await commit({
        ...metadata,
        defaultProfileId: metadata.defaultProfileId === profile.id ? null : metadata.defaultProfileId,
        profiles: metadata.profiles.filter((p) => p.id !== profile.id),
      });
      try {
        await deleteEntries(this.keychain, saved);
      } catch (error) {
        await commit(metadata);
        throw error;
      }
    });
  }

  setDefault(nameOrId: string): Promise<Profile> {
    return this.change(async (metadata, commit) => {
      const profile = this.find(metadata, nameOrId);
      const next = { ...metadata, defaultProfileId: profile.id };
      await commit(next);
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

  /** Both certificates, so verification can try each and say which one signed. Never for a renderer. */
  certificates(nameOrId: string): Promise<ProfileCertificates> {
    return this.exclusive(async () => {
      const profile = this.find(await this.file.read(), nameOrId);
      const primary = await this.certificateOf(profile);
      const secondary = await this.keychain.get(secondaryAccount(profile.id));
      return secondary === undefined ? { appId: profile.appId, primary } : { appId: profile.appId, primary, secondary };
    });
  }

  /** Whether a secondary certificate is saved: the flag in profiles.json, the keychain for an old file. */
  hasSecondaryCertificate(nameOrId: string): Promise<boolean> {
    return this.exclusive(async () => {
      const profile = this.find(await this.file.read(), nameOrId);
      if (profile.hasSecondaryCertificate !== undefined) return profile.hasSecondaryCertificate;
      return (await this.keychain.get(secondaryAccount(profile.id))) !== undefined;
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

  /** Writes the secondary flag after the keychain changed (an unchanged file is not rewritten). */
  private async commitSecondaryFlag(
    metadata: Metadata,
    profile: StoredProfile,
    flag: boolean,
    commit: (next: Metadata) => Promise<void>,
  ): Promise<Profile> {
    const next = withSecondaryFlag(metadata, profile.id, flag);
    if (profile.hasSecondaryCertificate !== flag) await commit(next);
    return view({ ...profile, hasSecondaryCertificate: flag }, next);
  }

  /**
   * A file from before the flag existed gets it from the keychain search once, written back
   * under the lock; a folder that cannot be written still lists, with the flags found now.
   */
  private async recordSecondaryFlags(metadata: Metadata, withSecondary: Set<string>): Promise<Metadata> {
    if (!lacksSecondaryFlags(metadata)) return metadata;
    try {
      return await this.locked(async (current, commit) => {
        const next = fillSecondaryFlags(current, withSecondary);
        await commit(next);
        return next;
      });
    } catch {
      return fillSecondaryFlags(metadata, withSecondary);
    }
  }

  private async removeOrphan(metadata: Metadata, account: string): Promise<void> {
    const owned = new Set(metadata.profiles.map((p) => p.id));
    if (
      account === PROBE_ACCOUNT ||
      owned.has(accountOwner(account)) ||
      !(await this.keychain.list()).includes(account)
    ) {
      throw notFound(account);
    }
    await this.keychain.delete(account);
  }

  private async certificateOf(profile: StoredProfile): Promise<string> {
    const secret = await this.keychain.get(profile.id);
    if (secret === undefined)
      throw new TokenDeskError('missing_credentials', missingMessage(profile, this.keychain.service));
    return secret;
  }

  private async deleteQuietly(account: string): Promise<void> {
    await this.keychain.delete(account).catch(() => false);
  }

  /** A read-modify-write of profiles.json under the cross-process lock, re-reading under it. */
  private change<T>(operation: Change<T>): Promise<T> {
    return this.exclusive(() => this.locked(operation));
  }

  private async locked<T>(operation: Change<T>): Promise<T> {
    await this.file.ensureDir();
    return withMetadataLock(this.home, async (check) => {
      const metadata = await this.file.read();
      return operation(metadata, async (next) => {
        check();
        await this.file.write(next);
      });
    });
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
  const fields = profileFields({ ...profile, isDefault: profile.id === metadata.defaultProfileId });
  const { hasSecondaryCertificate } = profile;
  return hasSecondaryCertificate === undefined ? fields : { ...fields, hasSecondaryCertificate };
}

function notFound(nameOrId: string): TokenDeskError {
  return new TokenDeskError('profile_not_found', `no profile named "${nameOrId}"`);
}
