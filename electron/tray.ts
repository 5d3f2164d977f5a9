/**
 * The tray / menu-bar icon: whether the local server runs, with Start/Stop, Copy URL, Open
 * and Quit. The menu and the start request are pure functions (tray-menu.ts, tray-start.ts);
 * this file only connects them to Electron and the handlers.
 */
import { Menu, Tray, clipboard, nativeImage } from 'electron';
import type { IpcHandlerMap } from '../shared/app/ipc-handlers.js';
import type { ServerController } from '../shared/app/server-controller.js';
import { buildTrayMenuTemplate, trayTooltip } from './tray-menu.js';
import { trayStartRequest } from './tray-start.js';

export interface TrayOptions {
  iconPath: string;
  server: ServerController;
  handlers: IpcHandlerMap;
  /** Shows the window (where a missing profile or a refused start is explained). */
  open: () => void;
  quit: () => void;
  /** The port chosen in Settings, for a start before the server has run this session. */
  defaultPort: () => number;
}

export function installTray(options: TrayOptions): Tray {
  const { server, handlers } = options;
  const tray = new Tray(nativeImage.createFromPath(options.iconPath).resize({ width: 16, height: 16 }));
  let lastPort: number | undefined;

  const start = async (): Promise<void> => {
    const listed = await handlers['profiles:list'](undefined);
    const plan = trayStartRequest(listed.ok ? listed.value.profiles : [], lastPort, options.defaultPort());
    if (plan.kind === 'no-profile') return options.open();
    const started = await handlers['server:start'](plan.request);
    // A refused start (port in use, keychain locked) is explained in the window.
    if (!started.ok) options.open();
  };
  const refresh = (): void => {
    const status = server.status();
    if (status.port !== undefined) lastPort = status.port;
    const state = { running: status.state === 'listening', ...(status.url === undefined ? {} : { url: status.url }) };
    tray.setToolTip(trayTooltip(state));
    tray.setContextMenu(
      Menu.buildFromTemplate(
        buildTrayMenuTemplate(state, {
          start: () => void start(),
          stop: () => void server.stop(),
          copyUrl: (url) => clipboard.writeText(url),
          open: () => options.open(),
          quit: options.quit,
        }),
      ),
    );
  };
  server.on('server:status', refresh);
  refresh();
  return tray;
}
