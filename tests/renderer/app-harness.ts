/**
 * The desktop app without Electron (DESIGN.md §3): the built renderer in Debian's Chromium,
 * its window.tokenDesk forwarded through a page binding to the real main-process handlers
 * in this Node process: real token engine, real keychain, real local server.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { createEventSubscriptions } from '../../shared/app/event-subscriptions.js';
import { createIpcHandlers, type IpcHandlerMap } from '../../shared/app/ipc-handlers.js';
import { ServerController } from '../../shared/app/server-controller.js';
import { isAppPage } from '../../electron/security.js';
import { IPC_CHANNELS, type IpcChannel } from '../../shared/contract/index.js';
import { TokenHistory } from '../../shared/history/token-history.js';
import { ProfileStore } from '../../shared/profiles/profile-store.js';
import { SettingsStore } from '../../shared/settings/settings-store.js';
import { REPO_ROOT } from '../helpers/cli.js';
import { removeAll, tempHome } from '../profiles/keychain-env.js';
import { EMIT_FUNCTION, INVOKE_BINDING, bridgeScript } from './bridge-script.js';
import { serveStatic, type StaticSite } from './static-server.js';

export const RENDERER_DIR = join(REPO_ROOT, 'dist', 'renderer');
const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/**
 * Whether the browser tests can run. Without Chromium on a laptop: one line and a skip;
 * under CI=true a failure, because .ci/run installs it.
 */
export function chromiumReady(suite: string): boolean {
  if (!existsSync(join(RENDERER_DIR, 'index.html'))) {
    throw new Error(`${suite}: dist/renderer is not built; run \`npm run build:renderer\` (npm test does)`);
  }
  if (existsSync(CHROMIUM)) return true;
  const why = `Chromium not found at ${CHROMIUM} (install Debian's chromium or set CHROMIUM_PATH)`;
  if (process.env['CI'] === 'true') throw new Error(`${suite}: browser tests cannot run in CI: ${why}`);
  console.log(`skipped ${suite}: ${why}`);
  return false;
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
}

export interface AppSession {
  page: Page;
  context: BrowserContext;
  site: StaticSite;
  profiles: ProfileStore;
  server: ServerController;
  /** This window's token history (main's memory). */
  history: TokenHistory;
  settings: SettingsStore;
  handlers: IpcHandlerMap;
  home: string;
  /** Every response the handlers sent to the page, for leak checks. */
  responses: unknown[];
  /** Console errors, CSP violations and uncaught exceptions seen in the page. */
  pageErrors: string[];
  close(): Promise<void>;
}

export interface OpenOptions {
  colorScheme?: 'light' | 'dark';
  /** Start from an existing data folder / store (to test first launch vs. returning user). */
  profiles?: ProfileStore;
  /**
   * The screen the window opens on (`#/route` in the first load). Changing the hash right after
   * the load instead races the app's start-up (see renderer/src/state/navigation.tsx).
   */
  route?: string;
  /** Data the window must find on its first load (profiles, history), added before it opens. */
  seed?: (app: AppSession) => Promise<unknown>;
}

export async function openApp(browser: Browser, options: OpenOptions = {}): Promise<AppSession> {
  // A data folder of its own only when the caller brings no store (it would go unused, and stay behind).
  const own = options.profiles === undefined ? tempHome('atd-ui') : undefined;
  const profiles = own === undefined ? (options.profiles as ProfileStore) : new ProfileStore({ home: own.home });
  const home = profiles.home;
  const server = new ServerController();
  const history = new TokenHistory();
  const settings = new SettingsStore(profiles.home);
  const handlers = createIpcHandlers({ profiles, server, history, settings });
  const site = await serveStatic(RENDERER_DIR);
  const context = await browser.newContext({
    colorScheme: options.colorScheme ?? 'light',
    viewport: { width: 1200, height: 860 },
    permissions: ['clipboard-read', 'clipboard-write'],
  });
  const responses: unknown[] = [];
  const pageErrors: string[] = [];

  await context.exposeBinding(INVOKE_BINDING, async (source, channel: unknown, request: unknown) => {
    // The same check main makes: only the app's own page may call the handlers.
    if (!isAppPage(source.frame.url(), site.url)) {
      return { ok: false, error: { code: 'internal', message: 'IPC call from a frame that is not the app' } };
    }
    if (!IPC_CHANNELS.includes(channel as IpcChannel)) {
      return { ok: false, error: { code: 'invalid_input', message: `unknown IPC channel: ${String(channel)}` } };
    }
    const result = await handlers[channel as IpcChannel](request);
    responses.push(result);
    return result;
  });
  await context.addInitScript({ content: await bridgeScript() });

  const page = await context.newPage();
  page.on('console', (message) => {
    if (message.type() === 'error') pageErrors.push(message.text());
  });
  page.on('pageerror', (error) => pageErrors.push(error.message));
  const stopEvents = createEventSubscriptions(
    server,
    (event, payload) => {
      page
        .evaluate(
          ([name, data]) =>
            (window as unknown as Record<string, (e: unknown, p: unknown) => void>)[name]?.(data[0], data[1]),
          [EMIT_FUNCTION, [event, payload]] as const,
        )
        .catch(() => undefined);
    },
    { history, settings },
  );
  const session: AppSession = {
    page,
    context,
    site,
    profiles,
    server,
    history,
    settings,
    handlers,
    home,
    responses,
    pageErrors,
    async close() {
      stopEvents();
      await server.dispose();
      await context.close();
      await site.close();
      if (own !== undefined) {
        await removeAll(profiles).catch(() => undefined);
        own.cleanup();
      }
    },
  };
  // Seeded before the first load: a profile added after it may or may not be in the list the
  // page asked for at start, depending on which call reaches the store first.
  if (options.seed) await options.seed(session);
  await page.goto(options.route === undefined ? site.url : `${site.url}#/${options.route}`);
  return session;
}

/**
 * One browser and one app window for a describe block: launched before its tests, closed
 * after. Read `suite.app` and `suite.browser` inside tests and hooks.
 */
export function appSuite(options: OpenOptions = {}) {
  const state: { browser?: Browser; app?: AppSession } = {};
  beforeAll(async () => {
    state.browser = await launchChromium();
    state.app = await openApp(state.browser, options);
  });
  afterAll(async () => {
    await state.app?.close();
    await state.browser?.close();
  });
  return {
    get browser(): Browser {
      if (!state.browser) throw new Error('the browser is not launched yet');
      return state.browser;
    },
    get app(): AppSession {
      if (!state.app) throw new Error('the app is not open yet');
      return state.app;
    },
  };
}
