/**
 * The Local server started from the window: a token fetched from it with Node's fetch, the
 * request in the log, the tray following the server's state, and quitting with the server
 * running: the process is gone within 5 s and the port is free again.
 */
import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeToken } from '../../shared/token/index.js';
import { randomCredentials } from '../profiles/keychain-env.js';
import { launchDesktopApp, processExit, type DesktopApp } from './electron-app.js';
import { trayState } from './expectations.js';
import { addProfile, openScreen, saveScreenshot, screenRoutes } from './ui-steps.js';

/** The promise the issue makes: quitting with the server running takes at most this long. */
const QUIT_DEADLINE_MS = 5_000;

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
}

describe('Local server from the window, the tray, and quitting with it running', () => {
  let app: DesktopApp;
  const credentials = randomCredentials();

  /** Tooltips main gave the tray since the suite began watching (Electron has no getter). */
  const trayTooltips = () =>
    app.electron.evaluate(() => (globalThis as { __e2eTrayTooltips?: string[] }).__e2eTrayTooltips ?? []);

  beforeAll(async () => {
    app = await launchDesktopApp();
    await addProfile(app.window, 'e2e', credentials.appId, credentials.appCertificate);
    // The tray exists from start-up; from now on every tooltip it is given is also kept here.
    await app.electron.evaluate(({ Tray }) => {
      const seen: string[] = [];
      (globalThis as { __e2eTrayTooltips?: string[] }).__e2eTrayTooltips = seen;
      const original = Tray.prototype.setToolTip;
      Tray.prototype.setToolTip = function (this: Electron.Tray, text: string) {
        seen.push(text);
        return original.call(this, text);
      };
    });
  });
  afterAll(async () => {
    await app?.close();
  });

  let url = '';

  it('starts the server from the Local server screen; the tray says it listens', async () => {
    await openScreen(app.window, 'server');
    await app.window.getByLabel('Port', { exact: true }).fill('0');
    await app.window.getByRole('button', { name: 'Start server' }).click();
    const shown = app.window.getByLabel('Server URL', { exact: true });
    await shown.waitFor();
    url = (await shown.textContent()) ?? '';
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    await expect.poll(async () => (await trayTooltips()).map(trayState).at(-1)).toEqual({ running: true, url });
  });

  it('answers Node fetch with a token signed by the profile, and the log shows the request', async () => {
    const response = await fetch(`${url}/rtc/e2e-room/publisher/uid/42/`);
    expect(response.status).toBe(200);
    const { rtcToken } = (await response.json()) as { rtcToken: string };
    expect(decodeToken(rtcToken, { appCertificate: credentials.appCertificate })).toMatchObject({
      appId: credentials.appId,
      signature: 'valid',
    });
    const rows = app.window.getByLabel('Request log').locator('tbody tr');
    await expect.poll(() => rows.filter({ hasText: '/rtc/e2e-room/publisher/uid/42' }).count()).toBe(1);
    await saveScreenshot(app.window, 'server');
  });

  it('stops from the window (the tray says stopped) and starts again', async () => {
    await app.window.getByRole('button', { name: 'Stop server' }).click();
    await expect.poll(async () => (await trayTooltips()).map(trayState).at(-1)).toEqual({ running: false });
    await app.window.getByRole('button', { name: 'Start server' }).click();
    const shown = app.window.getByLabel('Server URL', { exact: true });
    await shown.waitFor();
    url = (await shown.textContent()) ?? '';
    await expect.poll(async () => (await trayTooltips()).map(trayState).at(-1)).toEqual({ running: true, url });
    expect((await fetch(`${url}/ping`)).status).toBe(200);
  });

  it('screenshots every screen of the navigation', async () => {
    for (const route of await screenRoutes(app.window)) {
      await openScreen(app.window, route);
      await saveScreenshot(app.window, `screen-${route}`);
    }
    expect(app.errors).toEqual([]);
  });

  it('quits with the server running: the process exits within 5 s and the port is free', async () => {
    const port = Number(new URL(url).port);
    expect(await portIsFree(port)).toBe(false);
    const exited = processExit(app.electron, QUIT_DEADLINE_MS);
    await app.electron.evaluate(({ app: electronApp }) => electronApp.quit()).catch(() => undefined);
    expect(await exited, `the app was still running ${QUIT_DEADLINE_MS} ms after Quit`).toBe(0);
    expect(await portIsFree(port)).toBe(true);
    await expect(fetch(`${url}/ping`)).rejects.toThrow();
  });
});
