import type { IpcEvent, IpcEvents } from '../../shared/contract/index.js';
import type { TokenHistory } from '../../shared/history/token-history.js';
import type { ServerController } from './server-controller.js';

/** Delivers one main-process event to the renderer (webContents.send, or a test page). */
export type EventSink = <E extends IpcEvent>(event: E, payload: IpcEvents[E]) => void;

const SERVER_EVENTS = ['server:request', 'server:status'] as const satisfies readonly IpcEvent[];

/**
 * Forwards every contract event from the services to the renderer. Returns the function
 * that stops forwarding (window closed, test finished).
 */
export function createEventSubscriptions(
  server: ServerController,
  send: EventSink,
  history?: TokenHistory,
): () => void {
  const forwarders = SERVER_EVENTS.map((event) => {
    const forward = (payload: IpcEvents[typeof event]): void => send(event, payload);
    server.on(event, forward);
    return () => {
      server.off(event, forward);
    };
  });
  if (history !== undefined) forwarders.push(history.onChange((entries) => send('history:changed', [...entries])));
  return () => {
    for (const unsubscribe of forwarders) unsubscribe();
  };
}
