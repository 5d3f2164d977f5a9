/**
 * Generate works on the first click (issue 23): every kind generates with only the fields a
 * user must fill, a result and its announcement belong to the inputs that made them, each
 * kind keeps its own fields, Flexible Classroom names the token it builds, and the curl line
 * shows the running server's address or says to start it.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { decodeToken } from '../../shared/token/index.js';
import { TOKEN_KINDS } from '../../shared/token/kinds/registry.js';
import { keychainReady, randomCredentials } from '../profiles/keychain-env.js';
import { expectNoAxeViolations } from './accessibility.js';
import { appSuite, chromiumReady, type AppSession } from './app-harness.js';

const ready = chromiumReady('Generate defaults tests') && (await keychainReady('Generate defaults tests'));
const credentials = randomCredentials();

/** What a user must type per kind; everything else keeps the form's own default. */
const REQUIRED: Record<(typeof TOKEN_KINDS)[number]['id'], Record<string, string>> = {
  rtc: { Channel: 'room-1' },
  rtm: { 'User ID': 'alice' },
  rte: { Channel: 'room-1' },
  chat: {},
  'rtc-rtm': { Channel: 'room-1' },
  convoai: { Channel: 'room-1' },
  stt: { Channel: 'room-1' },
  apaas: {},
  fpa: {},
};

const announcement = (page: Page) => page.locator('[role="status"][aria-live="polite"]').textContent();
const staleNote = (page: Page) => page.locator('#gen-stale').count();
const tokens = (page: Page) => page.locator('.token-output').allTextContents();

async function openTab(page: Page, label: string): Promise<void> {
  await page.getByRole('tab', { name: label, exact: true }).click();
  await page.getByRole('form', { name: `${label} token` }).waitFor();
}

async function generate(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Generate', exact: true }).click();
}

