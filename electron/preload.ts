/**
 * Sandboxed preload: bundled into one CommonJS file (dist/electron/preload.cjs) because a
 * sandboxed preload may require nothing but Electron's own modules. It exposes
 * `window.tokenDesk` and nothing else; the Electron event object never reaches the page.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { createTokenDeskApi } from './bridge.js';

const api = createTokenDeskApi({
  invoke: (channel, request) => ipcRenderer.invoke(channel, request),
  subscribe(event, listener) {
    const forward = (_event: IpcRendererEvent, payload: unknown): void => listener(payload);
    ipcRenderer.on(event, forward);
    return () => {
      ipcRenderer.removeListener(event, forward);
    };
  },
});

contextBridge.exposeInMainWorld('tokenDesk', api);
