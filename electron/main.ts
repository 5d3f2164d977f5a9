/**
 * Electron main process: creates the one window with its security settings and wires the
 * contract's IPC handlers to the services. Everything worth testing lives in plain modules
 * (handlers/, security.ts, window-state.ts, ipc-registration.ts) that run under Node.
 */
import '../shared/zod-english.js';
import { BrowserWindow, Menu, app, ipcMain, screen, session, shell } from 'electron';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { defaultDataDir } from '../shared/profiles/data-dir.js';
import { TokenHistory } from '../shared/history/token-history.js';
import { ProfileStore } from '../shared/profiles/profile-store.js';
import { devToolsAllowed, rendererUrlOverride } from './dev-tools.js';
import { createEventSubscriptions } from './handlers/event-subscriptions.js';
import { createIpcHandlers } from './handlers/ipc-handlers.js';
import { ServerController } from './handlers/server-controller.js';
import { registerIpcHandlers } from './ipc-registration.js';
import { buildMenuTemplate, readmeUrl } from './menu.js';
import { CONTENT_SECURITY_POLICY, decideNavigation, decideWindowOpen, isPermissionAllowed } from './security.js';
import { installTray } from './tray.js';
import { MIN_WINDOW_SIZE, loadWindowState, saveWindowState, windowStatePath } from './window-state.js';

const here = fileURLToPath(new URL('.', import.meta.url));
const appUrl = rendererUrlOverride(process.env, app) ?? pathToFileURL(join(here, '../renderer/index.html')).href;
const server = new ServerController();
// This run's generated tokens: memory only, gone when the app quits.
const history = new TokenHistory();
let mainWindow: BrowserWindow | undefined;
// Held for the app's lifetime: a tray that is garbage-collected disappears from the menu bar.
let tray: ReturnType<typeof installTray> | undefined;

function openExternal(url: string | undefined): void {
  if (url !== undefined) void shell.openExternal(url);
}

function applySessionPolicy(): void {
  // file: pages get no response headers, so the renderer's meta tag carries the same policy.
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });
  session.defaultSession.setPermissionRequestHandler((_contents, permission, callback, details) => {
    callback(isPermissionAllowed(permission, details.requestingUrl, appUrl));
  });
  session.defaultSession.setPermissionCheckHandler((contents, permission) =>
    isPermissionAllowed(permission, contents?.getURL() ?? '', appUrl),
  );
}

function createWindow(): BrowserWindow {
  const statePath = windowStatePath(defaultDataDir());
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
  window.on('close', () => saveWindowState(statePath, window.getNormalBounds(), window.isMaximized()));

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
  const unsubscribe = createEventSubscriptions(
    server,
    (event, payload) => {
      if (!contents.isDestroyed()) contents.send(event, payload);
    },
    history,
  );
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

function start(): void {
  const profiles = new ProfileStore();
  const handlers = createIpcHandlers({ profiles, server, history });
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
  });
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
app.on('will-quit', (event) => {
  if (serverClosed) return;
  event.preventDefault();
  tray?.destroy();
  tray = undefined;
  void server.dispose().finally(() => {
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
  app.on('second-instance', () => {
    if (mainWindow === undefined) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('window-all-closed', () => app.quit());
  app.on('activate', () => {
    if (mainWindow === undefined && app.isReady()) mainWindow = createWindow();
  });
  void app.whenReady().then(start);
}
