/**
 * The application layer behind both shells: the desktop app's main process and browser
 * mode (`agora-token-desk ui`) each create these services once and answer the contract's
 * channels with the same handler map, so the two cannot drift apart.
 */
import { TokenHistory } from '../history/token-history.js';
import { defaultDataDir } from '../profiles/data-dir.js';
import { ProfileStore, type ProfileStoreOptions } from '../profiles/profile-store.js';
import { SettingsStore } from '../settings/settings-store.js';
import { CONTENT_SECURITY_POLICY } from './content-security-policy.js';
import { createEventSubscriptions, type EventSink } from './event-subscriptions.js';
import { createIpcHandlers, type IpcHandlerMap } from './ipc-handlers.js';
import { ServerController, type ServerControllerOptions } from './server-controller.js';

export interface AppServices {
  /** The one data folder: profiles.json, settings.json and the shell's own files. */
  readonly dataDir: string;
  readonly profiles: ProfileStore;
  readonly server: ServerController;
  /** This run's generated tokens: memory only, gone when the process ends. */
  readonly history: TokenHistory;
  readonly settings: SettingsStore;
  /** Every contract channel, for ipcMain or browser mode's HTTP transport. */
  readonly handlers: IpcHandlerMap;
  /** Starts forwarding every contract event to `send`; returns the function that stops it. */
  subscribeEvents(send: EventSink): () => void;
  readonly contentSecurityPolicy: string;
  /** Stops the local token server if the UI started one. */
  dispose(): Promise<void>;
}

export interface AppServicesOptions {
  /** Default: defaultDataDir() (AGORA_TOKEN_DESK_HOME, else the folder Electron's userData names). */
  dataDir?: string;
  keychain?: ProfileStoreOptions['keychain'];
  server?: ServerControllerOptions;
}

export function createAppServices(options: AppServicesOptions = {}): AppServices {
  const dataDir = options.dataDir ?? defaultDataDir();
  const profiles = new ProfileStore({
    home: dataDir,
    ...(options.keychain === undefined ? {} : { keychain: options.keychain }),
  });
  const server = new ServerController(options.server);
  const history = new TokenHistory();
  const settings = new SettingsStore(dataDir);
  return {
    dataDir,
    profiles,
    server,
    history,
    settings,
    handlers: createIpcHandlers({ profiles, server, history, settings }),
    subscribeEvents: (send) => createEventSubscriptions(server, send, { history, settings }),
    contentSecurityPolicy: CONTENT_SECURITY_POLICY,
    dispose: () => server.dispose(),
  };
}
