import type { IpcChannel } from '../contract/index.js';
import type { SettingsStore } from '../settings/settings-store.js';
import { handle, type IpcHandlerMap } from './result.js';

type SettingsChannel = Extract<IpcChannel, `settings:${string}`>;

/** The app's settings: read, and changed a few fields at a time (the store announces each change). */
export function createSettingsHandlers(settings: SettingsStore): Pick<IpcHandlerMap, SettingsChannel> {
  return {
    'settings:get': handle('settings:get', () => settings.get()),
    'settings:set': handle('settings:set', (patch) => settings.set(patch)),
  };
}
