/**
 * The Settings reach the screens that use them: new Generate forms start at the default
 * expiry, the Local server's port starts at the default port, and every absolute time on
 * Generate, Decode and History follows the time display.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { keychainReady, randomCredentials } from '../profiles/keychain-env.js';
import { appSuite, chromiumReady, type AppSession } from './app-harness.js';

const ready = chromiumReady('Settings applied tests') && (await keychainReady('Settings applied tests'));
const credentials = randomCredentials();

/** The text of every <time> element on the page. */
const shownTimes = (page: Page) => page.locator('main time').allTextContents();

async function visit(page: Page, app: AppSession, screen: string, title: string): Promise<void> {
  await page.goto(`${app.site.url}#/${screen}`);
  await page.getByRole('heading', { name: title, level: 1 }).waitFor();
}

describe.runIf(ready)('Settings applied, in Chromium on the real handlers', () => {
  let app: AppSession;
  let page: Page;
  const suite = appSuite({
    seed: async (session) => {
      await session.profiles.add({ name: 'demo', ...credentials });
      const set = await session.handlers['settings:set']({
        timeDisplay: 'unix',
        defaultExpirySeconds: 600,
        defaultPort: 9400,
      });
      if (!set.ok) throw new Error(set.error.message);
    },
  });
  beforeAll(async () => {
    app = suite.app;
    page = app.page;
  });

  it('Generate starts at the default expiry and shows the expiry in Unix seconds', async () => {
    await visit(page, app, 'generate', 'Generate');
    await expect.poll(() => page.getByLabel('Token expiry').inputValue()).toBe('600');
    await page.getByLabel('Channel', { exact: true }).fill('settings');
    await page.getByRole('button', { name: 'Generate', exact: true }).click();
    await page.getByLabel('Token', { exact: true }).waitFor();
    const times = await shownTimes(page);
    expect(times.length).toBeGreaterThan(0);
    for (const time of times) expect(time).toMatch(/^\d{10}$/);
  });

  it('Decode and History show Unix seconds too', async () => {
    await page.getByRole('button', { name: 'Open token in Decode' }).click();
    await page.getByRole('heading', { name: 'Decoded token' }).waitFor();
    const decodeTimes = await shownTimes(page);
    expect(decodeTimes.length).toBeGreaterThan(0);
    for (const time of decodeTimes) expect(time).toMatch(/^\d{10}$/);
    await visit(page, app, 'history', 'History');
    await expect.poll(async () => (await shownTimes(page)).length).toBeGreaterThan(0);
    for (const time of await shownTimes(page)) expect(time).toMatch(/^\d{10}$/);
  });

  it('the Local server form starts at the default port', async () => {
    await visit(page, app, 'server', 'Local server');
    expect(await page.getByLabel('Port', { exact: true }).inputValue()).toBe('9400');
  });
});
