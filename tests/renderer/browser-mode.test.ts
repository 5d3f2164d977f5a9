/**
 * Browser mode end to end: the built CLI's `ui --no-open` (spawned, with a data folder of its
 * own), the printed address opened in Chromium, every call over the real HTTP transport and
 * every event over its Server-Sent Events stream. One full flow per screen.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ACCESS_KEY_STORAGE } from '../../shared/app-server/protocol.js';
import { decodeToken } from '../../shared/token/index.js';
import { tempDir } from '../helpers/cli.js';
import { startUi, type UiProcess } from '../helpers/ui-process.js';
import { keychainReady, randomCredentials } from '../profiles/keychain-env.js';
import { chromiumReady, launchChromium } from './app-harness.js';

const ready = chromiumReady('Browser mode tests') && (await keychainReady('Browser mode tests'));
const credentials = randomCredentials();

/** Reports CSP violations as console errors, which the test then refuses. */
const REPORT_CSP = `document.addEventListener('securitypolicyviolation', (event) =>
  console.error('CSP violation: ' + event.violatedDirective + ' ' + event.blockedURI));`;

async function screen(page: Page, name: string): Promise<void> {
  // The rail's link: screens may also link elsewhere ("Generate a token →").
  await page.getByRole('navigation', { name: 'Screens' }).getByRole('link', { name, exact: true }).click();
  await page.getByRole('heading', { name, level: 1 }).waitFor();
}

