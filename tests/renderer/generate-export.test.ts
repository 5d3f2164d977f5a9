/**
 * Generate's additions (issue 15, Add): expiry presets and the >24 h warning, Export (.env,
 * JSON, SDK join snippets; never the certificate) and the token's QR code.
 */
import type { Browser, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { qrPath } from '../../renderer/src/logic/qr-path.js';
import { keychainReady, randomCredentials } from '../profiles/keychain-env.js';
import { expectNoAxeViolations } from './accessibility.js';
import { appSuite, chromiumReady, openApp, type AppSession } from './app-harness.js';
import { saveScreenshot } from './screenshots.js';

const ready = chromiumReady('Generate export tests') && (await keychainReady('Generate export tests'));
const credentials = randomCredentials();

async function shownToken(page: Page): Promise<string> {
  const output = page.getByLabel('Token', { exact: true });
  await output.waitFor();
  return (await output.textContent()) ?? '';
}

const clipboard = (page: Page) => page.evaluate(() => navigator.clipboard.readText());
const expiryBox = (page: Page) => page.getByLabel('Token expiry');

async function generateRtc(page: Page, app: AppSession, uid: string): Promise<string> {
  await page.goto(`${app.site.url}#/generate`);
  await page.getByRole('tab', { name: 'RTC', exact: true }).click();
  await page.getByLabel('Channel', { exact: true }).fill('room-9');
  await page.getByLabel('UID', { exact: true }).fill(uid);
  const before = (await page.getByLabel('Token', { exact: true }).count()) > 0 ? await shownToken(page) : '';
  await page.getByRole('button', { name: 'Generate' }).click();
  await expect.poll(() => shownToken(page)).not.toBe(before);
  return shownToken(page);
}

describe.runIf(ready)('Generate presets, export and QR, in Chromium on the real handlers', () => {
  let browser: Browser;
  let app: AppSession;
  let page: Page;

  const suite = appSuite({
    seed: (session) => session.profiles.add({ name: 'demo', ...credentials }).then(() => undefined),
  });
  beforeAll(async () => {
    ({ browser, app } = suite);
    page = app.page;
    await page.goto(`${app.site.url}#/generate`);
  });

  it('fills the expiry from the presets, marks the one in use, and warns above 24 h', async () => {
    const presets = page.getByRole('group', { name: 'Expiry presets' });
    await presets.getByRole('button', { name: '10 min' }).click();
    expect(await expiryBox(page).inputValue()).toBe('600');
    expect(await presets.getByRole('button', { name: '10 min' }).getAttribute('aria-pressed')).toBe('true');
    await presets.getByRole('button', { name: '24 h' }).click();
    expect(await expiryBox(page).inputValue()).toBe('86400');
    expect(await presets.getByRole('button', { name: '10 min' }).getAttribute('aria-pressed')).toBe('false');
    expect(await page.getByText('More than 24 h').count()).toBe(0);
    await expiryBox(page).fill('2d');
    const warning = page.getByText('More than 24 h');
    await warning.waitFor();
    // The warning is tied to the box, so a screen reader reads it with the field.
    const described = (await expiryBox(page).getAttribute('aria-describedby')) ?? '';
    const hintText = await page.evaluate(
      (ids) => ids.map((id) => document.getElementById(id)?.textContent ?? '').join(' '),
      described.split(' '),
    );
    expect(hintText).toContain('Agora caps privileges at 24 h');
    await expectNoAxeViolations(page, 'Generate, expiry warning');
    await presets.getByRole('button', { name: '1 h' }).click();
    expect(await page.getByText('More than 24 h').count()).toBe(0);
  });

  it('copies the result as a .env block and as JSON, never with the certificate', async () => {
    const token = await generateRtc(page, app, '42');
    await page.getByRole('button', { name: 'Copy as .env' }).click();
    await expect
      .poll(() => clipboard(page))
      .toBe(`APP_ID="${credentials.appId}"\nCHANNEL="room-9"\nUID="42"\nTOKEN="${token}"\n`);
    await page.getByRole('button', { name: 'Copy as JSON' }).click();
    await expect
      .poll(async () => JSON.parse(await clipboard(page)) as unknown)
      .toEqual({
        appId: credentials.appId,
        channel: 'room-9',
        uid: '42',
        token,
      });
    expect((await clipboard(page)).toLowerCase()).not.toContain(credentials.appCertificate.toLowerCase());
  });

  it('offers a join snippet per SDK with the values filled in, and copies it', async () => {
    const token = await shownToken(page);
    const snippet = page.getByLabel('Join snippet', { exact: true });
    const expected: Array<[string, string]> = [
      ['web', `await client.join("${credentials.appId}", "room-9", "${token}", 42);`],
      ['ios', `joinChannel(byToken: "${token}", channelId: "room-9", uid: 42, mediaOptions:`],
      ['android', `rtcEngine.joinChannel("${token}", "room-9", 42, ChannelMediaOptions())`],
      ['flutter', `  token: "${token}",\n  channelId: "room-9",\n  uid: 42,`],
      ['react-native', `engine.joinChannel("${token}", "room-9", 42, {});`],
    ];
    for (const [target, call] of expected) {
      await page.getByLabel('Join snippet for').selectOption(target);
      await expect.poll(() => snippet.textContent()).toContain(call);
      expect(await snippet.textContent()).toContain(credentials.appId);
    }
    await page.getByRole('button', { name: 'Copy join snippet' }).click();
    await expect.poll(() => clipboard(page)).toBe(await snippet.textContent());
    await expectNoAxeViolations(page, 'Generate, export');
  });

  it('uses the user-account join when the token was built for an account', async () => {
    await page.getByRole('radio', { name: 'By user account' }).check();
    await page.getByLabel('User account', { exact: true }).fill('alice');
    const before = await shownToken(page);
    await page.getByRole('button', { name: 'Generate' }).click();
    await expect.poll(() => shownToken(page)).not.toBe(before);
    await page.getByLabel('Join snippet for').selectOption('android');
    await expect
      .poll(() => page.getByLabel('Join snippet', { exact: true }).textContent())
      .toContain(`rtcEngine.joinChannelWithUserAccount("${await shownToken(page)}", "room-9", "alice")`);
    await page.getByRole('radio', { name: 'By uid' }).check();
  });

  it('shows the token as a QR code of exactly that token, in light and dark', async () => {
    const token = await shownToken(page);
    const toggle = page.getByRole('button', { name: 'Show QR code' });
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    await toggle.click();
    const qr = page.getByRole('img', { name: 'QR code of the token' });
    await qr.waitFor();
    expect(await page.getByRole('button', { name: 'Hide QR code' }).getAttribute('aria-expanded')).toBe('true');
    const expected = qrPath(token);
    expect(await qr.getAttribute('viewBox')).toBe(`0 0 ${expected.size} ${expected.size}`);
    expect(await qr.locator('path').getAttribute('d')).toBe(expected.d);
    await expectNoAxeViolations(page, 'Generate, token QR');
    await saveScreenshot(page, 'generate-export-qr-light');

    const dark = await openApp(browser, { colorScheme: 'dark', profiles: app.profiles, route: 'generate' });
    try {
      await generateRtc(dark.page, dark, '7');
      await dark.page.getByRole('button', { name: 'Show QR code' }).click();
      await dark.page.getByRole('img', { name: 'QR code of the token' }).waitFor();
      await dark.page.getByLabel('Token expiry').fill('48h');
      await dark.page.getByText('More than 24 h').waitFor();
      await expectNoAxeViolations(dark.page, 'Generate, export + QR + warning, dark');
      await saveScreenshot(dark.page, 'generate-export-qr-dark');
      expect(dark.pageErrors).toEqual([]);
    } finally {
      await dark.close();
    }
    expect(app.pageErrors).toEqual([]);
  });
});
