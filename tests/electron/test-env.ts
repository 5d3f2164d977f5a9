import { createIpcHandlers } from '../../electron/handlers/ipc-handlers.js';
import { ServerController } from '../../electron/handlers/server-controller.js';
import type { IpcChannel, IpcResponse, IpcResult } from '../../shared/contract.js';
import type { ErrorInfo } from '../../shared/errors.js';
import { ProfileStore } from '../../shared/profiles/profile-store.js';
import { removeAll, tempHome } from '../profiles/keychain-env.js';

export { keychainReady, randomCredentials } from '../profiles/keychain-env.js';

/**
 * The real main-process handlers over a real ProfileStore (temporary data folder; the real
 * keychain under this test file's own service, see tests/setup) and a real
 * ServerController. Every response is kept, for the certificate leak checks.
 */
export async function openHarness() {
  const { home, cleanup } = tempHome('atd-ipc');
  const profiles = new ProfileStore({ home });
  const server = new ServerController();
  const clipboardWrites: string[] = [];
  const handlers = createIpcHandlers({ profiles, server, clipboard: { writeText: (text) => clipboardWrites.push(text) } });
  const responses: unknown[] = [];

  async function call<C extends IpcChannel>(channel: C, request: unknown): Promise<IpcResult<IpcResponse<C>>> {
    const result = await handlers[channel](request);
    responses.push(result);
    return result;
  }
  async function ok<C extends IpcChannel>(channel: C, request: unknown): Promise<IpcResponse<C>> {
    const result = await call(channel, request);
    if (!result.ok) throw new Error(`${channel} failed: ${result.error.code}: ${result.error.message}`);
    return result.value;
  }
  async function fail(channel: IpcChannel, request: unknown): Promise<ErrorInfo> {
    const result = await call(channel, request);
    if (result.ok) throw new Error(`${channel} succeeded, but should have failed: ${JSON.stringify(result.value)}`);
    return result.error;
  }
  async function close(): Promise<void> {
    await server.dispose();
    await removeAll(profiles).catch(() => undefined);
    cleanup();
  }
  return { home, profiles, server, handlers, clipboardWrites, responses, call, ok, fail, close };
}

export type Harness = Awaited<ReturnType<typeof openHarness>>;
