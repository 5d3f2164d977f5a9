/**
 * The window as the shell builds it: Electron's own view of its web preferences, the policy
 * on the page, navigation and window.open to another origin refused, and a page that sees
 * window.tokenDesk and nothing of Node or Electron.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchDesktopApp, type DesktopApp } from './electron-app.js';
import { NODE_AND_ELECTRON_GLOBALS, addedGlobals, cspProblems, metaMatchesHeader } from './expectations.js';
import { saveScreenshot } from './ui-steps.js';

describe('the desktop window', () => {
  let app: DesktopApp;
  let other: Server;
  let otherOrigin: string;
  const otherRequests: string[] = [];

  beforeAll(async () => {
    // Another origin on this machine: any request reaching it means the window went there.
    other = createServer((request, response) => {
      otherRequests.push(request.url ?? '');
      response.end('<p>not the app</p>');
    });
    await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
    otherOrigin = `http://127.0.0.1:${(other.address() as AddressInfo).port}`;
    app = await launchDesktopApp();
  });
  afterAll(async () => {
    await app?.close();
    await new Promise((resolve) => other?.close(resolve));
  });

  it('opens one window, on the app:// page, with isolation, sandbox and no Node integration', async () => {
    const windows = await app.electron.evaluate(({ BrowserWindow }) =>
      BrowserWindow.getAllWindows().map((window) => {
        const contents = window.webContents as unknown as {
          getURL(): string;
          getLastWebPreferences(): Record<string, unknown> | null;
        };
        const preferences = contents.getLastWebPreferences() ?? {};
        return {
          url: contents.getURL(),
          contextIsolation: preferences['contextIsolation'],
          sandbox: preferences['sandbox'],
          nodeIntegration: preferences['nodeIntegration'],
          // Off unless turned on (on unless turned off): only a wrong explicit value fails.
          nodeIntegrationInSubFrames: preferences['nodeIntegrationInSubFrames'] === true,
          webviewTag: preferences['webviewTag'] === true,
          webSecurity: preferences['webSecurity'] !== false,
        };
      }),
    );
    expect(windows).toEqual([
      {
        url: expect.stringMatching(/^app:\/\/desk\//),
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        nodeIntegrationInSubFrames: false,
        webviewTag: false,
        webSecurity: true,
      },
    ]);
    await saveScreenshot(app.window, 'first-run');
  });

  it('serves the page with a strict Content-Security-Policy header, repeated in its meta tag, and enforces it', async () => {
    const url = app.window.url();
    const header = await app.electron.evaluate(async ({ net }, pageUrl) => {
      const response = await net.fetch(pageUrl);
      return response.headers.get('content-security-policy') ?? '';
    }, url);
    expect(cspProblems(header, { header: true })).toEqual([]);
    const meta = (await app.window.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content')) ?? '';
    expect(cspProblems(meta, { header: false })).toEqual([]);
    expect(metaMatchesHeader(meta, header)).toBe(true);
    // A request the policy forbids is refused by the page itself.
    const violation = await app.window.evaluate(
      (target) =>
        new Promise<string>((resolve) => {
          document.addEventListener('securitypolicyviolation', (event) => resolve(event.effectiveDirective), {
            once: true,
          });
          const image = new Image();
          image.src = `${target}/e2e-csp-probe.png`;
          document.body.append(image);
        }),
      otherOrigin,
    );
    expect(violation).toBe('img-src');
    expect(otherRequests).toEqual([]);
  });

  it('refuses to navigate the window to another origin', async () => {
    const before = app.window.url();
    await app.window.evaluate((target) => {
      window.location.href = `${target}/navigated`;
    }, otherOrigin);
    // The renderer asked main before running anything after it: this round trip comes after the refusal.
    expect(await app.window.evaluate(() => document.readyState)).toBe('complete');
    await expect
      .poll(() => app.electron.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.webContents.getURL()))
      .toBe(before);
    expect(app.window.url()).toBe(before);
    expect(otherRequests).toEqual([]);
  });

  it('refuses window.open to another origin: no new window, no request', async () => {
    const opened = await app.window.evaluate((target) => window.open(`${target}/opened`) === null, otherOrigin);
    expect(opened).toBe(true);
    expect(await app.electron.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);
    expect(app.electron.windows()).toHaveLength(1);
    expect(otherRequests).toEqual([]);
  });

  it('gives the page window.tokenDesk and nothing of Node or Electron', async () => {
    const page = await app.window.evaluate(() => ({
      names: Object.getOwnPropertyNames(window),
      tokenDesk: Object.keys((window as unknown as { tokenDesk?: object }).tokenDesk ?? {}).sort(),
      frozen: Object.isFrozen((window as unknown as { tokenDesk?: object }).tokenDesk),
    }));
    for (const name of NODE_AND_ELECTRON_GLOBALS) expect(page.names, name).not.toContain(name);
    expect(page.tokenDesk).toEqual(['invoke', 'on']);
    expect(page.frozen).toBe(true);
    // The same page in a window without the preload: whatever differs, the preload added.
    const reference = await app.electron.evaluate(async ({ BrowserWindow }, pageUrl) => {
      const bare = new BrowserWindow({
        show: false,
        webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false },
      });
      try {
        await bare.loadURL(pageUrl);
        return (await bare.webContents.executeJavaScript('Object.getOwnPropertyNames(window)')) as string[];
      } finally {
        bare.destroy();
      }
    }, app.window.url());
    expect(addedGlobals(page.names, reference)).toEqual(['tokenDesk']);
  });

  it('logged no page error and refused no IPC from its own page', () => {
    // The one expected message is the image the policy refused above.
    expect(app.errors.filter((text) => !text.includes('e2e-csp-probe'))).toEqual([]);
  });
});
