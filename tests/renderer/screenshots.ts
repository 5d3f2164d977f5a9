/**
 * Screenshots of each screen, taken by the e2e tests that reach that state. `npm run screenshots`
 * (SCREENSHOTS=1) writes them to docs/screenshots for the README; a plain `npm test` takes them
 * too, so the capture path stays tested, but into a temporary folder: the tests never change
 * tracked files. Taken: generate, decode, server, profiles and settings (settings.test.ts), each
 * `-light` and `-dark`.
 *
 * Local server states (server*.test.ts): server-light / server-dark (log with requests),
 * server-listening-rail-light (listening, rail status with URL and request count),
 * server-request-details-light / -dark (a failed request opened in the log),
 * server-port-in-use-light (the error at the Port field).
 */
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { REPO_ROOT } from '../helpers/cli.js';

export const README_SCREENSHOT_DIR = join(REPO_ROOT, 'docs', 'screenshots');

export function screenshotDir(env: NodeJS.ProcessEnv = process.env): string {
  return env['SCREENSHOTS'] === '1'
    ? README_SCREENSHOT_DIR
    : // One folder, overwritten by each run: a folder per process was left behind by every run.
      join(tmpdir(), 'agora-token-desk-screenshots');
}

export async function saveScreenshot(page: Page, name: string): Promise<string> {
  const dir = screenshotDir();
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${name}.png`);
  // From the top: the rail is sticky, so a full-page shot taken scrolled down draws it mid-page.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path, fullPage: true, animations: 'disabled', caret: 'hide' });
  return path;
}
