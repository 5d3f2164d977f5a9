/**
 * The Local server's state lives in main: it survives leaving the screen and reloading the
 * window, the rail shows it on every screen, and start problems are explained at the field
 * they concern, in the app's words (issue 15).
 */
import type { Page } from 'playwright-core';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { keychainReady, randomCredentials } from '../profiles/keychain-env.js';
import { appSuite, chromiumReady, openApp, type AppSession } from './app-harness.js';
import { saveScreenshot } from './screenshots.js';
import { expectCleanEverywhere, occupiedPort } from './server-views.js';

const ready = chromiumReady('Local server state tests') && (await keychainReady('Local server state tests'));
const credentials = randomCredentials();

const isFocused = (page: Page, selector: string) =>
  page.locator(selector).evaluate((element) => element === document.activeElement);

/** The text of the element(s) an input names in aria-describedby. */
const description = (page: Page, label: string) =>
  page.getByLabel(label, { exact: true }).evaluate((input) =>
    (input.getAttribute('aria-describedby') ?? '')
      .split(' ')
      .map((id) => document.getElementById(id)?.textContent ?? '')
      .join(' '),
  );

describe.runIf(ready)('Local server state, kept in main', () => {
  let app: AppSession;
  let page: Page;
  let profileId: string;

  const suite = appSuite({
    route: 'server',
    seed: async (app) => {
      profileId = (await app.profiles.add({ name: 'demo', ...credentials })).id;
    },
  });
  const nav = () => page.getByRole('navigation', { name: 'Screens' });
  const rail = () => page.getByRole('region', { name: 'Status at a glance' });
  const railText = async () => (await rail().innerText()).replace(/\s+/g, ' ');
  const logRows = () => page.getByLabel('Request log').locator('tbody tr:not(.request-details-row)');
  const goTo = async (link: string, heading: string) => {
    await nav().getByRole('link', { name: link, exact: true }).click();
    await page.getByRole('heading', { name: heading, level: 1 }).waitFor();
  };

  beforeAll(async () => {
    app = suite.app;
    page = app.page;
    await page.getByRole('heading', { name: 'Local server', level: 1 }).waitFor();
  });
  // Each test starts on Local server (in the same page: navigating keeps the app's state).
  beforeEach(async () => {
    await page.goto(`${app.site.url}#/server`);
    await page.getByRole('heading', { name: 'Local server', level: 1 }).waitFor();
  });

  it('shows the default profile and "stopped" in the rail on every screen', async () => {
    for (const [link, heading] of [
      ['Generate', 'Generate'],
      ['Decode', 'Decode'],
      ['Local server', 'Local server'],
    ] as const) {
      await goTo(link, heading);
      expect(await railText()).toBe('Profile demo Server stopped');
      expect(await rail().isVisible()).toBe(true);
    }
    await expectCleanEverywhere(page, 'rail status, server stopped');
  });

  it('keeps the port, URL, focus and log after leaving the screen and coming back', async () => {
    await page.getByLabel('Port', { exact: true }).fill('0');
    await page.getByRole('button', { name: 'Start server' }).click();
    const url = (await page.getByLabel('Server URL', { exact: true }).textContent()) ?? '';
    await expect.poll(() => isFocused(page, 'button:text("Stop server")')).toBe(true);
    await fetch(`${url}/ping`);
    await fetch(`${url}/rtm/alice/`);
    await expect.poll(() => logRows().count()).toBe(2);

    await goTo('Decode', 'Decode');
    expect(await railText()).toContain(`listening on ${url}`);
    await fetch(`${url}/chat/app/`);
    await expect.poll(railText).toContain('3 requests');
    await goTo('Local server', 'Local server');
    expect(await page.getByLabel('Server URL', { exact: true }).textContent()).toBe(url);
    expect(await page.getByLabel('Port', { exact: true }).inputValue()).toBe(new URL(url).port);
    expect(await page.getByLabel('Port', { exact: true }).isDisabled()).toBe(true);
    await expect.poll(() => logRows().count()).toBe(3);
    expect(await logRows().first().textContent()).toContain('/chat/app/');
    await expectCleanEverywhere(page, 'Local server listening, rail with URL and count');
    await saveScreenshot(page, 'server-listening-rail-light');
    await page.getByRole('button', { name: 'Stop server' }).click();
    await expect.poll(() => isFocused(page, 'button:text("Start server")')).toBe(true);
  });

  it('shows the server URL as a QR code, and says a loopback address only works on this computer', async () => {
    await page.getByLabel('Port', { exact: true }).fill('0');
    await page.getByRole('button', { name: 'Start server' }).click();
    await page.getByLabel('Server URL', { exact: true }).waitFor();
    await page.getByRole('button', { name: 'Show QR code' }).click();
    const qr = page.getByRole('img', { name: 'QR code of the server URL' });
    await qr.waitFor();
    // A QR code of a URL this long has at least version 2's 25 modules a side.
    expect(Number((await qr.getAttribute('viewBox'))?.split(' ')[2])).toBeGreaterThanOrEqual(25);
    expect(await page.getByText('Only this computer can open this address').count()).toBe(1);
    await expectCleanEverywhere(page, 'Local server listening, URL QR code');
    await page.getByRole('button', { name: 'Stop server' }).click();
    await expect.poll(railText).toBe('Profile demo Server stopped');
  });

  it('reads the status and the log from main when the window opens again', async () => {
    await app.server.stop();
    const before = app.server.recentRequests().length;
    // Started behind the page's back (the tray, or before the window reopened).
    const started = await app.handlers['server:start']({
      profileIds: [profileId],
      port: 0,
      host: '127.0.0.1',
      corsOrigins: '',
    });
    if (!started.ok) throw new Error(started.error.message);
    const url = (started.value as { url: string }).url;
    await fetch(`${url}/rtc/room/publisher/uid/7/`);
    await expect.poll(() => app.server.recentRequests().length).toBe(before + 1);
    await page.reload();
    await page.getByRole('heading', { name: 'Local server', level: 1 }).waitFor();
    expect(await page.getByLabel('Server URL', { exact: true }).textContent()).toBe(url);
    await expect.poll(() => logRows().count()).toBe(before + 1);
    expect(await logRows().first().textContent()).toContain('/rtc/room/publisher/uid/7/');
    expect(await page.getByLabel('Port', { exact: true }).inputValue()).toBe(new URL(url).port);
    expect(await railText()).toContain(`${before + 1} request`);
    await page.getByRole('button', { name: 'Stop server' }).click();
    await expect.poll(railText).toBe('Profile demo Server stopped');
  });

  it('shows a port in use at the Port field in plain words, until the port is edited', async () => {
    const busy = await occupiedPort();
    try {
      await page.getByLabel('Port', { exact: true }).fill(String(busy.port));
      await page.getByRole('button', { name: 'Start server' }).click();
      const port = page.getByLabel('Port', { exact: true });
      await expect.poll(() => port.getAttribute('aria-invalid')).toBe('true');
      const words = await description(page, 'Port');
      expect(words).toContain(`Port ${busy.port} is already in use by another program`);
      expect(words).not.toMatch(/--port|SERVER_PORT/);
      expect(await page.locator('.notice-error').count()).toBe(0);
      expect(await page.locator('body').textContent()).not.toMatch(/--port|SERVER_PORT/);
      await expect.poll(() => isFocused(page, 'input[aria-invalid="true"]')).toBe(true);
      await expectCleanEverywhere(page, 'port in use at the Port field');
      await saveScreenshot(page, 'server-port-in-use-light');

      // Still there after leaving and coming back: the failure is main's status.
      await goTo('Profiles', 'Profiles');
      await goTo('Local server', 'Local server');
      expect(await description(page, 'Port')).toContain('already in use');
      await port.fill('0');
      await expect.poll(() => description(page, 'Port')).not.toContain('already in use');
      expect(await port.getAttribute('aria-invalid')).toBeNull();
    } finally {
      busy.server.close();
    }
  });

  it('marks an invalid host at the field, without the "other machines" warning', async () => {
    const host = page.getByLabel('Host', { exact: true });
    const start = page.getByRole('button', { name: 'Start server' });
    for (const typed of ['not a host!', '300.1.1.1', 'exa_mple.com', '::zz']) {
      await host.fill(typed);
      await expect.poll(() => host.getAttribute('aria-invalid')).toBe('true');
      expect(await description(page, 'Host')).toContain('Enter a host name or IP address');
      expect(await page.getByText('reachable from other machines').count()).toBe(0);
      expect(await page.getByRole('group', { name: 'Protect the server' }).count()).toBe(0);
      expect(await start.isDisabled()).toBe(true);
      expect(await page.locator('#start-blocker').textContent()).toBe('Enter a valid host first.');
    }
    await expectCleanEverywhere(page, 'invalid host at the Host field');
    for (const typed of ['0.0.0.0', '::', 'my-laptop.local']) {
      await host.fill(typed);
      await expect.poll(() => page.getByText('reachable from other machines').count()).toBe(1);
      expect(await host.getAttribute('aria-invalid')).toBeNull();
    }
    await host.fill('127.0.0.1');
    expect(await host.getAttribute('aria-invalid')).toBeNull();
    expect(app.pageErrors).toEqual([]);
  });

  it('says why Start is disabled when there is no profile at all', async () => {
    const empty = await openApp(suite.browser, { route: 'server' });
    try {
      await empty.page.getByRole('heading', { name: 'Local server', level: 1 }).waitFor();
      const start = empty.page.getByRole('button', { name: 'Start server' });
      expect(await start.isDisabled()).toBe(true);
      const reason = await start.evaluate(
        (button) => document.getElementById(button.getAttribute('aria-describedby') ?? '')?.textContent ?? '',
      );
      expect(reason).toBe('Add a profile first: the server signs tokens with its certificate.');
      const glance = await empty.page.getByRole('region', { name: 'Status at a glance' }).innerText();
      expect(glance.replace(/\s+/g, ' ')).toBe('Profile none yet Server stopped');
      await expectCleanEverywhere(empty.page, 'Local server with no profile');
      expect(empty.pageErrors).toEqual([]);
    } finally {
      await empty.close();
    }
  });
});
