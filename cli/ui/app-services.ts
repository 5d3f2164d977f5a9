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
import { TokenDeskError } from '../../shared/errors.js';
import { ProfileStore } from '../../shared/profiles/profile-store.js';

export interface AppServices {
  handlers: ChannelHandlers;
  subscribeEvents(send: EventSink): () => void;
  contentSecurityPolicy: string;
  /** Stops the local token server if the UI started one. */
  dispose(): Promise<void>;
}

/**
 * The page copies with navigator.clipboard; writing this machine's clipboard from a
 * browser that may sit on another machine (SSH forwarding) would copy to the wrong place.
 */
const noClipboard = {
  writeText(): void {
    throw new TokenDeskError('invalid_input', 'in the browser, copying goes through the page (its Copy buttons)');
  },
};

export function createAppServices(): AppServices {
  const profiles = new ProfileStore();
  const server = new ServerController();
  return {
    handlers: createIpcHandlers({ profiles, server, clipboard: noClipboard }),
    subscribeEvents: (send) => createEventSubscriptions(server, send),
    contentSecurityPolicy: CONTENT_SECURITY_POLICY,
    dispose: () => server.dispose(),
  };
}
