import { EventEmitter } from 'node:events';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod/mini';
import { DEFAULT_SETTINGS, settingsSchema, type Settings, type SettingsPatch } from '../contract/settings.js';
import { defaultDataDir } from '../profiles/data-dir.js';
import { writeJsonFile } from '../profiles/json-file-write.js';

export const SETTINGS_FILE = 'settings.json';

/** Far above a real file (about 200 bytes): anything larger is not ours and is ignored. */
const MAX_SETTINGS_BYTES = 64 * 1024;

/**
 * Whole settings from whatever the file holds: each field that is valid is kept, every other
 * field (missing, damaged, from a newer version) takes its default. A preference must never
 * stop the app from starting.
 */
export function settingsFromFile(value: unknown): Settings {
  const settings: Settings = { ...DEFAULT_SETTINGS };
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return settings;
  const record = value as Record<string, unknown>;
  const shape = settingsSchema.def.shape;
  for (const key of Object.keys(shape) as Array<keyof Settings>) {
    const parsed = z.safeParse(shape[key], record[key]);
    if (parsed.success) (settings as Record<keyof Settings, unknown>)[key] = parsed.data;
  }
  return settings;
}

export interface SettingsStoreEvents {
  'settings:changed': [Settings];
}

/**
 * settings.json in the data folder: read once, then served from memory; every change is
 * written atomically (a temporary file renamed over it) and announced with 'settings:changed'.
 * Changes are applied one at a time, so two quick edits never undo each other.
 */
export class SettingsStore extends EventEmitter<SettingsStoreEvents> {
  readonly path: string;
  private current: Settings | undefined;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(readonly home: string = defaultDataDir()) {
    super();
    this.path = join(home, SETTINGS_FILE);
  }

  get(): Promise<Settings> {
    return this.exclusive(() => this.load());
  }

  /** Applies an already-parsed patch; resolves to the settings now in force. */
  set(patch: SettingsPatch): Promise<Settings> {
    return this.exclusive(async () => {
      const before = await this.load();
      const next = settingsSchema.parse({ ...before, ...definedFields(patch) });
      if (sameSettings(before, next)) return before;
      await this.write(next);
      this.current = next;
      this.emit('settings:changed', next);
      return next;
    });
  }

  private async load(): Promise<Settings> {
    if (this.current === undefined) this.current = settingsFromFile(await this.readFile());
    return this.current;
  }

  private async readFile(): Promise<unknown> {
    let text: string;
    try {
      text = await readFile(this.path, 'utf8');
    } catch {
      // Absent or unreadable: the defaults; a folder that cannot be written says so on set().
      return undefined;
    }
    if (text.length > MAX_SETTINGS_BYTES) return undefined;
    try {
      return JSON.parse(text) as unknown;
    } catch {
      return undefined;
    }
  }

  private write(settings: Settings): Promise<void> {
    return writeJsonFile(this.home, SETTINGS_FILE, settings);
  }

  private exclusive<T>(operation: () => Promise<T>): Promise<T> {
    const result = this.queue.then(operation, operation);
    this.queue = result.catch(() => undefined);
    return result;
  }
}

function definedFields(patch: SettingsPatch): Partial<Settings> {
  return Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined)) as Partial<Settings>;
}

function sameSettings(a: Settings, b: Settings): boolean {
  return (Object.keys(a) as Array<keyof Settings>).every((key) => a[key] === b[key]);
}
