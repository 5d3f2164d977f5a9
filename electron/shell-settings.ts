/**
 * The two settings main acts on, as pure decisions (tested under Node): whether to start the
 * local server when the app starts, and what closing the window does.
 */
import type { IpcRequest } from '../shared/contract/ipc.js';
import type { Settings } from '../shared/contract/settings.js';
import type { ProfileView } from '../shared/contract/views.js';
import { trayStartRequest } from './tray-start.js';

export type LaunchStart =
  { kind: 'start'; request: IpcRequest<'server:start'> } | { kind: 'none'; reason: 'not-chosen' | 'no-profile' };

/**
 * At launch, with "start the server at launch" on: the default profile (else the first) on
 * the default port, on this machine only, as the tray would start it.
 */
export function launchStartRequest(
  settings: Pick<Settings, 'startServerAtLaunch' | 'defaultPort'>,
  profiles: readonly ProfileView[],
): LaunchStart {
  if (!settings.startServerAtLaunch) return { kind: 'none', reason: 'not-chosen' };
  const plan = trayStartRequest(profiles, undefined, settings.defaultPort);
  return plan.kind === 'start' ? plan : { kind: 'none', reason: 'no-profile' };
}

export interface CloseContext {
  keepServerRunningOnClose: boolean;
  serverRunning: boolean;
  /** The app is quitting (Quit in the tray or the menu, the OS logging out): never hold it up. */
  quitting: boolean;
}

/**
 * 'hide' keeps the app (and its server) running in the tray when the user chose so in
 * Settings and a server is running; otherwise the window closes and the app quits as before.
 */
export function closeAction(context: CloseContext): 'hide' | 'close' {
  if (context.quitting) return 'close';
  return context.keepServerRunningOnClose && context.serverRunning ? 'hide' : 'close';
}
