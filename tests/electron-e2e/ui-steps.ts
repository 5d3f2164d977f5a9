/**
 * The user's steps in the real window, by the roles and labels the renderer e2e tests rely
 * on (tests/renderer) and, on Generate, by the kind registry's own tab and field labels.
 */
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import type { KindPlan } from './expectations.js';
import { tokensIn } from './expectations.js';

/** Where screenshots go: the workflow uploads ELECTRON_E2E_SCREENSHOT_DIR as an artifact. */
export function screenshotDir(env: NodeJS.ProcessEnv = process.env): string {
  return env['ELECTRON_E2E_SCREENSHOT_DIR'] || join(tmpdir(), 'agora-token-desk-electron-screenshots');
}

/** `<name>-<os>.png`, so the three runners' artifacts never overwrite each other's. */
export async function saveScreenshot(page: Page, name: string): Promise<string> {
  const dir = screenshotDir();
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${name}-${process.platform}.png`);
  await page.screenshot({ path, animations: 'disabled', caret: 'hide' });
  return path;
}

export async function screenTitle(page: Page): Promise<string> {
  return (await page.locator('#screen-title').textContent()) ?? '';
}

/** Follows the navigation link to a screen (`#/generate`, …) and waits until it is the current one. */
export async function openScreen(page: Page, route: string): Promise<void> {
  const link = page.getByRole('navigation').locator(`a[href="#/${route}"]`);
  await link.click();
  await expect.poll(() => link.getAttribute('aria-current')).toBe('page');
}

/** The routes the navigation offers, in its order. */
export async function screenRoutes(page: Page): Promise<string[]> {
  const hrefs = await page
    .getByRole('navigation')
    .locator('a[href^="#/"]')
    .evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
  return hrefs.map((href) => href.slice(2));
}

export async function addProfile(page: Page, name: string, appId: string, appCertificate: string): Promise<void> {
  await page.getByLabel('Profile name').fill(name);
  await page.getByLabel('App ID').fill(appId);
  await page.getByLabel('App Certificate').fill(appCertificate);
  await page.getByRole('button', { name: 'Save profile' }).click();
  await page.getByLabel(`Profile ${name}`).waitFor();
}

/**
 * Picks the kind's tab, types the plan into its form (the field labels come from the
 * registry), submits it and returns the tokens the result shows.
 */
export async function generateKind(page: Page, plan: KindPlan): Promise<string[]> {
  await page.getByRole('tab', { name: plan.kind.label, exact: true }).click();
  const panel = page.getByRole('tabpanel');
  await expect
    .poll(() => page.getByRole('tab', { name: plan.kind.label, exact: true }).getAttribute('aria-selected'))
    .toBe('true');
  for (const { field, value } of plan.entries) {
    const control = panel.getByLabel(field.label, { exact: true });
    if (field.type === 'role') await control.selectOption(value);
    else await control.fill(value);
  }
  const result = page.getByRole('region', { name: 'Result' });
  const shown = async () => tokensIn(await result.locator('pre, code').allTextContents());
  // A kind generated before shows its last token: wait for a new one (each has its own salt).
  const before = (await shown()).join(' ');
  await panel.locator('form button[type="submit"]').click();
  await expect.poll(async () => (await shown()).length > 0 && (await shown()).join(' ') !== before).toBe(true);
  return shown();
}
