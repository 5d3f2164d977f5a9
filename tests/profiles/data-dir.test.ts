import { describe, expect, it } from 'vitest';
import { defaultDataDir } from '../../shared/profiles/data-dir.js';

// Electron's app.getPath('userData') is appData + productName; these are its appData rules.
describe('defaultDataDir', () => {
  it('Linux: $XDG_CONFIG_HOME, else ~/.config, plus the product name', () => {
    expect(defaultDataDir({ platform: 'linux', home: '/home/ada', env: {} })).toBe(
      '/home/ada/.config/Agora Token Desk',
    );
    expect(defaultDataDir({ platform: 'linux', home: '/home/ada', env: { XDG_CONFIG_HOME: '/xdg' } })).toBe(
      '/xdg/Agora Token Desk',
    );
  });

  it('macOS: ~/Library/Application Support', () => {
    expect(defaultDataDir({ platform: 'darwin', home: '/Users/ada', env: {} })).toBe(
      '/Users/ada/Library/Application Support/Agora Token Desk',
    );
  });

  it('Windows: %APPDATA%, else the roaming folder under the profile', () => {
    expect(defaultDataDir({ platform: 'win32', home: 'C:\\Users\\ada', env: { APPDATA: 'D:\\Roaming' } })).toBe(
      'D:\\Roaming\\Agora Token Desk',
    );
    expect(defaultDataDir({ platform: 'win32', home: 'C:\\Users\\ada', env: {} })).toBe(
      'C:\\Users\\ada\\AppData\\Roaming\\Agora Token Desk',
    );
  });

  it('AGORA_TOKEN_DESK_HOME wins on every platform, made absolute', () => {
    for (const platform of ['linux', 'darwin'] as const) {
      expect(
        defaultDataDir({ platform, home: '/h', env: { AGORA_TOKEN_DESK_HOME: '/data/atd', XDG_CONFIG_HOME: '/x' } }),
      ).toBe('/data/atd');
    }
    expect(defaultDataDir({ platform: 'linux', home: '/h', env: { AGORA_TOKEN_DESK_HOME: 'rel' } })).toBe(
      `${process.cwd()}/rel`,
    );
  });
});
