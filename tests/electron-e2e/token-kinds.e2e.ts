/**
 * Every kind of the registry generated in the real window on the real IPC, each token
 * checked against what the registry builds from the same values, opened in Decode, and
 * copied to the OS clipboard (read back through Electron's clipboard in main).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TOKEN_KINDS } from '../../shared/token/index.js';
import { randomCredentials } from '../profiles/keychain-env.js';
import { launchDesktopApp, type DesktopApp } from './electron-app.js';
import { decodedServices, expectedServices, kindPlan } from './expectations.js';
import { addProfile, generateKind, openScreen, saveScreenshot, screenTitle } from './ui-steps.js';

describe('Generate and Decode, every kind of the registry', () => {
  let app: DesktopApp;
  const credentials = randomCredentials();

  beforeAll(async () => {
    app = await launchDesktopApp();
    await addProfile(app.window, 'e2e', credentials.appId, credentials.appCertificate);
  });
  afterAll(async () => {
    await app?.close();
  });

  it.each(TOKEN_KINDS.map((kind) => [kind.label, kind] as const))(
    'generates a %s token that decodes to what the registry builds, and Decode verifies it',
    async (_label, kind) => {
      await openScreen(app.window, 'generate');
      const plan = kindPlan(kind);
      const tokens = await generateKind(app.window, plan);
      const expected = expectedServices(plan, credentials);
      expect(tokens.map((token) => decodedServices(token, credentials.appCertificate))).toEqual(expected);
      if (kind.id === TOKEN_KINDS[0].id) await saveScreenshot(app.window, 'generate');

      await app.window
        .getByRole('region', { name: 'Result' })
        .getByRole('button', { name: /in Decode$/ })
        .first()
        .click();
      await expect.poll(() => screenTitle(app.window)).toBe('Decode');
      expect(await app.window.getByLabel('Token', { exact: true }).inputValue()).toBe(tokens[0]);
      await expect
        .poll(async () => (await app.window.getByLabel('Signature').textContent()) ?? '')
        .toMatch(/\bvalid\b/);
      expect(await app.window.getByLabel('Signature').textContent()).not.toMatch(/invalid/);
      if (kind.id === TOKEN_KINDS[0].id) await saveScreenshot(app.window, 'decode');
    },
  );

  it('copies a token to the OS clipboard', async () => {
    await openScreen(app.window, 'generate');
    const [token] = await generateKind(app.window, kindPlan(TOKEN_KINDS[0]));
    await app.electron.evaluate(({ clipboard }) => clipboard.writeText('before the copy'));
    // The async Clipboard API writes only from a focused document.
    await app.electron.evaluate(({ BrowserWindow }) => {
      const window = BrowserWindow.getAllWindows()[0];
      window?.show();
      window?.focus();
      window?.webContents.focus();
    });
    await app.window.bringToFront();
    await app.window.getByRole('region', { name: 'Result' }).getByRole('button', { name: /^Copy/ }).first().click();
    await expect.poll(() => app.electron.evaluate(({ clipboard }) => clipboard.readText())).toBe(token);
  });

  it('logged no page error', () => {
    expect(app.errors).toEqual([]);
  });
});