describe.runIf(ready)('Generate defaults, in Chromium on the real handlers', () => {
  let app: AppSession;
  let page: Page;

  const suite = appSuite({
    route: 'generate',
    seed: (session) => session.profiles.add({ name: 'demo', ...credentials }),
  });
  beforeAll(async () => {
    app = suite.app;
    page = app.page;
    await page.getByRole('heading', { name: 'Generate', level: 1 }).waitFor();
  });

  it.each(TOKEN_KINDS.map((kind) => [kind.label, kind.id] as const))(
    'generates %s with only its required fields filled',
    async (label, id) => {
      await openTab(page, label);
      for (const [field, value] of Object.entries(REQUIRED[id])) {
        const box = page.getByLabel(field, { exact: true });
        expect(await box.inputValue()).toBe('');
        await box.fill(value);
      }
      // Nothing the user had to fill says it is optional.
      const labels = await page
        .getByRole('form', { name: `${label} token` })
        .locator('label')
        .allTextContents();
      for (const field of Object.keys(REQUIRED[id])) expect(labels).toContain(field);
      expect(labels.filter((text) => /optional/i.test(text) && Object.keys(REQUIRED[id]).includes(text))).toEqual([]);
      await generate(page);
      await expect.poll(() => tokens(page)).not.toEqual([]);
      for (const token of await tokens(page)) {
        expect(decodeToken(token, { appCertificate: credentials.appCertificate }).signature).toBe('valid');
      }
      const escaped = label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      await expect.poll(() => announcement(page)).toMatch(new RegExp(`^${escaped} (app |user )?token generated\\.`));
      expect(await page.locator('.field-error').allTextContents()).toEqual([]);
      expect(await staleNote(page)).toBe(0);
      expect(app.pageErrors).toEqual([]);
    },
  );

  it('names the Flexible Classroom token it builds: app, user, room user', async () => {
    await openTab(page, 'Flexible Classroom');
    const builds = () => page.locator('#gen-variant').textContent();
    expect(await builds()).toBe('This form builds a Flexible Classroom app token.');
    await page.getByLabel('User UUID', { exact: true }).fill('erin');
    await expect.poll(builds).toBe('This form builds a Flexible Classroom user token.');
    await page.getByLabel('Room UUID', { exact: true }).fill('class-1');
    await page.getByLabel('Role number', { exact: true }).fill('2');
    await expect.poll(builds).toBe('This form builds a Flexible Classroom room user token.');
    await generate(page);
    await expect.poll(() => announcement(page)).toBe('Flexible Classroom room user token generated.');
    expect(await page.getByRole('region', { name: 'Result' }).textContent()).toContain('This is a room user token.');
  });

  it('marks a result made from earlier inputs, and never announces success for a failure', async () => {
    await openTab(page, 'RTC');
    await page.getByLabel('Channel', { exact: true }).fill('room-stale');
    await generate(page);
    await expect.poll(() => announcement(page)).toBe('RTC token generated.');
    expect(await staleNote(page)).toBe(0);

    // An edit after the result: the token shown is marked, and the live region says so once.
    await page.getByLabel('UID', { exact: true }).fill('5');
    await expect.poll(() => announcement(page)).toBe('The token shown was made from earlier inputs.');
    expect(await staleNote(page)).toBe(1);
    await expectNoAxeViolations(page, 'Generate with a result made from earlier inputs');

    // A failed Generate: the old token stays, marked, and the live region says it failed.
    await page.getByLabel('UID', { exact: true }).fill('not-a-number');
    await generate(page);
    await expect.poll(() => announcement(page)).toBe('No token generated: correct the fields marked in the form.');
    expect(await staleNote(page)).toBe(1);
    await page.getByLabel('UID', { exact: true }).fill('5');
    expect(await staleNote(page)).toBe(1);
    expect(await announcement(page)).not.toMatch(/generated\./);

    await generate(page);
    await expect.poll(() => staleNote(page)).toBe(0);
    await expect.poll(() => announcement(page)).toMatch(/^RTC token generated\./);

    // Another kind's failure is not announced as the previous kind's success.
    await openTab(page, 'RTM');
    expect(await announcement(page)).toBe('');
    await page.getByLabel('User ID', { exact: true }).fill('');
    // Straight from the emptied field to the button: pressing it must not blur the field into
    // showing its error (which moves the button) before the click lands.
    await generate(page);
    await expect.poll(() => announcement(page)).toBe('No token generated: correct the fields marked in the form.');
    expect(app.pageErrors).toEqual([]);
  });

  it("keeps each kind's fields to itself: nothing typed on one tab changes another", async () => {
    await openTab(page, 'RTM');
    await page.getByLabel('User ID', { exact: true }).fill('carried');
    await openTab(page, 'Chat');
    // The RTM user ID did not turn the Chat token into a user token.
    expect(await page.getByLabel('User ID', { exact: true }).inputValue()).toBe('');
    await generate(page);
    await expect.poll(() => announcement(page)).toBe('Chat app token generated.');
    await openTab(page, 'RTC');
    expect(await page.getByLabel('Channel', { exact: true }).inputValue()).toBe('room-stale');
    await openTab(page, 'RTM');
    expect(await page.getByLabel('User ID', { exact: true }).inputValue()).toBe('carried');
  });

  it("gives the running server's address in the curl line, or says to start it", async () => {
    await openTab(page, 'RTC');
    await generate(page);
    const result = page.getByRole('region', { name: 'Result' });
    await result.getByText('The local server is not running.').waitFor();
    expect(await page.getByLabel('curl command', { exact: true }).count()).toBe(0);
    await result.getByRole('link', { name: 'Local server' }).click();
    await page.getByRole('heading', { name: 'Local server', level: 1 }).waitFor();
    await page.getByLabel('Port', { exact: true }).fill('0');
    await page.getByRole('button', { name: 'Start server' }).click();
    const url = (await page.getByLabel('Server URL', { exact: true }).textContent()) ?? '';
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    await page.getByRole('navigation', { name: 'Screens' }).getByRole('link', { name: 'Generate' }).click();
    await expect
      .poll(() => page.getByLabel('curl command', { exact: true }).textContent())
      .toContain(`${url}/rtc/room-stale/`);
    await page.getByRole('navigation', { name: 'Screens' }).getByRole('link', { name: 'Local server' }).click();
    await page.getByRole('button', { name: 'Stop server' }).click();
    await expect.poll(() => page.getByLabel('Server status').textContent()).toContain('Stopped');
    expect(app.pageErrors).toEqual([]);
  });
});
