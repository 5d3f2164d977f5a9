import { IPC_EVENTS, type IpcEvent, type IpcEvents } from '../../shared/contract/index.js';
import type { ServerController } from './server-controller.js';

/** Delivers one main-process event to the renderer (webContents.send, or a test page). */
export type EventSink = <E extends IpcEvent>(event: E, payload: IpcEvents[E]) => void;

/**
 * Forwards every contract event from the services to the renderer. Returns the function
 * that stops forwarding (window closed, test finished).
 */
export function createEventSubscriptions(server: ServerController, send: EventSink): () => void {
  const forwarders = IPC_EVENTS.map((event) => {
    const forward = (payload: IpcEvents[typeof event]): void => send(event, payload);
    server.on(event, forward);
    return () => {
      server.off(event, forward);
    };
  });
  return () => {
    for (const unsubscribe of forwarders) unsubscribe();
  };
}
