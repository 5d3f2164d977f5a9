import { join } from 'node:path';
import { lock } from 'proper-lockfile';
import { TokenDeskError } from '../errors.js';
import { inDataFolder } from './data-folder-error.js';
import { METADATA_FILE } from './metadata-file.js';

export const LOCK_NAME = `${METADATA_FILE}.lock`;

// A holder that stops refreshing the lock for this long (a killed process) loses it.
const STALE_MS = 15_000;
// Writers wait for each other; the wait is bounded (about two minutes) but generous, since a
// keychain call inside the lock can be slow on a busy machine.
const RETRIES = { retries: 120, factor: 1.3, minTimeout: 20, maxTimeout: 1_000, randomize: true };

/**
 * Runs `operation` holding the cross-process lock on profiles.json in `dir` (which must exist),
 * so the CLI and the desktop app never overwrite each other's changes. The lock is a folder
 * beside profiles.json, refreshed while held and taken over when its holder died.
 */
export async function withMetadataLock<T>(dir: string, operation: (check: () => void) => Promise<T>): Promise<T> {
  let lost: Error | undefined;
  const release = await inDataFolder(dir, () =>
    lock(dir, {
      lockfilePath: join(dir, LOCK_NAME),
      realpath: false,
      stale: STALE_MS,
      retries: RETRIES,
      onCompromised: (error) => {
        lost = error;
      },
    }),
  ).catch((error: unknown) => {
    if ((error as NodeJS.ErrnoException).code === 'ELOCKED') {
      throw new TokenDeskError('data_folder_unusable', `profiles.json in ${dir} stayed locked by another agora-token-desk process; try again when it has finished`);
    }
    throw error;
  });
  // Called before each write: a lock taken over by another process must not be written under.
  const check = (): void => {
    if (lost !== undefined) {
      throw new TokenDeskError('data_folder_unusable', `lost the lock on profiles.json in ${dir} (${lost.message}); nothing was changed, try again`);
    }
  };
  try {
    return await operation(check);
  } finally {
    await release().catch(() => undefined);
  }
}
