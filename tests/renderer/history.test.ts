/**
 * History in Chromium on the real handlers: tokens generated on the Generate screen appear
 * newest first, can be copied again, opened in Decode and regenerated with the same inputs,
 * and the list clears. axe-core in both themes, 1280×800 and 800×600.
 */
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeToken, type DecodedToken007 } from '../../shared/token/index.js';
import { keychainReady, randomCredentials } from '../profiles/keychain-env.js';
import { expectNoAxeViolations } from './accessibility.js';
import { appSuite, chromiumReady, type AppSession } from './app-harness.js';
import { saveScreenshot } from './screenshots.js';

const ready = chromiumReady('History screen tests') && (await keychainReady('History screen tests'));
const credentials = randomCredentials();

function decoded007(token: string): DecodedToken007 {
  const decoded = decodeToken(token, { appCertificate: credentials.appCertificate });
  if (decoded.version !== '007') throw new Error(`expected a 007 token, got ${decoded.version}`);
  expect(decoded.signature).toBe('valid');
  return decoded;
}

async function go(page: Page, name: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Screens' }).getByRole('link', { name, exact: true }).click();
  await page.getByRole('heading', { name, level: 1 }).waitFor();
}

async function generate(page: Page, tab: string, fields: Record<string, string>): Promise<string> {
  await go(page, 'Generate');
  await page.getByRole('tab', { name: tab, exact: true }).click();
  for (const [label, value] of Object.entries(fields)) await page.getByLabel(label, { exact: true }).fill(value);
  const output = page.getByLabel('Token', { exact: true });
  const before = (await output.count()) > 0 ? await output.textContent() : null;
  await page.getByRole('button', { name: 'Generate', exact: true }).click();
  await expect.poll(async () => ((await output.count()) > 0 ? await output.textContent() : null)).not.toBe(before);
  return (await output.textContent()) ?? '';
}

/** Both themes, each with axe-core; back to light afterwards. */
async function expectAccessible(page: Page, state: string): Promise<void> {
  await expectNoAxeViolations(page, `${state} (light)`);
  await page.emulateMedia({ colorScheme: 'dark' });
  try {
    await expectNoAxeViolations(page, `${state} (dark)`);
  } finally {
    await page.emulateMedia({ colorScheme: 'light' });
  }
}

