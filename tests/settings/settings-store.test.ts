import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createSettingsHandlers } from '../../shared/app/settings-handlers.js';
import { DEFAULT_SETTINGS, type Settings } from '../../shared/contract/settings.js';
import { SETTINGS_FILE, SettingsStore, settingsFromFile } from '../../shared/settings/settings-store.js';

const homes: string[] = [];
function home(): string {
  const dir = mkdtempSync(join(tmpdir(), 'atd-settings-'));
  homes.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of homes) rmSync(dir, { recursive: true, force: true });
});

const readJson = (dir: string): unknown => JSON.parse(readFileSync(join(dir, SETTINGS_FILE), 'utf8'));

describe('SettingsStore', () => {
  it('gives the defaults without a file, and writes nothing until something changes', async () => {
    const dir = home();
    expect(await new SettingsStore(dir).get()).toEqual(DEFAULT_SETTINGS);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('writes a change atomically, announces it once, and a new store (next launch) reads it back', async () => {
    const dir = home();
    const store = new SettingsStore(dir);
    const seen: Settings[] = [];
    store.on('settings:changed', (settings) => seen.push(settings));
    const next = await store.set({ theme: 'dark', defaultPort: 9400 });
    expect(next).toEqual({ ...DEFAULT_SETTINGS, theme: 'dark', defaultPort: 9400 });
    expect(seen).toEqual([next]);
    expect(readJson(dir)).toEqual(next);
    // No temporary file is left beside it.
    expect(readdirSync(dir)).toEqual([SETTINGS_FILE]);
    await store.set({ theme: 'dark' });
    expect(seen).toHaveLength(1);
    expect(await new SettingsStore(dir).get()).toEqual(next);
  });

  it('applies quick changes one after the other, losing none', async () => {
    const dir = home();
    const store = new SettingsStore(dir);
    await Promise.all([
      store.set({ timeDisplay: 'utc' }),
      store.set({ startServerAtLaunch: true }),
      store.set({ keepServerRunningOnClose: true }),
    ]);
    expect(await new SettingsStore(dir).get()).toMatchObject({
      timeDisplay: 'utc',
      startServerAtLaunch: true,
      keepServerRunningOnClose: true,
    });
  });

  it('keeps each valid field of a damaged file and defaults the rest', async () => {
    expect(settingsFromFile({ theme: 'light', defaultPort: 'eighty', timeDisplay: 'mars', extra: 1 })).toEqual({
      ...DEFAULT_SETTINGS,
      theme: 'light',
    });
    expect(settingsFromFile([1, 2])).toEqual(DEFAULT_SETTINGS);
    const dir = home();
    writeFileSync(join(dir, SETTINGS_FILE), '{ not json');
    expect(await new SettingsStore(dir).get()).toEqual(DEFAULT_SETTINGS);
  });

  it('says the data folder cannot be used when the file cannot be written', async () => {
    const dir = home();
    const blocked = join(dir, 'file-not-folder');
    writeFileSync(blocked, 'x');
    await expect(new SettingsStore(blocked).set({ theme: 'dark' })).rejects.toMatchObject({
      code: 'data_folder_unusable',
    });
  });
});

describe('settings IPC handlers', () => {
  it('parse the patch once: unknown fields and bad values are refused with the field named', async () => {
    const handlers = createSettingsHandlers(new SettingsStore(home()));
    expect(await handlers['settings:set']({ theme: 'dark', timeDisplay: 'unix' })).toMatchObject({
      ok: true,
      value: { theme: 'dark', timeDisplay: 'unix' },
    });
    expect(await handlers['settings:set']({ certificate: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
    expect(await handlers['settings:set']({ defaultPort: 0 })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', field: 'defaultPort' },
    });
    expect(await handlers['settings:set']({ defaultExpirySeconds: 1.5 })).toMatchObject({
      ok: false,
      error: { field: 'defaultExpirySeconds' },
    });
    expect(await handlers['settings:get'](undefined)).toMatchObject({ ok: true, value: { theme: 'dark' } });
  });
});
