/**
 * Electron main process, the desktop shell: the one window with its security settings, the
 * app:// scheme, IPC registration with sender checks, tray and menu, over the application
 * layer's services (shared/app/). Everything worth testing lives in plain modules
 * (shared/app/, security.ts, window-state.ts, ipc-registration.ts) that run under Node.
 */
import '../shared/zod-english.js';
import { BrowserWindow, Menu, app, ipcMain, protocol, screen, session, shell } from 'electron';
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createAppServices } from '../shared/app/app-services.js';
import { DEFAULT_SETTINGS, type Settings } from '../shared/contract/settings.js';
import { APP_SCHEME, APP_SCHEME_PRIVILEGES, APP_URL, appResponseHeaders, resolveAppPath } from './app-scheme.js';
import { devToolsAllowed, rendererUrlOverride } from './dev-tools.js';
import { registerIpcHandlers } from './ipc-registration.js';
import { buildMenuTemplate, readmeUrl } from './menu.js';
import { decideNavigation, decideWindowOpen, isPermissionAllowed } from './security.js';
import { closeAction, launchStartRequest } from './shell-settings.js';
import { installTray } from './tray.js';
import { MIN_WINDOW_SIZE, loadWindowState, saveWindowState, windowStatePath } from './window-state.js';

const here = fileURLToPath(new URL('.', import.meta.url));
const rendererDir = join(here, '../renderer');
const appUrl = rendererUrlOverride(process.env, app) ?? APP_URL;
// Must happen before 'ready'; the scheme gets an origin and fetch, never a CSP bypass.
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: APP_SCHEME_PRIVILEGES }]);
const services = createAppServices();
const { server, settings, handlers, contentSecurityPolicy } = services;
// Kept current by the store's event, so the close handler can decide synchronously.
let currentSettings: Settings = DEFAULT_SETTINGS;
let quitting = false;
let started = false;
let mainWindow: BrowserWindow | undefined;
// Held for the app's lifetime: a tray that is garbage-collected disappears from the menu bar.
let tray: ReturnType<typeof installTray> | undefined;

function openExternal(url: string | undefined): void {
  if (url !== undefined) void shell.openExternal(url);
}

/** app://desk/…: only files of the renderer folder (resolveAppPath), each with the app's policy. */
function serveRenderer(): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const target = resolveAppPath(request.url, rendererDir);
    if (!target.ok) return new Response(null, { status: target.status });
    // Read directly (Electron's fs reads inside the asar), so no file: privilege is needed.
    const body = await readFile(target.path).catch(() => undefined);
    if (body === undefined) return new Response(null, { status: 404 });
    return new Response(new Uint8Array(body), {
      headers: appResponseHeaders(target.contentType, contentSecurityPolicy),
    });
  });
}

function applySessionPolicy(): void {
  // For a dev server's pages; app:// responses carry the policy themselves (and the meta tag repeats it).
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [contentSecurityPolicy] } });
  });
  session.defaultSession.setPermissionRequestHandler((_contents, permission, callback, details) => {
    callback(isPermissionAllowed(permission, details.requestingUrl, appUrl));
  });
  session.defaultSession.setPermissionCheckHandler((contents, permission) =>
    isPermissionAllowed(permission, contents?.getURL() ?? '', appUrl),
  );
}