describe.runIf(ready)('browser mode: the app in Chromium over `agora-token-desk ui`', () => {
  const home = tempDir('atd-browser-mode');
  let ui: UiProcess;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const pageErrors: string[] = [];
  /** Every body the API sent the page, for leak checks. */
  const apiBodies: string[] = [];
  let token = '';

  beforeAll(async () => {
    ui = await startUi(home.path);
    browser = await launchChromium();
    context = await browser.newContext({
      viewport: { width: 1200, height: 860 },
      permissions: ['clipboard-read', 'clipboard-write'],
    });
    await context.addInitScript({ content: REPORT_CSP });
    page = await context.newPage();
    page.on('console', (message) => {
      if (message.type() === 'error') pageErrors.push(message.text());
    });
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('response', (response) => {
      if (new URL(response.url()).pathname.startsWith('/api/') && !response.url().endsWith('/api/events')) {
        response.text().then(
          (body) => apiBodies.push(body),
          () => undefined,
        );
      }
    });
    await page.goto(ui.launchUrl);
  });
  afterEach(() => {
    expect(pageErrors).toEqual([]);
  });
  afterAll(async () => {
    await browser?.close();
    await ui?.stop();
    home.cleanup();
  });

  it('takes the key out of the address bar into sessionStorage, and uses the HTTP transport', async () => {
    await page.getByRole('heading', { name: 'Profiles', level: 1 }).waitFor();
    expect(page.url()).not.toContain(ui.key);
    expect(new URL(page.url()).hash).toBe('#/profiles');
    expect(await page.evaluate((name) => sessionStorage.getItem(name), ACCESS_KEY_STORAGE)).toBe(ui.key);
    expect(
      await page.evaluate(
        () =>
          Object.isFrozen(window.tokenDesk) &&
          Object.keys(window.tokenDesk ?? {})
            .sort()
            .join(),
      ),
    ).toBe('invoke,on');
  });

  it('Profiles: adds a profile; its certificate never comes back', async () => {
    await page.getByLabel('Profile name').fill('demo');
    await page.getByLabel('App ID').fill(credentials.appId);
    await page.getByLabel('App Certificate').fill(credentials.appCertificate);
    await page.getByRole('button', { name: 'Save profile' }).click();
    await expect.poll(() => page.getByLabel('Profile demo').count()).toBe(1);
    expect(await page.getByLabel('App Certificate').inputValue()).toBe('');
    await expect.poll(() => apiBodies.some((body) => body.includes('"name":"demo"'))).toBe(true);
    const secret = credentials.appCertificate.toLowerCase();
    expect(apiBodies.filter((body) => body.toLowerCase().includes(secret))).toEqual([]);
    expect((await page.content()).toLowerCase()).not.toContain(secret);
  });

  it('Generate: builds an RTC token signed with the profile', async () => {
    await screen(page, 'Generate');
    await page.getByLabel('Channel', { exact: true }).fill('browser-room');
    await page.getByLabel('UID', { exact: true }).fill('42');
    await page.getByLabel('Token expiry').fill('600');
    await page.getByRole('button', { name: 'Generate' }).click();
    const output = page.getByLabel('Token', { exact: true });
    await output.waitFor();
    token = (await output.textContent()) ?? '';
    const decoded = decodeToken(token, { appCertificate: credentials.appCertificate });
    expect(decoded).toMatchObject({ version: '007', appId: credentials.appId, signature: 'valid', expire: 600 });
  });

  it('Decode: decodes the token and verifies it with the saved profile', async () => {
    await screen(page, 'Decode');
    await page.getByLabel('Token', { exact: true }).fill(token);
    await expect.poll(() => page.getByLabel('Signature').textContent()).toMatch(/^Signature: valid/);
    expect(await page.getByLabel('Signature').textContent()).toContain('profile "demo"');
    expect(await page.getByLabel('RTC service').textContent()).toContain('browser-room');
  });

  it('History: lists the token, follows tokens built elsewhere over SSE, and regenerates one', async () => {
    await screen(page, 'History');
    const items = page.getByRole('list', { name: 'Generated tokens' }).getByRole('listitem');
    await expect.poll(() => items.count()).toBe(1);
    expect(await items.first().getByLabel('Token', { exact: true }).textContent()).toBe(token);
    // Built behind the screen's back: only the history:changed event can bring it into the list.
    await page.evaluate(async () => {
      const api = window.tokenDesk;
      const listed = await api?.invoke('profiles:list', undefined);
      const profileId = listed?.ok ? listed.value.profiles[0]?.id : undefined;
      if (profileId === undefined) throw new Error('no profile to build with');
      await api?.invoke('token:build', { kind: 'rtm', profileId, input: { userId: 'sse-user' } });
    });
    await expect.poll(() => items.count()).toBe(2);
    expect(await items.first().getByRole('heading', { level: 2 }).textContent()).toBe('RTM User ID sse-user');

    await items.nth(1).getByRole('button', { name: 'Regenerate' }).click();
    await expect.poll(() => items.count()).toBe(3);
    const fresh = (await items.first().getByLabel('Token', { exact: true }).textContent()) ?? '';
    expect(fresh).not.toBe(token);
    const decoded = decodeToken(fresh, { appCertificate: credentials.appCertificate });
    expect(decoded).toMatchObject({ signature: 'valid', expire: 600 });
    expect(JSON.stringify(decoded)).toContain('browser-room');
  });

  it('Local server: starts beside browser mode, the request log updates over SSE, and stops', async () => {
    await screen(page, 'Local server');
    await page.getByLabel('Port').fill('0');
    await page.getByRole('button', { name: 'Start server' }).click();
    const shown = page.getByLabel('Server URL', { exact: true });
    await shown.waitFor();
    const url = (await shown.textContent()) ?? '';
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(new URL(url).port).not.toBe(new URL(ui.url).port);
    expect(await (await fetch(`${url}/ping`)).json()).toEqual({ message: 'pong' });
    await fetch(`${url}/rtm/alice/?expiry=60`);
    const rows = page.getByLabel('Request log').locator('tbody tr');
    await expect.poll(() => rows.count()).toBe(2);
    expect((await rows.allTextContents()).join(' ')).toMatch(/GET\/rtm\/alice\/200/);
    await page.getByRole('button', { name: 'Stop server' }).click();
    await expect.poll(() => page.getByLabel('Server status').textContent()).toContain('Stopped');
    await expect(fetch(`${url}/ping`)).rejects.toThrow();
  });

  it('keeps working after a reload (the key stays in the tab), and a tab without the key gets nothing', async () => {
    await page.reload();
    await screen(page, 'Profiles');
    await expect.poll(() => page.getByLabel('Profile demo').count()).toBe(1);

    const stranger = await context.newPage();
    const refused: number[] = [];
    stranger.on('response', (response) => {
      if (new URL(response.url()).pathname.startsWith('/api/')) refused.push(response.status());
    });
    try {
      // A new tab has its own sessionStorage: the address without the fragment carries no key.
      await stranger.goto(ui.url);
      await expect.poll(() => stranger.getByText('no access key').count()).toBeGreaterThan(0);
      expect(refused.filter((status) => status === 200)).toEqual([]);
    } finally {
      await stranger.close();
    }
    // Remove the profile through the app, so the keychain keeps nothing of this test.
    await page.getByLabel('Profile demo').getByRole('button', { name: 'Remove' }).click();
    await page.getByRole('button', { name: 'Yes, remove demo' }).click();
    await expect.poll(() => page.getByLabel('Profile demo').count()).toBe(0);
  });

  it('stops on SIGTERM; the key was in no output line but the printed address', async () => {
    // The page stays open, so the stop must also end its event stream; the page then tries
    // to reconnect to a server that is gone by design, and Chromium logs each refused attempt.
    page.removeAllListeners('console');
    expect(await ui.stop()).toBe(0);
    const lines = `${ui.stdout()}${ui.stderr()}`.split('\n');
    expect(lines.filter((line) => line.includes(ui.key))).toEqual([ui.launchUrl]);
  });
});
