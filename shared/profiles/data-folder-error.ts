import { TokenDeskError } from '../errors.js';
import { HOME_ENV_VAR } from './data-dir.js';

// What each file-system failure means for the user, and what to do about it.
const CAUSES: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'it is on a read-only file system',
  ENOTDIR: 'a part of its path is a file, not a folder',
  EISDIR: 'a folder is where a file is expected',
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is used up',
  EEXIST: 'a file is in the way',
  ELOOP: 'its path loops through symbolic links',
  ENAMETOOLONG: 'its path is too long',
};

/** The system error code of a Node file-system failure, if it is one. */
function errnoCode(error: unknown): string | undefined {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return typeof code === 'string' ? code : undefined;
}

/**
 * A file-system failure on the data folder as one line that names the folder and says what
 * to do; any other error is returned unchanged. The CLI maps the code to exit 3.
 */
export function dataFolderError(dir: string, error: unknown): unknown {
  if (error instanceof TokenDeskError) return error;
  const code = errnoCode(error);
  const cause = code === undefined ? undefined : CAUSES[code];
  if (cause === undefined) return error;
  return new TokenDeskError(
    'data_folder_unusable',
    `the data folder ${dir} cannot be used (${code}: ${cause}): make it a folder you can write to, or set ${HOME_ENV_VAR} to one`,
  );
}

/** Runs a file-system step on the data folder, turning its failures into dataFolderError. */
export async function inDataFolder<T>(dir: string, step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (error) {
    throw dataFolderError(dir, error);
  }
}
