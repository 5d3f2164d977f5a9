/**
 * Heading levels never jump (issue 15, fix 8): on every screen, in the states that add
 * headings (a generated token with its export panel, a decoded token, a listening server's
 * log, a history entry), each heading is at most one level below the one before it.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { keychainReady, randomCredentials } from '../profiles/keychain-env.js';
import { appSuite, chromiumReady } from './app-harness.js';
import { headingJumps } from './field-errors.js';

const ready = chromiumReady('Heading tests') && (await keychainReady('Heading tests'));
const credentials = randomCredentials();

async function visit(page: Page, url: string, screen: string, title: string): Promise<void> {
  await page.goto(`${url}#/${screen}`);
  await page.getByRole('heading', { name: title, level: 1 }).waitFor();
}

describe.runIf(ready)('heading levels, in Chromium on the real handlers', () => {
  let page: Page;
  let url: string;
  const suite = appSuite({
    seed: (session) => session.profiles.add({ name: 'demo', ...credentials }).then(() => undefined),
  });
  beforeAll(() => {
    page = suite.app.page;
    url = suite.app.site.url;
  });

  it('Generate with a result and its export panel', async () => {
    await visit(page, url, 'generate', 'Generate');
    await page.getByLabel('Channel', { exact: true }).fill('headings');
    await page.getByRole('button', { name: 'Generate', exact: true }).click();
    await page.getByLabel('Token', { exact: true }).waitFor();
    expect(await headingJumps(page)).toEqual([]);
  });

  it('Decode with the generated token, History with its entry', async () => {
    await page.getByRole('button', { name: 'Open token in Decode' }).click();
    await page.getByRole('heading', { name: 'Decode', level: 1 }).waitFor();
    await page.getByRole('heading', { name: 'Decoded token' }).waitFor();
    expect(await headingJumps(page)).toEqual([]);
    await visit(page, url, 'history', 'History');
    await expect.poll(() => page.getByRole('heading', { level: 2 }).count()).toBeGreaterThan(0);
    expect(await headingJumps(page)).toEqual([]);
  });

  it('Local server, Profiles and Settings', async () => {
    for (const [screen, title] of [
      ['server', 'Local server'],
      ['profiles', 'Profiles'],
      ['settings', 'Settings'],
    ] as const) {
      await visit(page, url, screen, title);
      expect(await headingJumps(page), screen).toEqual([]);
    }
  });
});
