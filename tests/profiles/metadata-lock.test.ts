import { mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LOCK_NAME, withMetadataLock } from '../../shared/profiles/metadata-lock.js';
import { tempHome } from './keychain-env.js';

describe('withMetadataLock (proper-lockfile beside profiles.json)', () => {
  const cleanups: Array<() => void> = [];
  afterEach(() => cleanups.splice(0).forEach((cleanup) => cleanup()));
  const fresh = (): string => {
    const { home, cleanup } = tempHome('atd-lock');
    cleanups.push(cleanup);
    return home;
  };

  it('runs operations one at a time, the second only after the first released the lock', async () => {
    const dir = fresh();
    const events: string[] = [];
    let releaseFirst!: () => void;
    const firstHolds = new Promise<void>((resolve) => (releaseFirst = resolve));
    let firstStarted!: () => void;
    const started = new Promise<void>((resolve) => (firstStarted = resolve));
    const first = withMetadataLock(dir, async () => {
      events.push('first in');
      firstStarted();
      await firstHolds;
      events.push('first out');
    });
    await started;
    const second = withMetadataLock(dir, async () => {
      events.push('second in');
    });
    // Unlocked, the second would run within a turn or two of the event loop; give it many.
    for (let turn = 0; turn < 50; turn += 1) await new Promise((resolve) => setImmediate(resolve));
    expect(events).toEqual(['first in']);
    releaseFirst();
    await Promise.all([first, second]);
    expect(events).toEqual(['first in', 'first out', 'second in']);
  });

  it('takes over a lock left by a process that died (stale: not refreshed for a while)', async () => {
    const dir = fresh();
    const lock = join(dir, LOCK_NAME);
    mkdirSync(lock);
    const longAgo = new Date(Date.now() - 60_000);
    utimesSync(lock, longAgo, longAgo);
    expect(await withMetadataLock(dir, async () => 'ran')).toBe('ran');
  });

  it('fails at once, with the data folder error, when the lock cannot be created', async () => {
    const dir = fresh();
    writeFileSync(join(dir, 'file'), '');
    const error = await withMetadataLock(join(dir, 'file'), async () => 'never').catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'data_folder_unusable' });
    expect((error as Error).message).toMatch(/^the data folder .*file cannot be used \(ENOTDIR: /);
  });
});
