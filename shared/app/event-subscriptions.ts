import type { IpcEvent, IpcEvents } from '../contract/index.js';
import type { TokenHistory } from '../history/token-history.js';
import type { SettingsStore } from '../settings/settings-store.js';
import type { ServerController } from './server-controller.js';

/** Delivers one main-process event to the renderer (webContents.send, or a test page). */
export type EventSink = <E extends IpcEvent>(event: E, payload: IpcEvents[E]) => void;

const SERVER_EVENTS = ['server:request', 'server:status'] as const satisfies readonly IpcEvent[];

/** The services besides the server whose changes the renderer follows, where the door has them. */
export interface EventSources {
  history?: TokenHistory | undefined;
  settings?: SettingsStore | undefined;
}

/**
 * Forwards every contract event from the services to the renderer. Returns the function
 * that stops forwarding (window closed, test finished).
 */
export function createEventSubscriptions(
  server: ServerController,
  send: EventSink,
  sources: EventSources = {},
): () => void {
  const forwarders = SERVER_EVENTS.map((event) => {
    const forward = (payload: IpcEvents[typeof event]): void => send(event, payload);
    server.on(event, forward);
    return () => {
      server.off(event, forward);
    };
  });
  const { history, settings } = sources;
  if (history !== undefined) forwarders.push(history.onChange((entries) => send('history:changed', [...entries])));
  if (settings !== undefined) {
    const forward = (payload: IpcEvents['settings:changed']): void => send('settings:changed', payload);
    settings.on('settings:changed', forward);
    forwarders.push(() => {
      settings.off('settings:changed', forward);
    });
  }
  return () => {
    for (const unsubscribe of forwarders) unsubscribe();
  };
}
