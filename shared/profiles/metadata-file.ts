import { mkdir, open, readdir, rename } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { TokenDeskError } from '../errors.js';
import { appIdSchema } from '../token/validation.js';
import { inDataFolder } from './data-folder-error.js';
import { writeJsonFile } from './json-file-write.js';

export const METADATA_FILE = 'profiles.json';
const CORRUPT_PREFIX = `${METADATA_FILE}.corrupt-`;

/**
 * Far above any real file (a profile takes about 200 bytes), and small enough that a damaged
 * or hostile file is refused before it is parsed.
 */
export const MAX_METADATA_BYTES = 1024 * 1024;

const storedProfileSchema = z
  .object({
    id: z.string().min(1),
    name: z.string().min(1),
    appId: appIdSchema,
    createdAt: z.string().refine((value) => !Number.isNaN(Date.parse(value))),
    /**
     * Whether a secondary certificate is saved in the keychain, kept here so listing profiles
     * never asks the keychain per profile. Absent in files written before it existed: list()
     * fills it in from one keychain search.
     */
    hasSecondaryCertificate: z.boolean().optional(),
  })
  // Deliberately no certificate field: the file holds metadata only, and .strict()
  // refuses a file that carries anything else per profile.
  .strict();

const headerSchema = z.object({
  version: z.literal(1),
  defaultProfileId: z.string().nullable(),
  profiles: z.array(z.unknown()),
});

export type StoredProfile = z.infer<typeof storedProfileSchema>;
export interface Metadata {
  version: 1;
  defaultProfileId: string | null;
  profiles: StoredProfile[];
}

export const emptyMetadata = (): Metadata => ({ version: 1, defaultProfileId: null, profiles: [] });

/** A corrupt profiles.json, already moved aside when this is thrown. */
export class CorruptMetadataError extends TokenDeskError {
  constructor(
    readonly movedTo: string,
    reason: string,
  ) {
    super('profile_store_corrupt', corruptMessage(movedTo, reason));
  }
}

function corruptMessage(movedTo: string, reason: string): string {
  return `profiles.json could not be read (${reason}); it was moved to ${movedTo} and the profiles in it are not loaded: add them again, then delete that file`;
}

/**
 * profiles.json in the data folder: read with validation, written atomically (a temporary
 * file renamed over it), and moved aside, never deleted, when it cannot be read.
 * File-system failures on the folder are TokenDeskError('data_folder_unusable').
 */
export class MetadataFile {
  readonly path: string;

  constructor(readonly dir: string) {
    this.path = join(dir, METADATA_FILE);
  }

  /** The stored metadata; an absent file is an empty store. Throws CorruptMetadataError. */
  async read(): Promise<Metadata> {
    const text = await inDataFolder(this.dir, () => this.readCapped());
    if (text === undefined) return emptyMetadata();
    const parsed = parseMetadata(text);
    if (typeof parsed !== 'string') return parsed;
    throw new CorruptMetadataError(await inDataFolder(this.dir, () => this.moveAside()), parsed);
  }

  /** Creates the data folder (private to the user) when it does not exist yet. */
  async ensureDir(): Promise<void> {
    await inDataFolder(this.dir, () => mkdir(this.dir, { recursive: true, mode: 0o700 }));
  }

  write(metadata: Metadata): Promise<void> {
    return writeJsonFile(this.dir, METADATA_FILE, metadata);
  }

  /** Earlier corrupt files still lying beside profiles.json, oldest first. */
  async corruptFiles(): Promise<string[]> {
    return inDataFolder(this.dir, async () => {
      try {
        const names = await readdir(this.dir);
        return names
          .filter((name) => name.startsWith(CORRUPT_PREFIX))
          .sort()
          .map((name) => join(this.dir, name));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
        throw error;
      }
    });
  }

  static describeCorruptFile(path: string): string {
    return corruptMessage(path, 'it was not valid profile metadata');
  }

  /** The file's text, undefined when absent; one byte over the cap is read, never more. */
  private async readCapped(): Promise<string | undefined> {
    let handle;
    try {
      handle = await open(this.path, 'r');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
    try {
      const buffer = Buffer.alloc(MAX_METADATA_BYTES + 1);
      let length = 0;
      while (length < buffer.length) {
        const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
        if (bytesRead === 0) break;
        length += bytesRead;
      }
      return buffer.toString('utf8', 0, length);
    } finally {
      await handle.close();
    }
  }

  private async moveAside(): Promise<string> {
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    const target = `${this.path}.corrupt-${stamp}`;
    await rename(this.path, target);
    return target;
  }
}

/** The metadata in the text, or why it is not valid metadata: the first problem only. */
export function parseMetadata(text: string): Metadata | string {
  if (Buffer.byteLength(text) > MAX_METADATA_BYTES) return `it is larger than ${MAX_METADATA_BYTES / 1024 / 1024} MiB`;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return 'it is not valid JSON';
  }
  const header = headerSchema.safeParse(value);
  if (!header.success) return `unexpected content at ${header.error.issues[0]?.path.join('.') || 'the top level'}`;
  const profiles: StoredProfile[] = [];
  // One element at a time, stopping at the first bad one: validating a huge array in one go
  // would record an issue per element.
  for (const [index, element] of header.data.profiles.entries()) {
    const profile = storedProfileSchema.safeParse(element);
    if (!profile.success) return `unexpected content at profiles.${index}${issuePath(profile.error.issues[0]?.path)}`;
    profiles.push(profile.data);
  }
  const metadata: Metadata = { version: 1, defaultProfileId: header.data.defaultProfileId, profiles };
  return duplicateProblem(metadata) ?? metadata;
}

function issuePath(path: readonly PropertyKey[] | undefined): string {
  return path === undefined || path.length === 0 ? '' : `.${path.map(String).join('.')}`;
}

function duplicateProblem(metadata: Metadata): string | undefined {
  const ids = new Set(metadata.profiles.map((p) => p.id));
  const names = new Set(metadata.profiles.map((p) => p.name.toLowerCase()));
  if (ids.size !== metadata.profiles.length) return 'two profiles share an id';
  if (names.size !== metadata.profiles.length) return 'two profiles share a name';
  return undefined;
}
