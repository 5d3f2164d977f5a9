import type { z } from 'zod';
import type { IpcChannel, IpcResponse, IpcResult } from '../../shared/contract.js';
import { toErrorInfo } from '../../shared/errors.js';
import { parseInput } from '../../shared/token/validation.js';

/** One channel's main-process handler: takes the untrusted request, never throws. */
export type IpcHandler<C extends IpcChannel> = (request: unknown) => Promise<IpcResult<IpcResponse<C>>>;

export type IpcHandlerMap = { [C in IpcChannel]: IpcHandler<C> };

/**
 * Builds a handler that validates the request with `schema` (the first problem becomes an
 * `invalid_input` error naming the field) and turns anything thrown into an ErrorInfo, so
 * the renderer always gets a Result with the code and field intact.
 */
export function handle<C extends IpcChannel, S extends z.ZodType>(
  _channel: C,
  schema: S,
  run: (input: z.output<S>) => Promise<IpcResponse<C>> | IpcResponse<C>,
): IpcHandler<C> {
  return async (request) => {
    try {
      const input = parseInput(schema, request);
      return { ok: true, value: await run(input) };
    } catch (error) {
      return { ok: false, error: toErrorInfo(error) };
    }
  };
}
