import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createIpcHandlers } from '../../electron/handlers/ipc-handlers.js';
import { ServerController } from '../../electron/handlers/server-controller.js';
import type { IpcChannel, IpcResponse, IpcResult } from '../../shared/contract.js';
import type { ErrorInfo } from '../../shared/errors.js';
import { ProfileStore } from '../../shared/profiles/profile-store.js';

/** A data folder of its own for one test file (AGORA_TOKEN_DESK_HOME semantics). */
export function tempHome(prefix: string): { home: string; cleanup: () => void } {
  const home = mkdtempSync(join(tmpdir(), prefix));
  return { home, cleanup: () => rmSync(home, { recursive: true, force: true }) };
}

/**
 * Whether the real keychain (Secret Service) answers. Without one, a developer laptop
 * skips the keychain suites with one line; CI (CI=true) must have it, so it fails there.
 */
export async function keychainAvailable(suite: string): Promise<boolean> {
  const probe = tempHome('atd-keychain-probe-');
  try {
    const status = await new ProfileStore({ home: probe.home }).keychainStatus();
    if (status.available) return true;
    const why = status.message ?? 'no Secret Service on the session bus';
    if (process.env['CI'] === 'true') throw new Error(`${suite}: keychain unavailable in CI: ${why}`);
    console.log(`skipped ${suite}: keychain unavailable (${why}); run inside dbus-run-session with gnome-keyring unlocked`);
    return false;
  } finally {
    probe.cleanup();
  }
}

/** Random 32-hex credentials: unique secrets, so a leak check cannot match by chance. */
export function randomCredentials(): { appId: string; appCertificate: string } {
  return { appId: randomBytes(16).toString('hex'), appCertificate: randomBytes(16).toString('hex') };
}

/**
 * The real main-process handlers over a real ProfileStore (temporary data folder, real
 * keychain) and a real ServerController. Every response is kept for the leak checks.
 */
export async function openHarness() {
  const { home, cleanup } = tempHome('atd-ipc-');
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
    // Removing through the store deletes each certificate from the keychain too.
    const listed = await handlers['profiles:list'](undefined);
    if (listed.ok) for (const profile of listed.value.profiles) await profiles.remove(profile.id);
    cleanup();
  }
  return { home, profiles, server, handlers, clipboardWrites, responses, call, ok, fail, close };
}

export type Harness = Awaited<ReturnType<typeof openHarness>>;
