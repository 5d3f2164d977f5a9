/**
 * Generate keeps its state and never contradicts itself (issue 15, fixes 1, 2, 5 and 8):
 * form and results survive navigation, a result shows only under the kind that made it,
 * untouched fields show no error, a new result is scrolled into view and announced, the
 * kind tabs follow the ARIA tabs pattern, and focus lands on Decode after Open in Decode.
 */
import type { Browser, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { keychainReady, randomCredentials } from '../profiles/keychain-env.js';
import { expectNoAxeViolations } from './accessibility.js';
import { appSuite, chromiumReady, openApp, type AppSession } from './app-harness.js';
import { saveScreenshot } from './screenshots.js';

const ready = chromiumReady('Generate state tests') && (await keychainReady('Generate state tests'));
const credentials = randomCredentials();

async function shownToken(page: Page, label = 'Token'): Promise<string> {
  const output = page.getByLabel(label, { exact: true });
  await output.waitFor();
  return (await output.textContent()) ?? '';
}

async function gotoGenerate(page: Page, app: AppSession): Promise<void> {
  await page.goto(`${app.site.url}#/generate`);
  await page.getByRole('heading', { name: 'Generate', level: 1 }).waitFor();
}

const invalidFields = (page: Page) => page.locator('[aria-invalid="true"]').count();
const fieldErrors = (page: Page) => page.locator('.field-error').allTextContents();
const activeLabel = (page: Page) =>
  page.evaluate(() => {
    const active = document.activeElement;
    return active === null ? '' : `${active.tagName.toLowerCase()}:${active.textContent ?? ''}`;
  });

describe.runIf(ready)('Generate state, in Chromium on the real handlers', () => {
  let browser: Browser;
  let app: AppSession;
  let page: Page;

  const suite = appSuite({
    seed: (session) => session.profiles.add({ name: 'demo', ...credentials }).then(() => undefined),
  });
  beforeAll(async () => {
    ({ browser, app } = suite);
    page = app.page;
    await gotoGenerate(page, app);
  });

  it('shows no error on fields the user has not touched, even after switching kinds', async () => {
    await page.getByRole('tab', { name: 'RTM', exact: true }).click();
    await page.getByRole('tab', { name: 'RTC', exact: true }).click();
    await page.getByLabel('Channel', { exact: true }).fill('x');
    await page.getByLabel('Channel', { exact: true }).fill('');
    // Still typing in the first field: no error yet, anywhere.
    expect(await invalidFields(page)).toBe(0);
    await page.getByRole('tab', { name: 'Chat' }).click();
    expect(await invalidFields(page)).toBe(0);
    expect(await fieldErrors(page)).toEqual([]);
    await expectNoAxeViolations(page, 'Generate, untouched Chat form');
  });

  it('shows a field error once the user leaves the field, and every error after Generate', async () => {
    await page.getByRole('tab', { name: 'RTC', exact: true }).click();
    await page.getByLabel('Channel', { exact: true }).fill('bad/channel');
    expect(await invalidFields(page)).toBe(0);
    await page.getByLabel('Channel', { exact: true }).blur();
    await expect.poll(() => fieldErrors(page)).toEqual([expect.stringContaining('channel may contain only')]);
    await page.getByLabel('UID', { exact: true }).fill('4294967296');
    expect(await page.getByLabel('UID', { exact: true }).getAttribute('aria-invalid')).toBeNull();
    await page.getByRole('button', { name: 'Generate' }).click();
    await expect.poll(() => invalidFields(page)).toBe(2);
    await expectNoAxeViolations(page, 'Generate, errors after submit');
  });

  it('keeps each result under the kind that made it', async () => {
    await page.getByLabel('Channel', { exact: true }).fill('room-1');
    await page.getByLabel('UID', { exact: true }).fill('42');
    await page.getByRole('button', { name: 'Generate' }).click();
    const rtcToken = await shownToken(page);
    await page.getByRole('tab', { name: 'RTM', exact: true }).click();
    await page.getByRole('form', { name: 'RTM token' }).waitFor();
    expect(await page.getByRole('region', { name: 'Result' }).count()).toBe(0);
    expect(await page.getByLabel('CLI command', { exact: true }).count()).toBe(0);
    expect(await invalidFields(page)).toBe(0);
    await page.getByRole('tab', { name: 'RTC', exact: true }).click();
    expect(await shownToken(page)).toBe(rtcToken);
    expect(await page.getByLabel('CLI command', { exact: true }).textContent()).toContain('--channel room-1 --uid 42');
  });

  it('announces a new result in a polite live region', async () => {
    const status = page.getByRole('status');
    expect(await status.getAttribute('aria-live')).toBe('polite');
    // The tabs were switched since: what was said then is gone, not repeated for another kind.
    expect(await status.textContent()).toBe('');
    await page.getByRole('button', { name: 'Generate' }).click();
    await expect.poll(() => status.textContent()).toMatch(/^RTC token generated\.\s?$/);
    // Generating again changes the text, so a screen reader speaks again.
    const first = await status.textContent();
    await page.getByRole('button', { name: 'Generate' }).click();
    await expect.poll(() => status.textContent()).not.toBe(first);
    expect(await status.textContent()).toMatch(/^RTC token generated\.\s?$/);
  });

  it('keeps the form and the result across Open in Decode and back; focus lands on Decode', async () => {
    const token = await shownToken(page);
    await page.getByRole('button', { name: 'Open token in Decode' }).click();
    await expect.poll(() => page.locator('#screen-title').textContent()).toBe('Decode');
    // Focus lands in Decode's token box, holding the token (as from History), not on <body>.
    await expect.poll(() => activeLabel(page)).toMatch(/^textarea:007/);
    await page
      .getByRole('navigation', { name: 'Screens' })
      .getByRole('link', { name: 'Generate', exact: true })
      .click();
    await page.getByRole('heading', { name: 'Generate', level: 1 }).waitFor();
    expect(await page.getByLabel('Channel', { exact: true }).inputValue()).toBe('room-1');
    expect(await page.getByLabel('UID', { exact: true }).inputValue()).toBe('42');
    expect(await shownToken(page)).toBe(token);
    expect(await page.getByRole('tab', { selected: true }).textContent()).toBe('RTC');
  });

  it('moves between kind tabs with arrow keys, Home and End, with one tab stop', async () => {
    const tabs = page.getByRole('tab');
    const count = await tabs.count();
    expect(count).toBeGreaterThan(5);
    const tabStops = await tabs.evaluateAll((nodes) => nodes.map((node) => (node as HTMLElement).tabIndex));
    expect(tabStops.filter((stop) => stop === 0)).toHaveLength(1);
    await page.getByRole('tab', { name: 'RTC', exact: true }).focus();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => activeLabel(page)).toBe('button:RTM');
    expect(await page.getByRole('tab', { selected: true }).textContent()).toBe('RTM');
    await page.getByRole('form', { name: 'RTM token' }).waitFor();
    await page.keyboard.press('End');
    const last = (await tabs.nth(count - 1).textContent()) ?? '';
    await expect.poll(() => activeLabel(page)).toBe(`button:${last}`);
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => activeLabel(page)).toBe('button:RTC');
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => activeLabel(page)).toBe(`button:${last}`);
    await page.keyboard.press('Home');
    await expect.poll(() => activeLabel(page)).toBe('button:RTC');
    expect(await page.getByRole('tab', { name: 'RTC', exact: true }).getAttribute('tabindex')).toBe('0');
    expect(await page.getByRole('tab', { name: 'RTM', exact: true }).getAttribute('tabindex')).toBe('-1');
    // One Tab from the tabs reaches the panel's first field.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe(
      await page.getByLabel('Channel', { exact: true }).getAttribute('id'),
    );
    expect(await page.getByRole('tabpanel').getAttribute('aria-labelledby')).toBe(
      await page.getByRole('tab', { name: 'RTC', exact: true }).getAttribute('id'),
    );
    await expectNoAxeViolations(page, 'Generate, tabs by keyboard');
  });

  it('at 800×600, brings a new result into view', async () => {
    await page.setViewportSize({ width: 800, height: 600 });
    try {
      await gotoGenerate(page, app);
      await page.getByRole('tab', { name: 'RTC', exact: true }).click();
      await page.getByLabel('Channel', { exact: true }).fill('room-1');
      await page.getByLabel('UID', { exact: true }).fill('43');
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.getByRole('button', { name: 'Generate' }).click();
      await expect.poll(() => page.getByRole('status').textContent()).toMatch(/^RTC token generated\.\s?$/);
      await expect.poll(() => shownToken(page)).toMatch(/^007/);
      const output = page.getByLabel('Token', { exact: true });
      await expect
        .poll(() =>
          output.evaluate((node) => {
            const box = node.getBoundingClientRect();
            return box.top >= 0 && box.top < window.innerHeight;
          }),
        )
        .toBe(true);
      await expectNoAxeViolations(page, 'Generate result at 800x600');
    } finally {
      await page.setViewportSize({ width: 1200, height: 860 });
    }
  });

  it('has no axe violations with a result in dark mode, and no page errors', async () => {
    const dark = await openApp(browser, { colorScheme: 'dark', profiles: app.profiles, route: 'generate' });
    try {
      await gotoGenerate(dark.page, dark);
      await dark.page.getByLabel('Channel', { exact: true }).fill('room-1');
      await dark.page.getByRole('button', { name: 'Generate' }).click();
      await shownToken(dark.page);
      await expectNoAxeViolations(dark.page, 'Generate result, dark');
      await dark.page.getByRole('tab', { name: 'Chat' }).click();
      await expectNoAxeViolations(dark.page, 'Generate, untouched Chat form, dark');
      await saveScreenshot(dark.page, 'generate-tabs-dark');
      expect(dark.pageErrors).toEqual([]);
    } finally {
      await dark.close();
    }
    expect(app.pageErrors).toEqual([]);
  });
});
