import { randomBytes } from 'node:crypto';
import { mkdir, rename, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { inDataFolder } from './data-folder-error.js';

/**
 * Writes `value` as JSON to `name` in the data folder atomically: a private temporary file
 * beside it (unique to this process), renamed over the old one, so a reader (the other app,
 * a crash) sees the old file or the new one, never half of one. Creates the folder (private
 * to the user) when needed; failures are dataFolderError's.
 */
export async function writeJsonFile(dir: string, name: string, value: unknown): Promise<void> {
  const temp = join(dir, `.${name}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  await inDataFolder(dir, async () => {
    await mkdir(dir, { recursive: true, mode: 0o700 });
    try {
      await writeFile(temp, `${JSON.stringify(value, null, 2)}\n`, { mode: 0o600, flag: 'wx' });
      await rename(temp, join(dir, name));
    } catch (error) {
      await unlink(temp).catch(() => undefined);
      throw error;
    }
  });
}
