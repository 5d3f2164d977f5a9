/**
 * What browser mode serves: the desktop app's own IPC handlers, event forwarding and window
 * policy, wired to this process's profile store and local-server controller. The one place
 * the CLI reaches into electron/ (plain modules without Electron), so browser mode runs the
 * same handler code as the app, not a second implementation.
 */
import { createEventSubscriptions } from '../../electron/handlers/event-subscriptions.js';
import { createIpcHandlers } from '../../electron/handlers/ipc-handlers.js';
import { ServerController } from '../../electron/handlers/server-controller.js';
import { CONTENT_SECURITY_POLICY } from '../../electron/security.js';
import type { ChannelHandlers, EventSink } from '../../shared/app-server/app-server.js';
import { TokenHistory } from '../../shared/history/token-history.js';
import { ProfileStore } from '../../shared/profiles/profile-store.js';
import { SettingsStore } from '../../shared/settings/settings-store.js';

export interface AppServices {
  handlers: ChannelHandlers;
  subscribeEvents(send: EventSink): () => void;
  contentSecurityPolicy: string;
  /** Stops the local token server if the UI started one. */
  dispose(): Promise<void>;
}

export function createAppServices(): AppServices {
  const profiles = new ProfileStore();
  const server = new ServerController();
  const history = new TokenHistory();
  const settings = new SettingsStore(profiles.home);
  return {
    handlers: createIpcHandlers({ profiles, server, history, settings }),
    subscribeEvents: (send) => createEventSubscriptions(server, send, { history, settings }),
    contentSecurityPolicy: CONTENT_SECURITY_POLICY,
    dispose: () => server.dispose(),
  };
}
