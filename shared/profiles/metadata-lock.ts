import { join } from 'node:path';
import { lock, type LockOptions } from 'proper-lockfile';
import { TokenDeskError } from '../errors.js';
import { inDataFolder } from './data-folder-error.js';
import { METADATA_FILE } from './metadata-file.js';

export const LOCK_NAME = `${METADATA_FILE}.lock`;

// A holder that stops refreshing the lock for this long (a killed process) loses it.
const STALE_MS = 15_000;
// Writers wait for each other; the wait is bounded (about two minutes) but generous, since a
// keychain call inside the lock can be slow on a busy machine.
const ATTEMPTS = 150;
const MAX_DELAY_MS = 1_000;

/** proper-lockfile's own retries would also retry EACCES or ENOSPC; only a held lock is worth waiting for. */
async function acquire(dir: string, options: LockOptions): Promise<() => Promise<void>> {
  for (let attempt = 0; ; attempt += 1) {
    try {
      return await lock(dir, options);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ELOCKED' || attempt >= ATTEMPTS) throw error;
      const delay = Math.min(MAX_DELAY_MS, 20 * 1.3 ** attempt) * (0.5 + Math.random());
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
}

/**
 * Runs `operation` holding the cross-process lock on profiles.json in `dir` (which must exist),
 * so the CLI and the desktop app never overwrite each other's changes. The lock is a folder
 * beside profiles.json, refreshed while held and taken over when its holder died.
 */
export async function withMetadataLock<T>(dir: string, operation: (check: () => void) => Promise<T>): Promise<T> {
  let lost: Error | undefined;
  const release = await inDataFolder(dir, () =>
    acquire(dir, {
      lockfilePath: join(dir, LOCK_NAME),
      realpath: false,
      stale: STALE_MS,
      onCompromised: (error) => {
        lost = error;
      },
    }),
  ).catch((error: unknown) => {
    if ((error as NodeJS.ErrnoException).code === 'ELOCKED') {
      throw new TokenDeskError(
        'data_folder_unusable',
        `profiles.json in ${dir} stayed locked by another agora-token-desk process; try again when it has finished`,
      );
    }
    throw error;
  });
  // Called before each write: a lock taken over by another process must not be written under.
  const check = (): void => {
    if (lost !== undefined) {
      throw new TokenDeskError(
        'data_folder_unusable',
        `lost the lock on profiles.json in ${dir} (${lost.message}); check the profiles with agora-token-desk profile list and try again`,
      );
    }
  };
  try {
    return await operation(check);
  } finally {
    await release().catch(() => undefined);
  }
}
