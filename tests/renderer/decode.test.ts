import type { Browser, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildRtcToken, buildRtmToken } from '../../shared/token/index.js';
import { RTC_PUBLISHER_006, VECTOR_CHANNEL, VECTOR_CREDENTIALS, VECTOR_UID } from '../fixtures/agora-vectors.js';
import { tamper007 } from '../fixtures/tamper.js';
import { keychainReady, randomCredentials } from '../profiles/keychain-env.js';
import { appSuite, chromiumReady, openApp, type AppSession } from './app-harness.js';
import { saveScreenshot } from './screenshots.js';

const ready = chromiumReady('Decode screen tests') && (await keychainReady('Decode screen tests'));
const credentials = randomCredentials();

async function paste(page: Page, token: string): Promise<void> {
  await page.getByLabel('Token', { exact: true }).fill(token);
}

const signature = (page: Page) => page.getByLabel('Signature').textContent();

describe.runIf(ready)('Decode, in Chromium on the real handlers', () => {
  let browser: Browser;
  let app: AppSession;
  let page: Page;

  const suite = appSuite({
    route: 'decode',
    async seed(app) {
      await app.profiles.add({ name: 'demo', ...credentials });
      await app.profiles.add({ name: 'reference', ...VECTOR_CREDENTIALS });
    },
  });
  beforeAll(async () => {
    ({ browser, app } = suite);
    page = app.page;
    await page.getByRole('heading', { name: 'Decode', level: 1 }).waitFor();
  });

  it('decodes a pasted token at once: header, service, privileges, valid signature with the profile name', async () => {
    const built = buildRtcToken(credentials, { channel: 'room-9', uid: 1234, role: 'publisher', expire: 900 });
    await paste(page, built.token);
    await expect.poll(() => signature(page)).toMatch(/^Signature: valid/);
    expect(await signature(page)).toContain('profile "demo"');
    const header = (await page.getByLabel('Token header').textContent()) ?? '';
    expect(header).toContain(credentials.appId);
    expect(header).toContain('(profile “demo”)');
    expect(header).toMatch(/in 1[45] min/);
    const rtc = (await page.getByLabel('RTC service').textContent()) ?? '';
    for (const text of [
      'room-9',
      '1234',
      'joinChannel',
      'publishAudioStream',
      'publishVideoStream',
      'publishDataStream',
    ])
      expect(rtc).toContain(text);
    await saveScreenshot(page, 'decode-light');
  });

  it('says invalid for a token altered after signing', async () => {
    const built = buildRtmToken(credentials, { userId: 'paid-user' });
    await paste(page, tamper007(built.token, 'paid-user', 'free-user'));
    await expect.poll(() => signature(page)).toMatch(/^Signature: invalid/);
    expect(await page.getByLabel('RTM service').textContent()).toContain('free-user');
  });

  it('says unchecked when no profile has the App ID', async () => {
    const other = randomCredentials();
    await paste(page, buildRtmToken(other, { userId: 'x' }).token);
    await expect.poll(() => signature(page)).toMatch(/^Signature: unchecked/);
    expect(await page.getByLabel('Token header').textContent()).toContain('no saved profile has this App ID');
  });

  it('explains garbage instead of showing a blank screen', async () => {
    await paste(page, 'hello world');
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('tokens start with 006 or 007');
    await paste(page, '007notbase64!!!');
    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toBe('Character 13 of the token is "!", which cannot be part of a token: check for a typo or a cut.');
    expect(await page.getByLabel('Signature').count()).toBe(0);
    expect(app.pageErrors).toEqual([]);
  });

  it('decodes a 006 token and verifies it once channel and uid are given', async () => {
    await paste(page, RTC_PUBLISHER_006);
    await expect.poll(() => signature(page)).toMatch(/^Signature: unchecked/);
    expect(await signature(page)).toContain('channel and uid');
    await page.getByLabel('Channel (006 signs it)').fill(VECTOR_CHANNEL);
    await page.getByLabel('UID (006 signs it)').fill(String(VECTOR_UID));
    await expect.poll(() => signature(page)).toMatch(/^Signature: valid/);
    await page.getByLabel('UID (006 signs it)').fill('1');
    await expect.poll(() => signature(page)).toMatch(/^Signature: invalid/);
    expect(await page.getByLabel('Privileges (006) service').textContent()).toContain('joinChannel');
  });

  it('looks right in dark mode too', async () => {
    const dark = await openApp(browser, { colorScheme: 'dark', profiles: app.profiles, route: 'decode' });
    try {
      await paste(dark.page, buildRtcToken(credentials, { channel: 'room-9', uid: 1234, role: 'publisher' }).token);
      await expect.poll(() => signature(dark.page)).toMatch(/^Signature: valid/);
      await saveScreenshot(dark.page, 'decode-dark');
    } finally {
      await dark.close();
    }
  });
});
