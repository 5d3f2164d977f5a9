import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../shared/contract/settings.js';
import type { ProfileView } from '../../shared/contract/views.js';
import { closeAction, launchStartRequest } from '../../electron/shell-settings.js';
import { trayStartRequest } from '../../electron/tray-start.js';

const profile = (id: string, isDefault: boolean) => ({ id, isDefault }) as unknown as ProfileView;

describe('starting the server at launch', () => {
  it('does nothing unless the user chose it', () => {
    expect(launchStartRequest(DEFAULT_SETTINGS, [profile('a', true)])).toEqual({ kind: 'none', reason: 'not-chosen' });
  });

  it('starts the default profile on the default port, on loopback only', () => {
    const settings = { ...DEFAULT_SETTINGS, startServerAtLaunch: true, defaultPort: 9400 };
    expect(launchStartRequest(settings, [profile('a', false), profile('b', true)])).toEqual({
      kind: 'start',
      request: { profileIds: ['b'], port: 9400, host: '127.0.0.1', corsOrigins: '' },
    });
  });

  it('says why nothing started when no profile is saved', () => {
    const settings = { ...DEFAULT_SETTINGS, startServerAtLaunch: true };
    expect(launchStartRequest(settings, [])).toEqual({ kind: 'none', reason: 'no-profile' });
  });
});

describe('the tray start port', () => {
  it('uses the Settings port until the server ran on another', () => {
    expect(trayStartRequest([profile('a', true)], undefined, 9500)).toMatchObject({ request: { port: 9500 } });
    expect(trayStartRequest([profile('a', true)], 9123, 9500)).toMatchObject({ request: { port: 9123 } });
  });
});

describe('closing the window', () => {
  const base = { keepServerRunningOnClose: true, serverRunning: true, quitting: false };

  it('hides to the tray when the user chose to keep a running server running', () => {
    expect(closeAction(base)).toBe('hide');
  });

  it('closes (and quits) when the setting is off, no server runs, or the app is quitting', () => {
    expect(closeAction({ ...base, keepServerRunningOnClose: false })).toBe('close');
    expect(closeAction({ ...base, serverRunning: false })).toBe('close');
    expect(closeAction({ ...base, quitting: true })).toBe('close');
  });
});
