/**
 * App layout (issue 15, fix 5): the rail stays in view while the page scrolls, cards that
 * start with a paragraph get no extra padding, content uses a 1280 px window's width, and at
 * 800×600 nothing is cut off; axe-clean at both sizes in both themes.
 */
import type { Browser, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { keychainReady, randomCredentials } from '../profiles/keychain-env.js';
import { expectNoAxeViolations } from './accessibility.js';
import { appSuite, chromiumReady, openApp, type AppSession } from './app-harness.js';
import { saveScreenshot } from './screenshots.js';

const ready = chromiumReady('Generate layout tests') && (await keychainReady('Generate layout tests'));
const credentials = randomCredentials();

/** Generate with a result, its export and QR open: the longest page the screen has. */
async function longestGenerate(page: Page, app: AppSession): Promise<void> {
  await page.goto(`${app.site.url}#/generate`);
  await page.getByLabel('Channel', { exact: true }).fill('room-1');
  await page.getByRole('button', { name: 'Generate' }).click();
  await page.getByLabel('Token', { exact: true }).waitFor();
  await page.getByRole('button', { name: 'Show QR code' }).click();
  await page.getByRole('img', { name: 'QR code of the token' }).waitFor();
}

const box = (page: Page, selector: string) =>
  page
    .locator(selector)
    .first()
    .evaluate((node) => {
      const rect = node.getBoundingClientRect();
      return { top: rect.top, right: rect.right, bottom: rect.bottom, left: rect.left };
    });

/** Elements whose right edge passes the window's (cut off or forcing a horizontal scroll). */
const overflowing = (page: Page) =>
  page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const cut = [...document.querySelectorAll('main *')]
      .filter((node) => node.getBoundingClientRect().right > width + 0.5)
      .map((node) => `${node.tagName.toLowerCase()}.${node.className}`);
    return { scroll: document.documentElement.scrollWidth - width, cut: cut.slice(0, 5) };
  });

describe.runIf(ready)('App layout, in Chromium on the real handlers', () => {
  let browser: Browser;
  let app: AppSession;
  let page: Page;

  const suite = appSuite({
    seed: (session) => session.profiles.add({ name: 'demo', ...credentials }).then(() => undefined),
  });
  beforeAll(async () => {
    ({ browser, app } = suite);
    page = app.page;
  });

  it('at 1280×800, the content uses the width next to the rail', async () => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await longestGenerate(page, app);
    const result = await box(page, 'section[aria-label="Result"]');
    const rail = await box(page, 'nav.rail');
    // Rail, then the card across the rest, less the screen's padding (no 300 px gap on the right).
    expect(result.left - rail.right).toBeLessThan(48);
    expect(1280 - result.right).toBeLessThan(48);
    await expectNoAxeViolations(page, 'Generate at 1280x800, light');
    await saveScreenshot(page, 'generate-1280-light');
  });

  it('cards that start with a paragraph have no extra space on top', async () => {
    const first = page.locator('form.card > :first-child');
    expect(await first.evaluate((node) => node.tagName)).toBe('P');
    expect(await first.evaluate((node) => getComputedStyle(node).marginTop)).toBe('0px');
  });

  it('keeps the rail in view while the page scrolls', async () => {
    await page.setViewportSize({ width: 800, height: 600 });
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(200);
    const rail = await box(page, 'nav.rail');
    // At the very bottom the page's height may end a fraction of a pixel short of the rail's.
    expect(Math.abs(rail.top)).toBeLessThan(1);
    const lastLink = await box(page, 'nav.rail li:last-child a');
    expect(lastLink.bottom).toBeLessThanOrEqual(600);
  });

  it('at 800×600, nothing is cut off on the right, the tabs included', async () => {
    await page.evaluate(() => window.scrollTo(0, 0));
    expect(await overflowing(page)).toEqual({ scroll: 0, cut: [] });
    const tabs = await page
      .getByRole('tab')
      .evaluateAll((nodes) => nodes.map((node) => node.getBoundingClientRect().right));
    expect(Math.max(...tabs)).toBeLessThanOrEqual(800);
    await expectNoAxeViolations(page, 'Generate at 800x600, light');
    await saveScreenshot(page, 'generate-800-light');
  });

  it('holds in dark mode at both sizes', async () => {
    const dark = await openApp(browser, { colorScheme: 'dark', profiles: app.profiles, route: 'generate' });
    try {
      await dark.page.setViewportSize({ width: 800, height: 600 });
      await longestGenerate(dark.page, dark);
      expect(await overflowing(dark.page)).toEqual({ scroll: 0, cut: [] });
      await expectNoAxeViolations(dark.page, 'Generate at 800x600, dark');
      await saveScreenshot(dark.page, 'generate-800-dark');
      await dark.page.setViewportSize({ width: 1280, height: 800 });
      await expectNoAxeViolations(dark.page, 'Generate at 1280x800, dark');
      expect(dark.pageErrors).toEqual([]);
    } finally {
      await dark.close();
    }
    expect(app.pageErrors).toEqual([]);
  });
});