describe.runIf(ready)('History, in Chromium on the real handlers', () => {
  let app: AppSession;
  let page: Page;
  let rtcToken = '';
  let rtmToken = '';
  const items = (): Locator => page.getByRole('list', { name: 'Generated tokens' }).getByRole('listitem');

  const suite = appSuite({
    route: 'history',
    seed: (session) => session.profiles.add({ name: 'demo', ...credentials }).then(() => undefined),
  });
  beforeAll(async () => {
    ({ app } = suite);
    page = app.page;
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.getByRole('heading', { name: 'History', level: 1 }).waitFor();
  });
  afterAll(() => {
    expect(app.pageErrors).toEqual([]);
  });

  it('comes after Decode in the rail and starts empty, pointing to Generate', async () => {
    const links = await page.getByRole('navigation', { name: 'Screens' }).getByRole('link').allTextContents();
    expect(links.indexOf('History')).toBe(links.indexOf('Decode') + 1);
    await page.getByText('No tokens yet.').waitFor();
    expect(await page.getByRole('link', { name: 'Generate a token →' }).getAttribute('href')).toBe('#/generate');
    await expectAccessible(page, 'History, empty');
  });

  it('lists two generated tokens newest first, with kind, channel/user and a countdown', async () => {
    rtcToken = await generate(page, 'RTC', { Channel: 'room-1', UID: '42', 'Token expiry': '600' });
    rtmToken = await generate(page, 'RTM', {
      'User ID': 'alice',
      'Stream channel (optional)': '',
      'Token expiry': '1h',
    });
    await go(page, 'History');
    await expect.poll(() => items().count()).toBe(2);
    const [rtm, rtc] = [items().nth(0), items().nth(1)];
    expect(await rtm.getByRole('heading', { level: 2 }).textContent()).toBe('RTM User ID alice');
    expect(await rtc.getByRole('heading', { level: 2 }).textContent()).toBe('RTC Channel room-1 · UID 42');
    expect(await rtc.getByLabel('Token', { exact: true }).textContent()).toBe(rtcToken);
    expect(await rtm.getByLabel('Token', { exact: true }).textContent()).toBe(rtmToken);
    expect(await rtc.locator('.countdown').textContent()).toBe('in 10 min');
    expect(await rtm.locator('.countdown').textContent()).toBe('in 1 h');
    expect(await rtc.getByText('Live', { exact: true }).count()).toBe(1);
    await expectAccessible(page, 'History, two tokens');
    await saveScreenshot(page, 'history-light');
    await page.emulateMedia({ colorScheme: 'dark' });
    await saveScreenshot(page, 'history-dark');
    await page.emulateMedia({ colorScheme: 'light' });
  });

  it('counts down live, and marks a token expired once its time has passed', async () => {
    const now = Math.floor(Date.now() / 1000);
    app.history.add({
      kind: 'chat',
      profileId: 'gone',
      input: {},
      subject: [],
      tokens: [{ name: 'Token', token: '007short-lived' }],
      issuedAt: now,
      expiresAt: now + 6,
    });
    const item = items().first();
    await expect
      .poll(() => item.getByRole('heading', { level: 2 }).textContent())
      .toBe('Chat App-wide (no channel or user)');
    const first = await item.locator('.countdown').textContent();
    expect(first).toMatch(/^in \d+ s$/);
    // It ticks on its own (no event, no reload), then turns into "expired … ago".
    await expect.poll(() => item.locator('.countdown').textContent(), { timeout: 20_000 }).not.toBe(first);
    await expect
      .poll(() => item.locator('.countdown').textContent(), { timeout: 20_000 })
      .toMatch(/^expired \d+ s ago$/);
    expect(await item.getByText('Expired', { exact: true }).count()).toBe(1);
    // Its profile is gone (this entry was made without one): Regenerate says why it cannot.
    const regenerate = item.getByRole('button', { name: 'Regenerate' });
    expect(await regenerate.isDisabled()).toBe(true);
    expect(await regenerate.getAttribute('aria-describedby')).toBeTruthy();
    await expectAccessible(page, 'History, an expired token');
  });

  it('copies a token again: the clipboard holds exactly that token', async () => {
    await items().nth(2).getByRole('button', { name: 'Copy Token' }).click();
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(rtcToken);
  });

  it('opens a token in Decode, with the focus in Decode’s token box (not on <body>)', async () => {
    await items().nth(2).getByRole('button', { name: 'Open in Decode' }).click();
    await page.getByRole('heading', { name: 'Decode', level: 1 }).waitFor();
    await expect.poll(() => page.getByLabel('Token', { exact: true }).inputValue()).toBe(rtcToken);
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('decode-token');
    await expect.poll(() => page.getByLabel('Signature').textContent()).toMatch(/^Signature: valid/);
  });

  it('regenerates with the same inputs: a new token at the top, same channel, uid and lifetime', async () => {
    await go(page, 'History');
    await expect.poll(() => items().count()).toBe(3);
    await items().nth(2).getByRole('button', { name: 'Regenerate' }).click();
    await expect.poll(() => items().count()).toBe(4);
    const top = items().first();
    expect(await top.getByRole('heading', { level: 2 }).textContent()).toBe('RTC Channel room-1 · UID 42');
    const fresh = (await top.getByLabel('Token', { exact: true }).textContent()) ?? '';
    expect(fresh).not.toBe(rtcToken);
    const decoded = decoded007(fresh);
    expect(decoded.expire).toBe(600);
    expect(decoded.services).toEqual(decoded007(rtcToken).services);
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'New token generated' }).count()).toBe(1);
  });

  it('is usable at 800×600: nothing wider than the window, the actions reachable', async () => {
    await page.setViewportSize({ width: 800, height: 600 });
    try {
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(800);
      const item = items().nth(1);
      for (const name of ['Copy Token', 'Open in Decode', 'Regenerate']) {
        const button = item.getByRole('button', { name, exact: true });
        await button.scrollIntoViewIfNeeded();
        const box = await button.boundingBox();
        expect(box, name).not.toBeNull();
        expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(800);
      }
      await expectAccessible(page, 'History at 800×600');
    } finally {
      await page.setViewportSize({ width: 1280, height: 800 });
    }
  });

  it('clears after a confirmation; Escape keeps the list and returns focus to the button', async () => {
    const open = page.getByRole('button', { name: 'Clear history…' });
    await open.click();
    const confirm = page.getByRole('group', { name: 'Clear history' });
    expect(await confirm.textContent()).toContain('Remove all 4 tokens from the history?');
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Keep them');
    await expectAccessible(page, 'History, clear confirmation');
    await page.keyboard.press('Escape');
    await expect.poll(() => confirm.count()).toBe(0);
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Clear history…');
    expect(await items().count()).toBe(4);

    await open.click();
    await confirm.getByRole('button', { name: 'Clear history' }).click();
    await page.getByText('No tokens yet.').waitFor();
    expect(app.history.list()).toEqual([]);
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
  });
});
