import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { keychainReady, randomCredentials } from '../profiles/keychain-env.js';
import { expectAccessibleInBothThemes, expectNoAxeViolations } from './accessibility.js';
import { appSuite, chromiumReady, type AppSession } from './app-harness.js';
import { fieldErrors } from './field-errors.js';
import { saveScreenshot } from './screenshots.js';

const ready = chromiumReady('Profiles fixes tests') && (await keychainReady('Profiles fixes tests'));
const first = randomCredentials();
const second = randomCredentials();

async function fillAdd(page: Page, name: string, appId: string, appCertificate: string): Promise<void> {
  await page.getByLabel('Profile name').fill(name);
  await page.getByLabel('App ID').fill(appId);
  await page.getByLabel('App Certificate').fill(appCertificate);
}

describe.runIf(ready)('Profiles: first profile, field errors, rename and layout', () => {
  let app: AppSession;
  let page: Page;

  const suite = appSuite();
  beforeAll(async () => {
    ({ app } = suite);
    page = app.page;
    await page.getByRole('heading', { name: 'Profiles', level: 1 }).waitFor();
  });

  it('does not turn the add form red when the user empties it, and marks fields only on leaving or submit', async () => {
    const form = page.getByRole('form', { name: 'Add a profile' });
    await fillAdd(page, 'x', 'abc', '12');
    await fillAdd(page, '', '', '');
    await page.getByLabel('Profile name').focus();
    expect(await fieldErrors(form)).toEqual([]);
    expect(await form.locator('.field-error').count()).toBe(0);
    await page.getByLabel('App ID').fill('not-hex');
    await page.getByLabel('App ID').blur();
    await expect.poll(() => fieldErrors(form)).toEqual(['App ID must be 32 hexadecimal characters']);
    await page.getByRole('button', { name: 'Save profile' }).click();
    await expect.poll(() => fieldErrors(form).then((errors) => errors.length)).toBe(3);
    // Errors are tied to their fields, not alerts that re-announce on each keystroke; the submit
    // says once, politely, that fields need attention.
    expect(await form.getByRole('alert').count()).toBe(0);
    expect(await form.getByRole('status').first().textContent()).toBe('Check the 3 fields marked below.');
    await expectAccessibleInBothThemes(page, 'Profiles, add form with errors after submit');
  });

  it('says "Saved" only once the list shows the profile, then offers the next step', async () => {
    await page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { savedTooEarly: string[] }).savedTooEarly = seen;
      new MutationObserver(() => {
        const text = document.body.textContent ?? '';
        if (text.includes('Saved profile') && (text.includes('Welcome.') || !document.querySelector('.profile-list')))
          seen.push(text.slice(0, 80));
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    });
    await fillAdd(page, 'first', first.appId, first.appCertificate);
    await page.getByRole('button', { name: 'Save profile' }).click();
    const next = page.getByRole('link', { name: 'Generate a token →' });
    await next.waitFor();
    expect(await page.evaluate(() => (window as unknown as { savedTooEarly: string[] }).savedTooEarly)).toEqual([]);
    expect(await page.getByText('Welcome.').count()).toBe(0);
    await saveScreenshot(page, 'profiles-first-saved-light');
    await expectAccessibleInBothThemes(page, 'Profiles, first profile saved with the next step');
    await next.click();
    await page.getByRole('heading', { name: 'Generate', level: 1 }).waitFor();
    await page.getByRole('link', { name: 'Profiles' }).click();
    await page.getByRole('heading', { name: 'Profiles', level: 1 }).waitFor();
  });

  it('offers no next-step link after a later profile', async () => {
    await fillAdd(page, 'second', second.appId, second.appCertificate);
    await page.getByRole('button', { name: 'Save profile' }).click();
    await page.getByLabel('Profile second').waitFor();
    await page.getByRole('status').filter({ hasText: 'Saved profile “second”' }).waitFor();
    expect(await page.getByRole('link', { name: 'Generate a token →' }).count()).toBe(0);
  });

  it('lays out the default profile’s buttons like the others, below the name, at 1280 and 800 px', async () => {
    for (const size of [
      { width: 1280, height: 800 },
      { width: 800, height: 600 },
    ]) {
      await page.setViewportSize(size);
      for (const name of ['first', 'second']) {
        const row = page.getByLabel(`Profile ${name}`);
        const title = await row.locator('strong').first().boundingBox();
        const rename = await row.getByRole('button', { name: 'Rename' }).boundingBox();
        expect(rename && title && rename.y > title.y + title.height, `${name} at ${size.width}`).toBe(true);
        expect(rename && title && rename.x - title.x, `${name} at ${size.width}`).toBeLessThan(200);
      }
      await expectNoAxeViolations(page, `Profiles with two profiles at ${size.width}×${size.height}`);
    }
  });

  it('marks the name field when a rename would duplicate another profile’s name', async () => {
    const row = page.getByLabel('Profile second');
    await row.getByRole('button', { name: 'Rename' }).click();
    const field = page.getByLabel('New name for second');
    await field.fill('FIRST');
    await row.getByRole('button', { name: 'Save name' }).click();
    await expect.poll(() => field.getAttribute('aria-invalid')).toBe('true');
    expect(await fieldErrors(row)).toEqual([expect.stringMatching(/already exists/)]);
    expect(await row.getByRole('alert').count()).toBe(0);
    await expectAccessibleInBothThemes(page, 'Profiles, duplicate rename at the field');
    await field.fill('second-b');
    expect(await field.getAttribute('aria-invalid')).toBeNull();
    await row.getByRole('button', { name: 'Save name' }).click();
    await page.getByLabel('Profile second-b').waitFor();
    expect(app.pageErrors).toEqual([]);
  });
});
