import { createServer, type Server } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { decodeToken } from '../../shared/token/index.js';
import { keychainReady, randomCredentials } from '../profiles/keychain-env.js';
import { appSuite, chromiumReady, openApp, type AppSession } from './app-harness.js';
import { runCurl, shellWords } from './server-curl.js';
import { saveScreenshot } from './screenshots.js';

const ready = chromiumReady('Local server screen tests') && (await keychainReady('Local server screen tests'));
const credentials = randomCredentials();

/** A port something else is listening on, for the "port in use" case. */
async function occupiedPort(): Promise<{ port: number; server: Server }> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return { port: address.port, server };
}

async function listeningUrl(page: Page): Promise<string> {
  const url = page.getByLabel('Server URL', { exact: true });
  await url.waitFor();
  return (await url.textContent()) ?? '';
}

describe.runIf(ready)('Local server, started from the UI', () => {
  let browser: Browser;
  let app: AppSession;
  let page: Page;

  const suite = appSuite({ route: 'server', seed: async (app) => void (await app.profiles.add({ name: 'demo', ...credentials })) });
  beforeAll(async () => {
    ({ browser, app } = suite);
    page = app.page;
    await page.getByRole('heading', { name: 'Local server', level: 1 }).waitFor();
  });

  it('starts on loopback and serves /ping and tokens signed with the profile', async () => {
    await page.getByLabel('Port').fill('0');
    await page.getByRole('button', { name: 'Start server' }).click();
    const url = await listeningUrl(page);
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    // Run two of the curl commands the page shows, as a shell parses them.
    const shown = (label: string) => page.getByRole('listitem').filter({ hasText: label }).locator('code').textContent();
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
      await page.getByLabel('Port').fill(String(busy.port));
      await page.getByRole('button', { name: 'Start server' }).click();
      await expect.poll(() => page.getByRole('alert').textContent()).toMatch(new RegExp(`${busy.port}.*in use|in use.*${busy.port}`, 'i'));
    } finally {
      busy.server.close();
    }
    await page.getByLabel('Host').fill('0.0.0.0');
    expect(await page.getByText('reachable from other machines').count()).toBe(1);
    await page.getByLabel('Host').fill('127.0.0.1');
    expect(await page.getByText('reachable from other machines').count()).toBe(0);
    await page.getByLabel('Port').fill('70000');
    expect(await page.getByText('port must be a whole number from 0 to 65535').count()).toBe(1);
    expect(app.pageErrors).toEqual([]);
  });

  it('looks right in dark mode too', async () => {
    const dark = await openApp(browser, { colorScheme: 'dark', profiles: app.profiles });
    try {
      await dark.page.goto(`${dark.site.url}#/server`);
      await dark.page.getByLabel('Port').fill('0');
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
