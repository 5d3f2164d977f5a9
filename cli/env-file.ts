import { readFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { join } from 'node:path';
import { parseEnv } from 'node:util';
import { TokenDeskError } from '../shared/errors.js';

/**
 * The process environment over a `.env` file in the working directory, the way
 * agora-token-service reads its configuration: variables already set win.
 */
export function loadEnvironment(cwd: string, env: NodeJS.ProcessEnv): Record<string, string | undefined> {
  let fromFile: Record<string, string> = {};
  try {
    fromFile = parseEnv(readFileSync(join(cwd, '.env'), 'utf8')) as Record<string, string>;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  return { ...fromFile, ...env };
}

// A .env file is a few lines; anything larger is not one.
const MAX_ENV_FILE_BYTES = 256 * 1024;

/** The variables of a named .env file (for `profile import`); one clear line when it cannot be read. */
export async function readEnvFile(path: string): Promise<Record<string, string>> {
  let text: string;
  try {
    const handle = await open(path, 'r');
    try {
      const buffer = Buffer.alloc(MAX_ENV_FILE_BYTES + 1);
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
      if (bytesRead > MAX_ENV_FILE_BYTES)
        throw new TokenDeskError('invalid_input', `${path} is larger than a .env file can be (256 KiB)`);
      text = buffer.toString('utf8', 0, bytesRead);
    } finally {
      await handle.close();
    }
  } catch (error) {
    if (error instanceof TokenDeskError) throw error;
    const code = (error as NodeJS.ErrnoException).code ?? 'unknown error';
    throw new TokenDeskError('invalid_input', `cannot read ${path} (${code})`);
  }
  return parseEnv(text) as Record<string, string>;
}
