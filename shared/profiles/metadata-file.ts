import { randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rename, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { TokenDeskError } from '../errors.js';
import { appIdSchema } from '../token/validation.js';

export const METADATA_FILE = 'profiles.json';
const CORRUPT_PREFIX = `${METADATA_FILE}.corrupt-`;

const storedProfileSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  appId: appIdSchema,
  createdAt: z.string().refine((value) => !Number.isNaN(Date.parse(value))),
});

// Deliberately no certificate field: the file holds metadata only, and .strict()
// refuses a file that carries anything else per profile.
const metadataSchema = z.object({
  version: z.literal(1),
  defaultProfileId: z.string().nullable(),
  profiles: z.array(storedProfileSchema.strict()),
});

export type StoredProfile = z.infer<typeof storedProfileSchema>;
export type Metadata = z.infer<typeof metadataSchema>;

export const emptyMetadata = (): Metadata => ({ version: 1, defaultProfileId: null, profiles: [] });

/** A corrupt profiles.json, already moved aside when this is thrown. */
export class CorruptMetadataError extends TokenDeskError {
  constructor(readonly movedTo: string, reason: string) {
    super('profile_store_corrupt', corruptMessage(movedTo, reason));
  }
}

function corruptMessage(movedTo: string, reason: string): string {
  return `profiles.json could not be read (${reason}); it was moved to ${movedTo} and the profiles in it are not loaded: add them again, then delete that file`;
}

/**
 * profiles.json in the data folder: read with validation, written atomically (a temporary
 * file renamed over it), and moved aside, never deleted, when it cannot be read.
 */
export class MetadataFile {
  readonly path: string;

  constructor(readonly dir: string) {
    this.path = join(dir, METADATA_FILE);
  }

  /** The stored metadata; an absent file is an empty store. Throws CorruptMetadataError. */
  async read(): Promise<Metadata> {
    let text: string;
    try {
      text = await readFile(this.path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return emptyMetadata();
      throw error;
    }
    const reason = problemWith(text);
    if (reason === undefined) return metadataSchema.parse(JSON.parse(text));
    throw new CorruptMetadataError(await this.moveAside(), reason);
  }

  async write(metadata: Metadata): Promise<void> {
    await mkdir(this.dir, { recursive: true, mode: 0o700 });
    const temp = join(this.dir, `.${METADATA_FILE}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
    try {
      await writeFile(temp, `${JSON.stringify(metadata, null, 2)}\n`, { mode: 0o600, flag: 'wx' });
      await rename(temp, this.path);
    } catch (error) {
      await unlink(temp).catch(() => undefined);
      throw error;
    }
  }

  /** Earlier corrupt files still lying beside profiles.json, oldest first. */
  async corruptFiles(): Promise<string[]> {
    try {
      const names = await readdir(this.dir);
      return names.filter((name) => name.startsWith(CORRUPT_PREFIX)).sort().map((name) => join(this.dir, name));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
  }

  static describeCorruptFile(path: string): string {
    return corruptMessage(path, 'it was not valid profile metadata');
  }

  private async moveAside(): Promise<string> {
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    const target = `${this.path}.corrupt-${stamp}`;
    await rename(this.path, target);
    return target;
  }
}

/** Why the text is not valid metadata, or undefined when it is. */
function problemWith(text: string): string | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return 'it is not valid JSON';
  }
  const result = metadataSchema.safeParse(value);
  if (result.success) return duplicateProblem(result.data);
  const issue = result.error.issues[0];
  return `unexpected content at ${issue?.path.join('.') || 'the top level'}`;
}

function duplicateProblem(metadata: Metadata): string | undefined {
  const ids = new Set(metadata.profiles.map((p) => p.id));
  const names = new Set(metadata.profiles.map((p) => p.name.toLowerCase()));
  if (ids.size !== metadata.profiles.length) return 'two profiles share an id';
  if (names.size !== metadata.profiles.length) return 'two profiles share a name';
  return undefined;
}
