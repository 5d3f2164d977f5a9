import type { Browser, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildChatAppToken, buildRtcToken, buildRtmToken } from '../../shared/token/index.js';
import { tamper007 } from '../fixtures/tamper.js';
import { keychainReady, randomCredentials } from '../profiles/keychain-env.js';
import { expectAccessibleInBothThemes, expectNoAxeViolations } from './accessibility.js';
import { appSuite, chromiumReady, openApp, type AppSession } from './app-harness.js';
import { saveScreenshot } from './screenshots.js';

const ready = chromiumReady('Decode verdict tests') && (await keychainReady('Decode verdict tests'));
const credentials = randomCredentials();
const nowSeconds = () => Math.floor(Date.now() / 1000);

async function paste(page: Page, token: string): Promise<void> {
  await page.getByLabel('Token', { exact: true }).fill(token);
}
const verdict = (page: Page) => page.getByLabel('Verdict').getAttribute('data-verdict');
const badges = (page: Page, service: string) =>
  page.getByLabel(`${service} service`).locator('td .badge').allTextContents();
const header = async (page: Page) => (await page.getByLabel('Token header').textContent()) ?? '';

/** Light and dark, each at the window size the issue names. */
describe.runIf(ready)('Decode verdict, badges, times and raw view, in Chromium on the real handlers', () => {
  let browser: Browser;
  let app: AppSession;
  let page: Page;

  const suite = appSuite({
    route: 'decode',
    async seed(app) {
      await app.profiles.add({ name: 'demo', ...credentials });
    },
  });
  beforeAll(async () => {
    ({ browser, app } = suite);
    page = app.page;
    await page.getByRole('heading', { name: 'Decode', level: 1 }).waitFor();
  });

  it('puts one verdict first: valid, with "live" privilege badges', async () => {
    await paste(page, buildRtcToken(credentials, { channel: 'room', uid: 7, role: 'publisher', expire: 900 }).token);
    await expect.poll(() => verdict(page)).toBe('valid');
    const order = await page.evaluate(() => {
      const banner = document.querySelector('[aria-label="Verdict"]');
      const details = [...document.querySelectorAll('h2')].find((h) => h.textContent === 'Decoded token');
      return banner !== null && details !== undefined && banner.compareDocumentPosition(details) === 4;
    });
    expect(order).toBe(true);
    expect(await page.getByLabel('Verdict').textContent()).toMatch(/^Valid token/);
    expect(await badges(page, 'RTC')).toEqual(['live', 'live', 'live', 'live']);
    await expectAccessibleInBothThemes(page, 'Decode, valid token');
  });

  it('marks an altered token invalid and its privileges unverified, never green', async () => {
    const built = buildRtmToken(credentials, { userId: 'paid-user' });
    await paste(page, tamper007(built.token, 'paid-user', 'free-user'));
    await expect.poll(() => verdict(page)).toBe('invalid');
    expect(await page.getByLabel('Verdict').textContent()).toMatch(/^Invalid signature/);
    const shown = await badges(page, 'RTM');
    expect(shown.length).toBeGreaterThan(0);
    for (const text of shown) expect(text).toBe('live, unverified');
    expect(await page.getByLabel('RTM service').locator('.badge-ok').count()).toBe(0);
    await saveScreenshot(page, 'decode-invalid-light');
    await expectAccessibleInBothThemes(page, 'Decode, invalid signature');
  });

  it('says unchecked when no profile can verify it, and marks its privileges unverified', async () => {
    await paste(page, buildRtmToken(randomCredentials(), { userId: 'x' }).token);
    await expect.poll(() => verdict(page)).toBe('unchecked');
    for (const text of await badges(page, 'RTM')) expect(text).toBe('live, unverified');
    await expectAccessibleInBothThemes(page, 'Decode, unchecked signature');
  });

  it('heads with when the token actually stops working: its privileges, not a 30-day token expiry', async () => {
    const token = buildRtcToken(credentials, {
      channel: 'room',
      uid: 7,
      role: 'publisher',
      expire: 30 * 86400,
      privilegeExpire: 3600,
    }).token;
    await paste(page, token);
    // Wait for this token's result: only it has a token expiry later than its privileges'.
    await expect.poll(() => header(page)).toContain('Token expiry');
    const firstFact = () => page.getByLabel('Token header').locator('dd').first().textContent();
    const stops = (await firstFact()) ?? '';
    expect(await header(page)).toMatch(/Stops working.*first to end: rtc joinChannel/);
    expect(stops).not.toContain('30 d');
    // One now per render: every countdown on the screen reads the same instant the same way.
    const countdowns = await page.locator('.countdown').allTextContents();
    expect(countdowns.length).toBeGreaterThan(4);
    expect(new Set(countdowns)).toEqual(new Set(['(in 1 h)']));
  });

  it('says expired, with "expired" badges, once the token has stopped working', async () => {
    const issuedAt = nowSeconds() - 7200;
    await paste(page, buildRtcToken(credentials, { channel: 'room', uid: 7, expire: 600 }, { issuedAt }).token);
    await expect.poll(() => verdict(page)).toBe('expired');
    expect(await page.getByLabel('Verdict').textContent()).toMatch(/^Expired/);
    expect(new Set(await badges(page, 'RTC'))).toEqual(new Set(['expired']));
    await saveScreenshot(page, 'decode-expired-light');
    await expectAccessibleInBothThemes(page, 'Decode, expired token');
  });

  it('shows no empty User ID row for a chat app token', async () => {
    await paste(page, buildChatAppToken(credentials, { expire: 600 }).token);
    await page.getByLabel('Chat service').waitFor();
    expect(await page.getByLabel('Chat service').textContent()).not.toContain('User ID');
  });

  it('has a raw view: the parts side by side and the decoded JSON, which copies', async () => {
    const { token } = buildRtcToken(credentials, { channel: 'raw-room', uid: 42 });
    await paste(page, token);
    await expect.poll(() => page.getByLabel('RTC service').textContent()).toContain('raw-room');
    await page.getByText('Raw view: token parts and JSON').click();
    const parts = page.getByRole('list', { name: 'Token parts' }).getByRole('listitem');
    await expect.poll(() => parts.count()).toBe(3);
    const texts = await parts.locator('code').allTextContents();
    expect(texts[0]).toBe('007');
    expect(texts[1]).toBe(credentials.appId);
    expect(`${texts[0]}${texts[2]}`).toBe(token);
    const json = JSON.parse((await page.getByRole('region', { name: 'Decoded JSON' }).textContent()) ?? '') as {
      appId: string;
      services: Array<{ channel?: string }>;
    };
    expect(json.appId).toBe(credentials.appId);
    expect(json.services[0]?.channel).toBe('raw-room');
    await page.getByRole('button', { name: 'Copy decoded JSON' }).click();
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(JSON.stringify(json, null, 2));
    await saveScreenshot(page, 'decode-raw-light');
    await expectAccessibleInBothThemes(page, 'Decode, raw view open');
    for (const size of [
      { width: 1280, height: 800 },
      { width: 800, height: 600 },
    ]) {
      await page.setViewportSize(size);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, `horizontal overflow at ${size.width}×${size.height}`).toBeLessThanOrEqual(0);
      await expectNoAxeViolations(page, `Decode raw view at ${size.width}×${size.height}`);
    }
  });

  it('keeps the pasted token and its result when the user leaves Decode and comes back', async () => {
    const { token } = buildRtcToken(credentials, { channel: 'kept-room', uid: 5 });
    await paste(page, token);
    await expect.poll(() => page.getByLabel('RTC service').textContent()).toContain('kept-room');
    await page.getByRole('link', { name: 'Profiles' }).click();
    await page.getByRole('heading', { name: 'Profiles', level: 1 }).waitFor();
    await page.getByRole('link', { name: 'Decode' }).click();
    await page.getByRole('heading', { name: 'Decode', level: 1 }).waitFor();
    expect(await page.getByLabel('Token', { exact: true }).inputValue()).toBe(token);
    expect(await page.getByLabel('RTC service').textContent()).toContain('kept-room');
    expect(await verdict(page)).toBe('valid');
    expect(app.pageErrors).toEqual([]);
  });

  it('takes a token from Generate with the focus in the token box, not on <body>', async () => {
    await page.getByRole('navigation').getByRole('link', { name: 'Generate' }).click();
    await page.getByLabel('Channel', { exact: true }).fill('handed-over');
    await page.getByLabel('UID', { exact: true }).fill('3');
    await page.getByRole('button', { name: 'Generate', exact: true }).click();
    await page.getByRole('button', { name: 'Open token in Decode' }).click();
    await expect.poll(() => page.getByLabel('RTC service').textContent()).toContain('handed-over');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('decode-token');
  });

  it('looks right in dark mode', async () => {
    const dark = await openApp(browser, { colorScheme: 'dark', profiles: app.profiles, route: 'decode' });
    try {
      await paste(dark.page, tamper007(buildRtmToken(credentials, { userId: 'paid-user' }).token, 'paid', 'free'));
      await expect.poll(() => verdict(dark.page)).toBe('invalid');
      await saveScreenshot(dark.page, 'decode-invalid-dark');
      expect(dark.pageErrors).toEqual([]);
    } finally {
      await dark.close();
    }
  });
});