function createWindow(): BrowserWindow {
  const statePath = windowStatePath(services.dataDir);
  const state = loadWindowState(
    statePath,
    screen.getAllDisplays().map((display) => display.workArea),
  );
  const window = new BrowserWindow({
    width: state.width,
    height: state.height,
    ...(state.x === undefined || state.y === undefined ? {} : { x: state.x, y: state.y }),
    minWidth: MIN_WINDOW_SIZE.width,
    minHeight: MIN_WINDOW_SIZE.height,
    show: false,
    title: 'Agora Token Desk',
    webPreferences: {
      preload: join(here, 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      devTools: devToolsAllowed(app),
    },
  });
  if (state.maximized) window.maximize();
  window.once('ready-to-show', () => window.show());
  window.on('close', (event) => {
    const serverRunning = server.status().state === 'listening';
    const { keepServerRunningOnClose } = currentSettings;
    if (closeAction({ keepServerRunningOnClose, serverRunning, quitting }) === 'hide') {
      event.preventDefault();
      window.hide();
      return;
    }
    saveWindowState(statePath, window.getNormalBounds(), window.isMaximized());
  });

  const contents = window.webContents;
  contents.on('will-navigate', (event) => {
    const decision = decideNavigation(event.url, appUrl);
    if (decision.action === 'deny') {
      event.preventDefault();
      openExternal(decision.openExternal);
    }
  });
  contents.setWindowOpenHandler(({ url }) => {
    openExternal(decideWindowOpen(url).openExternal);
    return { action: 'deny' };
  });
  const unsubscribe = services.subscribeEvents((event, payload) => {
    if (!contents.isDestroyed()) contents.send(event, payload);
  });
  window.on('closed', () => {
    unsubscribe();
    mainWindow = undefined;
  });
  void window.loadURL(appUrl);
  return window;
}

function readPackageJson(): unknown {
  try {
    return JSON.parse(readFileSync(join(app.getAppPath(), 'package.json'), 'utf8'));
  } catch {
    return undefined;
  }
}

function installMenu(): void {
  const template = buildMenuTemplate({
    devTools: devToolsAllowed(app),
    appName: 'Agora Token Desk',
    isMac: process.platform === 'darwin',
    openReadme: () => {
      const url = readmeUrl(readPackageJson());
      if (url === undefined) void shell.openPath(join(app.getAppPath(), 'README.md'));
      else void shell.openExternal(url);
    },
  });
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}

async function start(): Promise<void> {
  settings.on('settings:changed', (next) => {
    currentSettings = next;
  });
  serveRenderer();
  registerIpcHandlers(ipcMain, handlers, appUrl, (channel, frameUrl) => {
    console.warn(`refused IPC ${channel} from ${frameUrl ?? 'a closed frame'}`);
  });
  applySessionPolicy();
  installMenu();
  mainWindow = createWindow();
  tray = installTray({
    iconPath: join(here, 'tray-icon.png'),
    server,
    handlers,
    open: showWindow,
    quit: () => app.quit(),
    defaultPort: () => currentSettings.defaultPort,
  });
  started = true;
  // Everything above is registered before the first await, so the window never loads before app:// is served.
  currentSettings = await settings.get();
  await startServerAtLaunch();
}

/** "Start the server at launch": a refused start (port in use, no profile) is shown on the Local server screen. */
async function startServerAtLaunch(): Promise<void> {
  if (!currentSettings.startServerAtLaunch) return;
  const listed = await handlers['profiles:list'](undefined);
  const plan = launchStartRequest(currentSettings, listed.ok ? listed.value.profiles : []);
  if (plan.kind === 'start') await handlers['server:start'](plan.request);
}

function showWindow(): void {
  if (mainWindow === undefined) mainWindow = createWindow();
  else {
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.show();
    mainWindow.focus();
  }
}

// The local server must be closed before the process exits, so quitting waits for it once.
let serverClosed = false;
app.on('before-quit', () => {
  quitting = true;
});
app.on('will-quit', (event) => {
  if (serverClosed) return;
  event.preventDefault();
  tray?.destroy();
  tray = undefined;
  void services.dispose().finally(() => {
    serverClosed = true;
    app.quit();
  });
});

// Defence in depth: every renderer is sandboxed and none may open a <webview>, whatever
// options some future window is created with.
app.enableSandbox();
app.on('web-contents-created', (_event, contents) => {
  contents.on('will-attach-webview', (event) => event.preventDefault());
});

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  // Also brings back a window hidden to the tray (Settings: keep the server running on close).
  app.on('second-instance', () => {
    if (started) showWindow();
  });
  app.on('window-all-closed', () => app.quit());
  app.on('activate', () => {
    if (started) showWindow();
  });
  void app.whenReady().then(start);
}
