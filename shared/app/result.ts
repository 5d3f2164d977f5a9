import {
  ipcContract,
  parseInput,
  type IpcChannel,
  type IpcParsedRequest,
  type IpcResponse,
  type IpcResult,
} from '../contract/index.js';
import { toErrorInfo } from '../errors.js';

/** One channel's main-process handler: takes the untrusted request, never throws. */
export type IpcHandler<C extends IpcChannel> = (request: unknown) => Promise<IpcResult<IpcResponse<C>>>;

export type IpcHandlerMap = { [C in IpcChannel]: IpcHandler<C> };

/**
 * Builds a handler that parses the request once with the channel's contract schema (the
 * first problem becomes an `invalid_input` error naming the field) and turns anything
 * thrown into an ErrorInfo, so the renderer always gets a Result with code and field intact.
 */
export function handle<C extends IpcChannel>(
  channel: C,
  run: (input: IpcParsedRequest<C>) => Promise<IpcResponse<C>> | IpcResponse<C>,
): IpcHandler<C> {
  const schema = ipcContract[channel].request;
  return async (request) => {
    try {
      const input = parseInput(schema, request) as IpcParsedRequest<C>;
      return { ok: true, value: await run(input) };
    } catch (error) {
      return { ok: false, error: toErrorInfo(error) };
    }
  };
}
