import { IPC_CHANNELS, type IpcResult } from '../shared/contract/index.js';
import type { IpcHandlerMap } from '../shared/app/result.js';
import { isTrustedSender } from './security.js';

/** The parts of Electron's IpcMainInvokeEvent the sender check reads. */
export interface InvokeEventLike {
  senderFrame: { url: string; parent: unknown } | null;
}

/** The parts of Electron's ipcMain used here (typed so the real ipcMain fits). */
export interface IpcMainLike {
  handle(channel: string, listener: (event: InvokeEventLike, request: unknown) => Promise<unknown>): void;
  removeHandler(channel: string): void;
}

const refused: IpcResult<never> = {
  ok: false,
  error: { code: 'internal', message: 'refused: the request did not come from the app page' },
};

/**
 * Registers one ipcMain handler per contract channel. Each checks the sender frame first:
 * only the app's own top-level page may call main (DESIGN.md §2), whatever else might
 * end up loaded in a frame. Returns the function that removes the handlers.
 */
export function registerIpcHandlers(
  ipcMain: IpcMainLike,
  handlers: IpcHandlerMap,
  appUrl: string,
  onRefused: (channel: string, frameUrl: string | undefined) => void = () => undefined,
): () => void {
  for (const channel of IPC_CHANNELS) {
    const handler = handlers[channel];
    ipcMain.handle(channel, async (event, request) => {
      const frame = event.senderFrame;
      const info = frame === null ? null : { url: frame.url, isMainFrame: frame.parent === null };
      if (!isTrustedSender(info, appUrl)) {
        onRefused(channel, frame?.url);
        return refused;
      }
      return handler(request);
    });
  }
  return () => {
    for (const channel of IPC_CHANNELS) ipcMain.removeHandler(channel);
  };
}
