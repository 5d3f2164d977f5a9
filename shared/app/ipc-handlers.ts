import type { ProfileStore } from '../profiles/profile-store.js';
import { SettingsStore } from '../settings/settings-store.js';
import { decodeWithProfiles } from './decode-handler.js';
import { diagnoseWithProfiles } from './diagnose-handler.js';
import { TokenHistory } from '../history/token-history.js';
import { createHistoryHandlers } from './history-handlers.js';
import { createProfileHandlers } from './profile-handlers.js';
import { handle, type IpcHandlerMap } from './result.js';
import type { ServerController } from './server-controller.js';
import { createServerHandlers } from './server-handlers.js';
import { createSettingsHandlers } from './settings-handlers.js';
import { createTokenHandlers } from './token-handlers.js';

export type { IpcHandler, IpcHandlerMap } from './result.js';

export interface IpcHandlerDeps {
  profiles: ProfileStore;
  server: ServerController;
  /** This run's generated tokens; pass the one whose events you forward (a private one otherwise). */
  history?: TokenHistory;
  /** The app's settings (default: settings.json in the profiles' data folder). */
  settings?: SettingsStore;
}

/**
 * Every IPC channel of the contract, as plain async functions: Electron's ipcMain calls
 * them in the app, the Chromium tests call them through a page binding. None imports
 * Electron, validates anything twice, or lets an App Certificate out.
 */
export function createIpcHandlers(deps: IpcHandlerDeps): IpcHandlerMap {
  const { profiles, server } = deps;
  const history = deps.history ?? new TokenHistory();
  return {
    ...createProfileHandlers(profiles),
    ...createTokenHandlers(profiles, history),
    'token:decode': handle('token:decode', (input) => decodeWithProfiles(profiles, input)),
    'token:diagnose': handle('token:diagnose', (input) => diagnoseWithProfiles(profiles, input)),
    ...createServerHandlers(profiles, server),
    ...createHistoryHandlers(history),
    ...createSettingsHandlers(deps.settings ?? new SettingsStore(profiles.home)),
  };
}
