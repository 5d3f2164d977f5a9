import type { ErrorInfo } from './errors.js';
// Plain names only: the sandboxed preload bundle must not carry zod and the schemas.
import { IPC_CHANNELS, IPC_EVENTS, type IpcChannel, type IpcEvent } from './contract/channels.js';
import type { IpcEvents, IpcRequest, IpcResponse, IpcResult, TokenDeskApi } from './contract/ipc.js';

/**
 * How `window.tokenDesk` reaches main. The preload passes Electron's ipcRenderer; the
 * Chromium tests pass a page binding to the same handlers, so the object the renderer
 * sees is built by this one function in both.
 */
export interface BridgeTransport {
  invoke(channel: IpcChannel, request: unknown): Promise<unknown>;
  /** Subscribes to a main-process event; returns the unsubscribe function. */
  subscribe(event: IpcEvent, listener: (payload: unknown) => void): () => void;
}

const channels: ReadonlySet<string> = new Set(IPC_CHANNELS);
const events: ReadonlySet<string> = new Set(IPC_EVENTS);

function failure(code: ErrorInfo['code'], message: string): { ok: false; error: ErrorInfo } {
  return { ok: false, error: { code, message } };
}

export function createTokenDeskApi(transport: BridgeTransport): TokenDeskApi {
  return {
    async invoke<C extends IpcChannel>(channel: C, request: IpcRequest<C>): Promise<IpcResult<IpcResponse<C>>> {
      // The renderer is untyped at run time: refuse anything outside the contract here too.
      if (typeof channel !== 'string' || !channels.has(channel)) {
        return failure('invalid_input', `unknown IPC channel: ${String(channel)}`);
      }
      try {
        // Main answers every contract channel with an IpcResult (shared/app).
        return (await transport.invoke(channel, request)) as IpcResult<IpcResponse<C>>;
      } catch (error) {
        // Only the transport itself fails this way (handlers never throw): keep the UI's
        // one error path instead of an unhandled rejection.
        const message = error instanceof Error ? error.message : String(error);
        return failure('internal', `the app could not reach its main process: ${message}`);
      }
    },
    on<E extends IpcEvent>(event: E, listener: (payload: IpcEvents[E]) => void): () => void {
      if (typeof event !== 'string' || !events.has(event)) {
        throw new TypeError(`unknown event: ${String(event)}`);
      }
      if (typeof listener !== 'function') throw new TypeError('listener must be a function');
      return transport.subscribe(event, (payload) => listener(payload as IpcEvents[E]));
    },
  };
}
