import type { Browser, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { decodeToken } from '../../shared/token/index.js';
import { keychainReady, randomCredentials } from '../profiles/keychain-env.js';
import { appSuite, chromiumReady, openApp, type AppSession } from './app-harness.js';
import { runCurl, shellWords } from './server-curl.js';
import { saveScreenshot } from './screenshots.js';
import { occupiedPort } from './server-views.js';

const ready = chromiumReady('Local server screen tests') && (await keychainReady('Local server screen tests'));
const credentials = randomCredentials();
const secondCredentials = randomCredentials();

async function listeningUrl(page: Page): Promise<string> {
  const url = page.getByLabel('Server URL', { exact: true });
  await url.waitFor();
  return (await url.textContent()) ?? '';
}

describe.runIf(ready)('Local server, started from the UI', () => {
  let browser: Browser;
  let app: AppSession;
  let page: Page;

  const suite = appSuite({
    route: 'server',
    seed: async (app) => {
      await app.profiles.add({ name: 'demo', ...credentials });
      await app.profiles.add({ name: 'second', ...secondCredentials });
    },
  });
  beforeAll(async () => {
    ({ browser, app } = suite);
    page = app.page;
    await page.getByRole('heading', { name: 'Local server', level: 1 }).waitFor();
  });

  it('starts on loopback and serves /ping and tokens signed with the profile', async () => {
    await page.getByLabel('Port', { exact: true }).fill('0');
    await page.getByRole('button', { name: 'Start server' }).click();
    const url = await listeningUrl(page);
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    // Run two of the curl commands the page shows, as a shell parses them.
    const shown = (label: string) =>
      page.getByRole('listitem').filter({ hasText: label }).locator('code').textContent();
    const ping = (await shown('Health check')) ?? '';
    expect(ping).toBe(`curl ${url}/ping`);
    expect(await (await runCurl(shellWords(ping))).json()).toEqual({ message: 'pong' });
    const post = (await shown('POST /getToken (RTC)')) ?? '';
    const { token } = (await (await runCurl(shellWords(post))).json()) as { token: string };
    const decoded = decodeToken(token, { appCertificate: credentials.appCertificate });
    expect(decoded).toMatchObject({ appId: credentials.appId, signature: 'valid' });
  });

  it('shows each request in the live log, without tokens or query strings', async () => {
    const url = await listeningUrl(page);
    await fetch(`${url}/rtm/alice/?expiry=60`);
    const log = page.getByLabel('Request log');
    await expect.poll(() => log.locator('tbody tr').count()).toBe(3);
    const rows = await log.locator('tbody tr').allTextContents();
    expect(rows[0]).toMatch(/GET\/rtm\/alice\/200/);
    expect(rows.join(' ')).toContain('/getToken');
    expect(rows.join(' ')).not.toContain('expiry');
    expect(rows.join(' ')).toContain('/ping');
    await saveScreenshot(page, 'server-light');
  });

  it('stops: the port no longer answers', async () => {
    const url = await listeningUrl(page);
    await page.getByRole('button', { name: 'Stop server' }).click();
    await expect.poll(() => page.getByLabel('Server status').textContent()).toContain('Stopped');
    await expect(fetch(`${url}/ping`)).rejects.toThrow();
  });

  it('reports a port in use inline, and warns before exposing the server beyond loopback', async () => {
    const busy = await occupiedPort();
    try {
      await page.getByLabel('Port', { exact: true }).fill(String(busy.port));
      await page.getByRole('button', { name: 'Start server' }).click();
      // At the Port field (its description), whether or not the field error is an alert.
      const portHelp = () =>
        page.getByLabel('Port', { exact: true }).evaluate((input) =>
          (input.getAttribute('aria-describedby') ?? '')
            .split(' ')
            .map((id) => document.getElementById(id)?.textContent ?? '')
            .join(' '),
        );
      await expect.poll(portHelp).toMatch(new RegExp(`${busy.port}.*in use|in use.*${busy.port}`, 'i'));
    } finally {
      busy.server.close();
    }
    await page.getByLabel('Host', { exact: true }).fill('0.0.0.0');
    expect(await page.getByText('reachable from other machines').count()).toBe(1);
    await page.getByLabel('Host', { exact: true }).fill('127.0.0.1');
    expect(await page.getByText('reachable from other machines').count()).toBe(0);
    await page.getByLabel('Port', { exact: true }).fill('70000');
    expect(await page.getByText('port must be a whole number from 0 to 65535').count()).toBe(1);
    expect(app.pageErrors).toEqual([]);
  });

  it('asks how to protect the server before exposing it, and shows a generated API key once', async () => {
    const start = page.getByRole('button', { name: 'Start server' });
    await page.getByLabel('Port', { exact: true }).fill('0');
    await page.getByLabel('Host', { exact: true }).fill('0.0.0.0');
    expect(await start.isDisabled()).toBe(true);
    expect(await start.getAttribute('aria-describedby')).toBe('start-blocker');
    expect(await page.locator('#start-blocker').textContent()).toContain('Choose how to protect the server');
    await page
      .getByRole('radio', {
        name: 'No authentication — anyone who can reach this port can mint tokens for your project',
      })
      .check();
    expect(await page.locator('#start-blocker').textContent()).toContain(
      'Confirm that the server runs without authentication',
    );
    expect(await start.isDisabled()).toBe(true);
    await page.getByRole('checkbox', { name: /^I understand: anyone who can reach this port/ }).check();
    expect(await start.isDisabled()).toBe(false);
    await page.getByRole('radio', { name: /^Generate an API key/ }).check();
    expect(await start.isDisabled()).toBe(false);
    const startsBefore = app.responses.length;
    await start.click();

    // The key, once: focused so it is announced, with Copy and the warning.
    const notice = page.getByRole('region', { name: 'New API key' });
    await notice.waitFor();
    await expect.poll(() => notice.evaluate((element) => element === document.activeElement)).toBe(true);
    const key = (await page.getByLabel('API key', { exact: true }).textContent()) ?? '';
    expect(key).toMatch(/^atd_[A-Za-z0-9_-]{43}$/);
    expect(await notice.textContent()).toContain("it won't be shown again");
    await page.getByRole('button', { name: 'Copy API key' }).click();
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(key);

    // The examples read the key from $API_KEY; the server wants it (talking to 127.0.0.1 only).
    const url = await listeningUrl(page);
    expect(url).toMatch(/^http:\/\/0\.0\.0\.0:\d+$/);
    const local = url.replace('0.0.0.0', '127.0.0.1');
    const post =
      (await page.getByRole('listitem').filter({ hasText: 'POST /getToken (RTC)' }).locator('code').textContent()) ??
      '';
    expect(post).toContain('-H "Authorization: Bearer $API_KEY"');
    expect(await page.locator('.route-list').textContent()).not.toContain(key);
    const words = (apiKey: string) => shellWords(post, { API_KEY: apiKey }).map((word) => word.replace(url, local));
    expect((await runCurl(words(''))).status).toBe(401);
    const answer = await runCurl(words(key));
    expect(answer.status).toBe(200);
    const { token } = (await answer.json()) as { token: string };
    expect(decodeToken(token, { appCertificate: credentials.appCertificate })).toMatchObject({
      appId: credentials.appId,
      signature: 'valid',
    });

    // Gone once dismissed, and never sent again: only the start response carried it.
    await page.getByRole('button', { name: 'I have saved it' }).click();
    expect(await page.getByRole('region', { name: 'New API key' }).count()).toBe(0);
    expect(
      await page.getByRole('button', { name: 'Stop server' }).evaluate((element) => element === document.activeElement),
    ).toBe(true);
    await page.goto(`${app.site.url}#/profiles`);
    await page.goto(`${app.site.url}#/server`);
    await (await page.getByLabel('Server URL', { exact: true })).waitFor();
    expect(await page.locator('body').textContent()).not.toContain(key);
    const carrying = app.responses.slice(startsBefore).filter((response) => JSON.stringify(response).includes(key));
    expect(carrying).toHaveLength(1);

    await page.getByRole('button', { name: 'Stop server' }).click();
    await expect.poll(() => page.getByLabel('Server status').textContent()).toContain('Stopped');
    await expect
      .poll(() =>
        page.getByRole('button', { name: 'Start server' }).evaluate((element) => element === document.activeElement),
      )
      .toBe(true);
    await page.getByLabel('Host', { exact: true }).fill('127.0.0.1');
    expect(await page.getByRole('group', { name: 'Protect the server' }).count()).toBe(0);
    expect(app.pageErrors).toEqual([]);
  }, 120_000);

  it('serves several profiles, and the examples ask for the project chosen', async () => {
    const boxes = page.getByRole('group', { name: 'Profiles served' }).getByRole('checkbox');
    expect(await boxes.count()).toBe(2);
    expect(await boxes.nth(0).isChecked()).toBe(true);
    expect(await boxes.nth(0).evaluate((box) => box.parentElement?.textContent ?? '')).toContain('demo');
    await boxes.nth(0).uncheck();
    expect(await page.locator('#start-blocker').textContent()).toContain('Choose at least one profile');
    expect(await page.getByRole('button', { name: 'Start server' }).isDisabled()).toBe(true);
    await boxes.nth(1).check();
    await boxes.nth(0).check();
    await page.getByLabel('Port', { exact: true }).fill('0');
    await page.getByRole('button', { name: 'Start server' }).click();
    const url = await listeningUrl(page);
    expect(app.server.status()).toMatchObject({
      appIds: [credentials.appId, secondCredentials.appId],
      authentication: 'none',
    });

    const post = () =>
      page.getByRole('listitem').filter({ hasText: 'POST /getToken (RTC)' }).locator('code').textContent();
    expect(await post()).toContain(credentials.appId);
    await page.getByLabel('Project in the examples').selectOption(secondCredentials.appId);
    await expect.poll(post).toContain(secondCredentials.appId);
    for (const label of ['POST /getToken (RTC)', 'RTM token']) {
      const command =
        (await page.getByRole('listitem').filter({ hasText: label }).first().locator('code').textContent()) ?? '';
      expect(command).not.toContain('Authorization');
      const body = (await (await runCurl(shellWords(command))).json()) as Record<string, string>;
      const token = body['token'] ?? body['rtmToken'] ?? '';
      expect(decodeToken(token, { appCertificate: secondCredentials.appCertificate }), label).toMatchObject({
        appId: secondCredentials.appId,
        signature: 'valid',
      });
    }
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:/);
    await page.getByRole('button', { name: 'Stop server' }).click();
    await expect.poll(() => page.getByLabel('Server status').textContent()).toContain('Stopped');
  }, 120_000);

  it('looks right in dark mode too', async () => {
    const dark = await openApp(browser, { colorScheme: 'dark', profiles: app.profiles, route: 'server' });
    try {
      await dark.page.getByLabel('Port', { exact: true }).fill('0');
      await dark.page.getByRole('button', { name: 'Start server' }).click();
      const url = await listeningUrl(dark.page);
      await fetch(`${url}/ping`);
      await fetch(`${url}/chat/app/`);
      await expect.poll(() => dark.page.getByLabel('Request log').locator('tbody tr').count()).toBe(2);
      await saveScreenshot(dark.page, 'server-dark');
    } finally {
      await dark.close();
    }
  });
});
