import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../shared/contract/settings.js';
import { SETTINGS_FILE } from '../../shared/settings/settings-store.js';
import { keychainReady } from '../profiles/keychain-env.js';
import { expectNoAxeViolations } from './accessibility.js';
import { appSuite, chromiumReady, type AppSession } from './app-harness.js';
import { saveScreenshot } from './screenshots.js';

const ready = chromiumReady('Settings tests') && (await keychainReady('Settings tests'));

const LIGHT_BG = 'rgb(246, 247, 249)';
const DARK_BG = 'rgb(21, 24, 29)';

const background = (page: Page) => page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
const themeAttribute = (page: Page) => page.evaluate(() => document.documentElement.dataset['theme'] ?? 'none');
const savedFile = (app: AppSession): Record<string, unknown> =>
  JSON.parse(readFileSync(join(app.home, SETTINGS_FILE), 'utf8')) as Record<string, unknown>;

async function reloadSettings(page: Page): Promise<void> {
  await page.reload();
  await expect.poll(() => page.locator('#screen-title').textContent()).toBe('Settings');
}

describe.runIf(ready)('Settings in Chromium', () => {
  let app: AppSession;
  let page: Page;
  const suite = appSuite();
  beforeAll(() => {
    app = suite.app;
    page = app.page;
  });

  it('is the last entry of the navigation and shows the defaults', async () => {
    const links = page.getByRole('navigation', { name: 'Screens' }).getByRole('link');
    await expect.poll(() => links.last().textContent()).toBe('Settings');
    await links.last().click();
    await expect.poll(() => page.locator('#screen-title').textContent()).toBe('Settings');
    expect(await page.getByRole('radio', { name: 'Same as the system' }).isChecked()).toBe(true);
    expect(await page.getByRole('radio', { name: 'Local time' }).isChecked()).toBe(true);
    expect(await page.getByRole('textbox', { name: 'Default expiry' }).inputValue()).toBe('1h');
    expect(await page.getByRole('textbox', { name: 'Default port' }).inputValue()).toBe(
      String(DEFAULT_SETTINGS.defaultPort),
    );
    expect(await page.getByRole('checkbox', { name: /Start the server when the app starts/ }).isChecked()).toBe(false);
    expect(await background(page)).toBe(LIGHT_BG);
    await expectNoAxeViolations(page, 'Settings, light');
    await saveScreenshot(page, 'settings-light');
  });

  it('applies the theme at once, overrides the OS both ways, and keeps it after a reload', async () => {
    await page.getByRole('radio', { name: 'Dark' }).check();
    await expect.poll(() => themeAttribute(page)).toBe('dark');
    await expect.poll(() => background(page)).toBe(DARK_BG);
    await expectNoAxeViolations(page, 'Settings, dark theme chosen');
    await saveScreenshot(page, 'settings-dark');
    await reloadSettings(page);
    await expect.poll(() => background(page)).toBe(DARK_BG);
    expect(await page.getByRole('radio', { name: 'Dark' }).isChecked()).toBe(true);

    // The OS says dark; an explicit Light wins, and System follows the OS again.
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.getByRole('radio', { name: 'Light' }).check();
    await expect.poll(() => background(page)).toBe(LIGHT_BG);
    await expectNoAxeViolations(page, 'Settings, light theme chosen on a dark OS');
    await page.getByRole('radio', { name: 'Same as the system' }).check();
    await expect.poll(() => themeAttribute(page)).toBe('none');
    await expect.poll(() => background(page)).toBe(DARK_BG);
    await expectNoAxeViolations(page, 'Settings, system theme on a dark OS');
    await page.emulateMedia({ colorScheme: 'light' });
    await expect.poll(() => background(page)).toBe(LIGHT_BG);
    expect(savedFile(app)['theme']).toBe('system');
  });

  it('keeps the time display, both server choices, expiry and port after a reload', async () => {
    await page.getByRole('radio', { name: 'UTC' }).check();
    await page.getByRole('checkbox', { name: /Start the server when the app starts/ }).check();
    await page.getByRole('checkbox', { name: /Keep the server running/ }).check();
    const expiry = page.getByRole('textbox', { name: 'Default expiry' });
    await expiry.fill('10m');
    await expiry.press('Enter');
    const port = page.getByRole('textbox', { name: 'Default port' });
    await port.fill('9400');
    await port.blur();
    await expect.poll(() => page.getByRole('status').last().textContent()).toBe('Default port saved.');
    expect(savedFile(app)).toMatchObject({
      timeDisplay: 'utc',
      startServerAtLaunch: true,
      keepServerRunningOnClose: true,
      defaultExpirySeconds: 600,
      defaultPort: 9400,
    });

    await reloadSettings(page);
    await expect.poll(() => page.getByRole('radio', { name: 'UTC' }).isChecked()).toBe(true);
    expect(await page.getByRole('checkbox', { name: /Start the server when the app starts/ }).isChecked()).toBe(true);
    expect(await page.getByRole('checkbox', { name: /Keep the server running/ }).isChecked()).toBe(true);
    expect(await page.getByRole('textbox', { name: 'Default expiry' }).inputValue()).toBe('10m');
    expect(await page.getByRole('textbox', { name: 'Default port' }).inputValue()).toBe('9400');

    await page.getByRole('radio', { name: 'Unix seconds' }).check();
    await page.getByRole('checkbox', { name: /Start the server when the app starts/ }).uncheck();
    await expect.poll(() => savedFile(app)).toMatchObject({ timeDisplay: 'unix', startServerAtLaunch: false });
  });

  it('shows a bad value at its field and saves nothing', async () => {
    const port = page.getByRole('textbox', { name: 'Default port' });
    await port.fill('0');
    await port.press('Enter');
    await expect.poll(() => port.getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('.field-error').textContent()).toBe('Enter a port from 1 to 65535.');
    const expiry = page.getByRole('textbox', { name: 'Default expiry' });
    await expiry.fill('soon');
    await expiry.blur();
    await expect.poll(() => expiry.getAttribute('aria-invalid')).toBe('true');
    await expectNoAxeViolations(page, 'Settings, invalid expiry and port');
    expect(savedFile(app)).toMatchObject({ defaultPort: 9400, defaultExpirySeconds: 600 });
    await port.fill('9401');
    await port.press('Enter');
    await expect.poll(() => port.getAttribute('aria-invalid')).toBe(null);
    await expect.poll(() => savedFile(app)['defaultPort']).toBe(9401);
  });

  it('fits 800×600 without sideways scrolling, in both themes, with no page error', async () => {
    await page.setViewportSize({ width: 800, height: 600 });
    for (const theme of ['Dark', 'Light'] as const) {
      await page.getByRole('radio', { name: theme }).check();
      await expect.poll(() => background(page)).toBe(theme === 'Dark' ? DARK_BG : LIGHT_BG);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await expectNoAxeViolations(page, `Settings at 800×600, ${theme}`);
    }
    expect(app.pageErrors).toEqual([]);
  });
});
