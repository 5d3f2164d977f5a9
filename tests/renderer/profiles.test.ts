import type { Browser, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { KEYCHAIN_SERVICE_ENV_VAR } from '../../shared/profiles/keychain.js';
import { buildRtcToken, decodeToken } from '../../shared/token/index.js';
import { filesUnder, keychainReady, randomCredentials, secretToolLookup } from '../profiles/keychain-env.js';
import { expectNoAxeViolations } from './accessibility.js';
import { appSuite, chromiumReady, openApp, type AppSession } from './app-harness.js';
import { fieldErrors } from './field-errors.js';
import { saveScreenshot } from './screenshots.js';

const ready = chromiumReady('Profiles screen tests') && (await keychainReady('Profiles screen tests'));
const service = () => process.env[KEYCHAIN_SERVICE_ENV_VAR] ?? '';
const first = randomCredentials();
const second = randomCredentials();
const replacement = randomCredentials().appCertificate;
const secondary = randomCredentials().appCertificate;

async function addProfile(page: Page, name: string, appId: string, appCertificate: string): Promise<void> {
  await page.getByLabel('Profile name').fill(name);
  await page.getByLabel('App ID').fill(appId);
  await page.getByLabel('App Certificate').fill(appCertificate);
  await page.getByRole('button', { name: 'Save profile' }).click();
}

describe.runIf(ready)('Profiles, in Chromium on the real handlers and keychain', () => {
  let browser: Browser;
  let app: AppSession;
  let page: Page;

  const suite = appSuite();
  beforeAll(async () => {
    ({ browser, app } = suite);
    page = app.page;
    await page.getByRole('heading', { name: 'Profiles', level: 1 }).waitFor();
  });

  it('welcomes a first-time user on Profiles with the add form', async () => {
    expect(await page.getByRole('status').first().textContent()).toContain('A profile is one Agora project');
    expect(await page.getByLabel('App Certificate').getAttribute('type')).toBe('password');
  });

  it('adds a profile: the certificate lands in the keychain and nowhere else', async () => {
    await addProfile(page, 'demo', first.appId, first.appCertificate);
    await expect.poll(() => page.getByLabel('Profile demo').count()).toBe(1);
    expect(await page.getByLabel('App Certificate').inputValue()).toBe('');
    const [profile] = (await app.profiles.list()).profiles;
    expect(profile).toMatchObject({ name: 'demo', appId: first.appId });
    expect(secretToolLookup(profile?.id ?? '', service())).toBe(first.appCertificate);
    const secret = first.appCertificate.toLowerCase();
    expect(JSON.stringify(app.responses).toLowerCase()).not.toContain(secret);
    expect((await page.content()).toLowerCase()).not.toContain(secret);
    expect(filesUnder(app.home).filter((file) => file.text.includes(secret))).toEqual([]);
  });

  it('shows inline messages for a duplicate name and a bad App ID or certificate', async () => {
    await addProfile(page, 'DEMO', second.appId, second.appCertificate);
    const form = page.getByRole('form', { name: 'Add a profile' });
    await expect.poll(() => fieldErrors(form)).toEqual([expect.stringMatching(/already/i)]);
    await addProfile(page, 'second', 'not-hex', 'short');
    const messages = await fieldErrors(form);
    expect(messages).toEqual([
      'App ID must be 32 hexadecimal characters',
      'App Certificate must be 32 hexadecimal characters',
    ]);
    expect((await app.profiles.list()).profiles).toHaveLength(1);
  });

  it('adds a second profile, makes it the default, renames it', async () => {
    await addProfile(page, 'second', second.appId, second.appCertificate);
    const row = page.getByLabel('Profile second');
    await row.waitFor();
    await row.getByRole('button', { name: 'Set as default' }).click();
    await expect
      .poll(async () => (await app.profiles.list()).profiles.find((p) => p.name === 'second')?.isDefault)
      .toBe(true);
    await row.getByRole('button', { name: 'Rename' }).click();
    await page.getByLabel('New name for second').fill('staging');
    await page.getByRole('button', { name: 'Save name' }).click();
    await expect.poll(() => page.getByLabel('Profile staging').count()).toBe(1);
    await saveScreenshot(page, 'profiles-light');
  });

  it('replaces a certificate: tokens are then signed with the new one', async () => {
    const row = page.getByLabel('Profile demo');
    await row.getByRole('button', { name: 'Replace certificate' }).click();
    await page.getByLabel('New App Certificate for demo').fill(replacement);
    await page.getByRole('button', { name: 'Save certificate' }).click();
    await expect.poll(() => page.getByLabel('New App Certificate for demo').count()).toBe(0);
    const id = (await app.profiles.list()).profiles.find((p) => p.name === 'demo')?.id ?? '';
    const result = await app.handlers['token:build']({
      kind: 'rtc',
      profileId: id,
      input: { channel: 'c', uid: 1, role: 'publisher' },
    });
    if (!result.ok) throw new Error(result.error.message);
    if (!('token' in result.value)) throw new Error('expected one token');
    expect(decodeToken(result.value.token, { appCertificate: replacement }).signature).toBe('valid');
    expect(
      decodeToken(buildRtcToken(first, { channel: 'c', uid: 1 }).token, { appCertificate: replacement }).signature,
    ).toBe('invalid');
  });

  it('adds a secondary certificate, rotates only after confirmation, removes the secondary', async () => {
    const row = page.getByLabel('Profile staging');
    const id = (await app.profiles.list()).profiles.find((p) => p.name === 'staging')?.id ?? '';
    const focused = (name: string) =>
      row.getByRole('button', { name, exact: true }).evaluate((element) => element === document.activeElement);
    await row.getByText('No secondary certificate').waitFor();

    // A bad certificate is refused at the field; Escape closes the form and focus goes back.
    await row.getByRole('button', { name: 'Add secondary certificate' }).click();
    const field = page.getByLabel('Secondary App Certificate for staging');
    expect(await field.getAttribute('type')).toBe('password');
    await field.fill('12');
    await row.getByRole('button', { name: 'Save secondary certificate' }).click();
    expect(await fieldErrors(row.getByRole('form', { name: 'Add a secondary certificate to staging' }))).toEqual([
      'App Certificate must be 32 hexadecimal characters',
    ]);
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    await field.press('Escape');
    await expect.poll(() => field.count()).toBe(0);
    await expect.poll(() => focused('Add secondary certificate')).toBe(true);
    expect(await app.profiles.certificates(id)).toEqual({ appId: second.appId, primary: second.appCertificate });

    await row.getByRole('button', { name: 'Add secondary certificate' }).click();
    await field.fill(secondary);
    await field.press('Enter');
    await row.getByText('Secondary certificate saved', { exact: true }).waitFor();
    expect(await app.profiles.certificates(id)).toEqual({
      appId: second.appId,
      primary: second.appCertificate,
      secondary,
    });
    await expect.poll(() => focused('Rotate')).toBe(true);

    // Rotation asks first and says when to do it; Escape and Cancel change nothing.
    const confirmation = page.getByRole('group', { name: 'Confirm rotating the certificates of staging' });
    await row.getByRole('button', { name: 'Rotate', exact: true }).click();
    expect(await confirmation.textContent()).toMatch(
      /after you switched to the secondary certificate in Agora Console.*current primary becomes the secondary/,
    );
    await expect
      .poll(() =>
        confirmation
          .getByRole('button', { name: 'Confirm rotation' })
          .evaluate((element) => element === document.activeElement),
      )
      .toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => confirmation.count()).toBe(0);
    await expect.poll(() => focused('Rotate')).toBe(true);
    await row.getByRole('button', { name: 'Rotate', exact: true }).click();
    await confirmation.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => confirmation.count()).toBe(0);
    expect(await app.profiles.certificates(id)).toEqual({
      appId: second.appId,
      primary: second.appCertificate,
      secondary,
    });

    await row.getByRole('button', { name: 'Rotate', exact: true }).click();
    await confirmation.getByRole('button', { name: 'Confirm rotation' }).click();
    await expect
      .poll(() => app.profiles.certificates(id))
      .toEqual({ appId: second.appId, primary: secondary, secondary: second.appCertificate });
    await row.getByRole('status').filter({ hasText: 'Rotated' }).waitFor();
    await expect.poll(() => focused('Rotate')).toBe(true);

    await row.getByRole('button', { name: 'Remove secondary' }).click();
    await expect.poll(() => app.profiles.certificates(id)).toEqual({ appId: second.appId, primary: secondary });
    await row.getByText('No secondary certificate').waitFor();
    await expect.poll(() => focused('Add secondary certificate')).toBe(true);

    const html = (await page.content()).toLowerCase();
    const answers = JSON.stringify(app.responses).toLowerCase();
    for (const secret of [secondary, second.appCertificate]) {
      expect(html).not.toContain(secret.toLowerCase());
      expect(answers).not.toContain(secret.toLowerCase());
    }
    expect(app.pageErrors).toEqual([]);
  });

  it('closes the rename editor and the remove confirmation with Escape, focus back on the button', async () => {
    const row = page.getByLabel('Profile demo');
    const focusedName = () => page.evaluate(() => document.activeElement?.textContent?.trim());
    await row.getByRole('button', { name: 'Rename' }).click();
    await page.getByLabel('New name for demo').press('Escape');
    await expect.poll(() => page.getByLabel('New name for demo').count()).toBe(0);
    await expect.poll(focusedName).toBe('Rename');
    await row.getByRole('button', { name: 'Remove' }).click();
    await page.getByRole('button', { name: 'Yes, remove demo' }).press('Escape');
    await expect.poll(() => page.getByRole('button', { name: 'Yes, remove demo' }).count()).toBe(0);
    await expect.poll(focusedName).toBe('Remove');
    await row.getByRole('button', { name: 'Remove' }).click();
    await page.getByRole('button', { name: 'Keep it' }).click();
    await expect.poll(focusedName).toBe('Remove');
    await expectNoAxeViolations(page, 'Profiles with two profiles, after the confirmation closed');
  });

  it('removes a profile only after confirmation, and its keychain entry with it', async () => {
    const id = (await app.profiles.list()).profiles.find((p) => p.name === 'demo')?.id ?? '';
    await page.getByLabel('Profile demo').getByRole('button', { name: 'Remove' }).click();
    await page.getByRole('button', { name: 'Keep it' }).click();
    expect(secretToolLookup(id, service())).toBe(replacement);
    await page.getByLabel('Profile demo').getByRole('button', { name: 'Remove' }).click();
    await page.getByRole('button', { name: 'Yes, remove demo' }).click();
    await expect.poll(() => page.getByLabel('Profile demo').count()).toBe(0);
    expect(secretToolLookup(id, service())).toBeUndefined();
    expect(app.pageErrors).toEqual([]);
  });

  it('looks right in dark mode too', async () => {
    const dark = await openApp(browser, { colorScheme: 'dark', profiles: app.profiles, route: 'profiles' });
    try {
      await dark.page.getByLabel('Profile staging').waitFor();
      await saveScreenshot(dark.page, 'profiles-dark');
    } finally {
      await dark.close();
    }
  });
});
