/**
 * The renderer's only way out: typed calls over `window.tokenDesk` (the preload in the
 * app, a page binding in the Chromium tests). Failures become ApiError so screens can show
 * the message next to the field it names.
 */
import type {
  IpcChannel,
  IpcEvent,
  IpcEvents,
  IpcRequest,
  IpcResponse,
  TokenDeskApi,
} from '../../shared/contract/index.js';
import type { ErrorCode, ErrorInfo } from '../../shared/errors.js';

declare global {
  interface Window {
    tokenDesk?: TokenDeskApi;
  }
}

export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly field: string | undefined;

  constructor(info: ErrorInfo) {
    super(info.message);
    this.name = 'ApiError';
    this.code = info.code;
    this.field = info.field;
  }
}

function bridge(): TokenDeskApi {
  const api = window.tokenDesk;
  if (api === undefined) {
    throw new ApiError({
      code: 'internal',
      message: 'The app bridge is missing: open Agora Token Desk from its own window.',
    });
  }
  return api;
}

export async function call<C extends IpcChannel>(channel: C, request: IpcRequest<C>): Promise<IpcResponse<C>> {
  const result = await bridge().invoke(channel, request);
  if (!result.ok) throw new ApiError(result.error);
  return result.value;
}

export function subscribe<E extends IpcEvent>(event: E, listener: (payload: IpcEvents[E]) => void): () => void {
  return bridge().on(event, listener);
}

/** Any thrown value as the one-line message the UI shows. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
