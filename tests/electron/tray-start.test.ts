import { describe, expect, it } from 'vitest';
import type { ProfileView } from '../../shared/contract/views.js';
import { TRAY_DEFAULT_PORT, trayStartRequest } from '../../electron/tray-start.js';

const profile = (id: string, isDefault: boolean) => ({ id, isDefault }) as unknown as ProfileView;

describe("the tray's Start server request", () => {
  it('serves the default profile on loopback only, at the port last used', () => {
    expect(trayStartRequest([profile('a', false), profile('b', true)], 9123)).toEqual({
      kind: 'start',
      request: { profileIds: ['b'], port: 9123, host: '127.0.0.1', corsOrigins: '' },
    });
  });

  it('falls back to the first profile and the usual port', () => {
    expect(trayStartRequest([profile('a', false)], undefined)).toMatchObject({
      request: { profileIds: ['a'], port: TRAY_DEFAULT_PORT },
    });
  });

  it('asks for a profile when none is saved', () => {
    expect(trayStartRequest([], 8080)).toEqual({ kind: 'no-profile' });
  });
});
