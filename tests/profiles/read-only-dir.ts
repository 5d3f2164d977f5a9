import { spawnSync } from 'node:child_process';
import { chmodSync } from 'node:fs';

/**
 * Makes a folder read-only for this process. chmod does not stop root, so as root the folder
 * is made immutable (chattr +i, which binds root too); returns undefined when that is not
 * possible here, so the caller can skip with a reason.
 */
export function makeReadOnly(dir: string): (() => void) | undefined {
  if (process.getuid?.() !== 0) {
    chmodSync(dir, 0o500);
    return () => chmodSync(dir, 0o700);
  }
  const set = spawnSync('chattr', ['+i', dir]);
  if (set.status !== 0) return undefined;
  return () => void spawnSync('chattr', ['-i', dir]);
}
