import { availableParallelism } from 'node:os';
import { TokenDeskError } from '../../shared/errors.js';

/** Beyond this, more processes only add memory and context switches, whatever the machine. */
export const MAX_WORKERS = 128;

/**
 * `--workers N|auto`, else WORKERS, else 1. `auto` is the CPUs this process may use
 * (os.availableParallelism); in a container whose CPU limit is below the host's core
 * count, name the number instead.
 */
export function resolveWorkerCount(flag: string | undefined, env: Record<string, string | undefined>): number {
  const [source, raw] =
    flag !== undefined ? ['--workers', flag] : env['WORKERS'] ? ['WORKERS', env['WORKERS']] : ['default', '1'];
  const value = raw.trim().toLowerCase();
  if (value === 'auto') return Math.min(availableParallelism(), MAX_WORKERS);
  const count = /^\d{1,4}$/.test(value) ? Number(value) : Number.NaN;
  if (!(count >= 1 && count <= MAX_WORKERS))
    throw new TokenDeskError(
      'invalid_input',
      `${source} must be a whole number from 1 to ${MAX_WORKERS}, or auto (one per CPU), not "${raw}"`,
      'workers',
    );
  return count;
}
