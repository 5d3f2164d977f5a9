/**
 * The tray (menu-bar) menu as a pure function of the server's state, so it can be tested
 * without Electron; main rebuilds it whenever the server starts or stops.
 */
import type { MenuItemConstructorOptions } from 'electron';

export interface TrayServerState {
  readonly running: boolean;
  /** The URL the server listens on while it runs. */
  readonly url?: string;
}

export interface TrayActions {
  start: () => void;
  stop: () => void;
  copyUrl: (url: string) => void;
  open: () => void;
  quit: () => void;
}

/** The tooltip (and macOS title) that says at a glance whether the server runs. */
export function trayTooltip(state: TrayServerState): string {
  return state.running && state.url !== undefined
    ? `Agora Token Desk: server listening on ${state.url}`
    : 'Agora Token Desk: server stopped';
}

export function buildTrayMenuTemplate(state: TrayServerState, actions: TrayActions): MenuItemConstructorOptions[] {
  const url = state.running ? state.url : undefined;
  return [
    { label: url === undefined ? 'Server stopped' : `Listening on ${url}`, enabled: false },
    { type: 'separator' },
    state.running
      ? { label: 'Stop server', click: () => actions.stop() }
      : { label: 'Start server', click: () => actions.start() },
    { label: 'Copy URL', enabled: url !== undefined, click: () => url !== undefined && actions.copyUrl(url) },
    { type: 'separator' },
    { label: 'Open Agora Token Desk', click: () => actions.open() },
    { label: 'Quit', click: () => actions.quit() },
  ];
}
