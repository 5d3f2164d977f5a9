import { createAppServices } from '../../shared/app/app-services.js';
import type { BuiltRteTokens, BuiltToken, IpcChannel, IpcResponse, IpcResult } from '../../shared/contract/index.js';
import type { KindId } from '../../shared/token/index.js';
import type { ErrorInfo } from '../../shared/errors.js';
import { removeAll, tempHome } from '../profiles/keychain-env.js';

export { keychainReady, randomCredentials } from '../profiles/keychain-env.js';

/**
 * The real application layer as both shells create it (createAppServices): a real
 * ProfileStore in a temporary data folder (the real keychain under this test file's own
 * service, see tests/setup), a real ServerController, history and settings. Every
 * response is kept, for the certificate leak checks.
 */
export async function openHarness() {
  const { home, cleanup } = tempHome('atd-ipc');
  const services = createAppServices({ dataDir: home });
  const { profiles, server, history, handlers } = services;
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
  /** token:build for a kind, from the flat `{profileId, ...input}` the old per-kind channels took. */
  function envelope(kind: KindId, request: unknown): unknown {
    if (typeof request !== 'object' || request === null) return request;
    const { profileId, ...input } = request as { profileId?: unknown };
    return { kind, ...(profileId === undefined ? {} : { profileId }), input };
  }
  async function build(kind: KindId, request: unknown): Promise<BuiltToken> {
    const built = await ok('token:build', envelope(kind, request));
    if (!('token' in built)) throw new Error(`${kind} built a pair, not one token`);
    return built;
  }
  async function buildPair(kind: KindId, request: unknown): Promise<BuiltRteTokens> {
    const built = await ok('token:build', envelope(kind, request));
    if (!('rtcToken' in built)) throw new Error(`${kind} built one token, not a pair`);
    return built;
  }
  const failBuild = (kind: KindId, request: unknown): Promise<ErrorInfo> =>
    fail('token:build', envelope(kind, request));
  async function close(): Promise<void> {
    await services.dispose();
    await removeAll(profiles).catch(() => undefined);
    cleanup();
  }
  return {
    home,
    services,
    profiles,
    server,
    history,
    handlers,
    responses,
    call,
    ok,
    fail,
    build,
    buildPair,
    failBuild,
    close,
  };
}

export type Harness = Awaited<ReturnType<typeof openHarness>>;
