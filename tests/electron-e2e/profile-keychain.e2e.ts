/**
 * First run: the app opens on Profiles with nothing saved; a profile added from the form
 * puts its App Certificate in the OS keychain (Keychain, Credential Manager, Secret
 * Service), read back here from another process, and in no file of the data folder.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ProfileStore } from '../../shared/profiles/profile-store.js';
import { randomCredentials } from '../profiles/keychain-env.js';
import { keychainHolds, launchDesktopApp, removeProfilesThroughApp, type DesktopApp } from './electron-app.js';
import { decodedServices, filesContaining, kindPlan } from './expectations.js';
import { TOKEN_KINDS } from '../../shared/token/index.js';
import { addProfile, generateKind, openScreen, saveScreenshot, screenTitle } from './ui-steps.js';

describe('first run: a profile, its certificate in the OS keychain', () => {
  let app: DesktopApp;
  const credentials = randomCredentials();

  beforeAll(async () => {
    app = await launchDesktopApp();
  });
  afterAll(async () => {
    await app?.close();
  });

  it('opens on Profiles with no profile saved', async () => {
    await expect.poll(() => screenTitle(app.window)).toBe('Profiles');
    expect((await new ProfileStore({ home: app.home }).list()).profiles).toEqual([]);
    await saveScreenshot(app.window, 'profiles-first-run');
  });

  it('adds a profile from the form: the keychain holds the certificate, no file of the data folder does', async () => {
    await addProfile(app.window, 'e2e', credentials.appId, credentials.appCertificate);
    const [profile] = (await new ProfileStore({ home: app.home }).list()).profiles;
    expect(profile).toMatchObject({ name: 'e2e', appId: credentials.appId });
    // Asked of the OS store from this process, under the service and account the app used.
    expect(await keychainHolds(app.service, profile?.id ?? '', credentials.appCertificate)).toBe(true);
    expect(await app.window.getByLabel('App Certificate').inputValue()).toBe('');
    expect((await app.window.content()).toLowerCase()).not.toContain(credentials.appCertificate.toLowerCase());
    expect(filesContaining(app.home, credentials.appCertificate)).toEqual([]);
    await saveScreenshot(app.window, 'profiles');
  });

  it("after quitting, no file of the data folder or of Chromium's own profile folder holds it", async () => {
    const userData = await app.electron.evaluate(({ app: electronApp }) => electronApp.getPath('userData'));
    expect(app.errors).toEqual([]);
    // Scanned once the app is gone: everything is flushed, and Windows locks nothing any more.
    await app.electron.close();
    expect(filesContaining(app.home, credentials.appCertificate)).toEqual([]);
    expect(filesContaining(userData, credentials.appCertificate)).toEqual([]);
  });

  it('still signs with it after a restart: the certificate came back from the keychain', async () => {
    const home = app.home;
    const again = await launchDesktopApp({ home });
    try {
      await expect.poll(() => again.window.getByLabel('Profile e2e').count()).toBe(1);
      await openScreen(again.window, 'generate');
      const [token] = await generateKind(again.window, kindPlan(TOKEN_KINDS[0]));
      // decodedServices throws unless the token verifies with the certificate typed on first run.
      expect(decodedServices(token ?? '', credentials.appCertificate).length).toBeGreaterThan(0);
      const [profile] = (await new ProfileStore({ home }).list()).profiles;
      await removeProfilesThroughApp(again.window);
      expect((await new ProfileStore({ home }).list()).profiles).toEqual([]);
      // Removing the profile in the app removed its keychain entry too.
      expect(await keychainHolds(again.service, profile?.id ?? '', credentials.appCertificate)).toBe(false);
      expect(again.errors).toEqual([]);
    } finally {
      await again.close();
    }
  });
});
