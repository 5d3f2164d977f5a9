import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { TokenDeskError } from '../../shared/errors.js';
import { writeJsonFile } from '../../shared/profiles/json-file-write.js';

// The one atomic write behind profiles.json (MetadataFile) and settings.json (SettingsStore).
describe('writeJsonFile', () => {
  const roots: string[] = [];
  const root = () => {
    const dir = mkdtempSync(join(tmpdir(), 'atd-json-write-'));
    roots.push(dir);
    return dir;
  };
  afterEach(() => {
    for (const dir of roots.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('creates the folder, writes indented JSON private to the user, and leaves no temporary file', async () => {
    const dir = join(root(), 'data');
    await writeJsonFile(dir, 'settings.json', { theme: 'dark' });
    await writeJsonFile(dir, 'settings.json', { theme: 'light' });
    expect(readFileSync(join(dir, 'settings.json'), 'utf8')).toBe('{\n  "theme": "light"\n}\n');
    expect(readdirSync(dir)).toEqual(['settings.json']);
    if (process.platform !== 'win32') {
      expect(statSync(join(dir, 'settings.json')).mode & 0o777).toBe(0o600);
      expect(statSync(dir).mode & 0o777).toBe(0o700);
    }
  });

  it('a folder that cannot be made is a data_folder_unusable error naming it', async () => {
    const base = root();
    writeFileSync(join(base, 'file'), '');
    const dir = join(base, 'file', 'data');
    const error = await writeJsonFile(dir, 'profiles.json', {}).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TokenDeskError);
    expect(error).toMatchObject({ code: 'data_folder_unusable' });
    expect((error as Error).message).toContain(dir);
  });

  it('a write that fails after the temporary file was made removes it and keeps what was there', async () => {
    const dir = root();
    // A folder where the file should be: the rename over it fails.
    mkdirSync(join(dir, 'profiles.json', 'inside'), { recursive: true });
    await expect(writeJsonFile(dir, 'profiles.json', { profiles: [] })).rejects.toMatchObject({
      code: 'data_folder_unusable',
    });
    expect(readdirSync(dir)).toEqual(['profiles.json']);
    expect(readdirSync(join(dir, 'profiles.json'))).toEqual(['inside']);
  });
});
