/**
 * The Local server's request log as a tool: read from main, first on the screen, never a
 * word broken over two lines, rows that open, a filter and Clear (issue 15).
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { keychainReady, randomCredentials } from '../profiles/keychain-env.js';
import { appSuite, chromiumReady, type AppSession } from './app-harness.js';
import { saveScreenshot } from './screenshots.js';
import { brokenWords, expectCleanEverywhere } from './server-views.js';

const ready = chromiumReady('Local server log tests') && (await keychainReady('Local server log tests'));
const credentials = randomCredentials();
const LONG_PATH = '/rte/a-rather-long-channel-name-for-the-log/publisher/userAccount/someone-with-a-long-account/';

describe.runIf(ready)('Local server request log', () => {
  let app: AppSession;
  let page: Page;
  let url: string;

  const suite = appSuite({
    route: 'server',
    seed: async (app) => {
      await app.profiles.add({ name: 'demo', ...credentials });
    },
  });
  const rows = () => page.getByLabel('Request log').locator('tbody tr:not(.request-details-row)');

  beforeAll(async () => {
    app = suite.app;
    page = app.page;
    await page.getByRole('heading', { name: 'Local server', level: 1 }).waitFor();
    await page.getByLabel('Port', { exact: true }).fill('0');
    await page.getByRole('button', { name: 'Start server' }).click();
    url = (await page.getByLabel('Server URL', { exact: true }).textContent()) ?? '';
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    await fetch(`${url}/ping`);
    await fetch(`${url}${LONG_PATH}`);
    await fetch(`${url}/rtc/room/publisher/uid/not-a-number/`);
    await fetch(`${url}/getToken`, { method: 'POST', body: JSON.stringify({ tokenType: 'rtm', uid: 'alice' }) });
    await rows().nth(3).waitFor();
  });

  it('comes before the curl examples', async () => {
    const order = await page.evaluate(() => {
      const log = document.querySelector('[aria-label="Request log"]');
      const examples = document.getElementById('try-it-title');
      return log !== null && examples !== null && Boolean(log.compareDocumentPosition(examples) & 4);
    });
    expect(order).toBe(true);
  });

  it('breaks no word over two lines at 800 px, and the page never scrolls sideways', async () => {
    await page.setViewportSize({ width: 800, height: 600 });
    expect(await brokenWords(page)).toEqual([]);
    await page.setViewportSize({ width: 1280, height: 800 });
    expect(await brokenWords(page)).toEqual([]);
    await expectCleanEverywhere(page, 'request log with four requests');
  });

  it('opens a row on click to show status, error message, kind and timing', async () => {
    await rows().filter({ hasText: 'not-a-number' }).click();
    const details = page.getByRole('definition');
    await expect.poll(() => page.locator('.request-details').count()).toBe(1);
    const text = (await page.locator('.request-details').textContent()) ?? '';
    expect(text).toContain('400 Bad Request');
    expect(text).toMatch(/Error.*uid/);
    expect(text).toContain('Kindrtc');
    expect(text).toMatch(/answered in \d+\.\d\d ms/);
    expect(await details.count()).toBe(5);
    const button = rows().filter({ hasText: 'not-a-number' }).getByRole('button');
    expect(await button.getAttribute('aria-expanded')).toBe('true');
    expect(await button.getAttribute('aria-controls')).toBe(
      await page.locator('.request-details-row').getAttribute('id'),
    );
    await expectCleanEverywhere(page, 'request log, a failed request opened');
    await saveScreenshot(page, 'server-request-details-light');
    await page.emulateMedia({ colorScheme: 'dark' });
    await saveScreenshot(page, 'server-request-details-dark');
    await page.emulateMedia({ colorScheme: 'light' });
    await rows().filter({ hasText: 'not-a-number' }).click();
    await expect.poll(() => page.locator('.request-details').count()).toBe(0);
  });

  it('opens a row with Enter from the keyboard: the kind of a /getToken is its tokenType', async () => {
    const button = rows().filter({ hasText: '/getToken' }).getByRole('button');
    await button.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.request-details').textContent()).toContain('Kindrtm');
    expect(await page.locator('.request-details').textContent()).toContain('200 OK');
    expect(await page.locator('.request-details').textContent()).toContain('Errornone');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.request-details').count()).toBe(0);
  });

  it('filters by what is typed, or to errors only', async () => {
    const filter = page.getByLabel('Filter requests');
    await filter.fill('rtm');
    await expect.poll(() => rows().count()).toBe(1);
    expect(await rows().first().textContent()).toContain('/getToken');
    await filter.fill('no such request');
    await expect.poll(() => rows().count()).toBe(0);
    expect(await page.getByText('No request matches the filter.').count()).toBe(1);
    await expectCleanEverywhere(page, 'request log, filter matching nothing');
    await filter.fill('');
    await page.getByRole('checkbox', { name: 'Errors only' }).check();
    await expect.poll(() => rows().count()).toBe(1);
    expect(await rows().first().textContent()).toContain('not-a-number');
    await page.getByRole('checkbox', { name: 'Errors only' }).uncheck();
    await expect.poll(() => rows().count()).toBe(4);
  });

  it('Clear empties the log in main too, and keeps focus in the log', async () => {
    expect(app.server.recentRequests()).toHaveLength(4);
    await page.getByRole('button', { name: 'Clear log' }).click();
    await expect.poll(() => rows().count()).toBe(0);
    expect(app.server.recentRequests()).toEqual([]);
    expect(await page.getByLabel('Filter requests').evaluate((element) => element === document.activeElement)).toBe(
      true,
    );
    await expectCleanEverywhere(page, 'request log, cleared');
    await fetch(`${url}/ping`);
    await expect.poll(() => rows().count()).toBe(1);
    expect(app.pageErrors).toEqual([]);
  });
});
