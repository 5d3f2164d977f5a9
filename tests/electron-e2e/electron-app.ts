/**
 * Launches the real desktop app under Playwright: the packaged build named by
 * ELECTRON_E2E_EXECUTABLE (scripts/test-electron.mjs sets it), else the built source tree on
 * node_modules' Electron. Each launch gets a data folder of its own and this test file's
 * keychain service (tests/setup/keychain-service.ts), exactly as a user's app would use them.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron, type ElectronApplication, type Page } from 'playwright-core';
import { HOME_ENV_VAR } from '../../shared/profiles/data-dir.js';
import { KEYCHAIN_SERVICE_ENV_VAR, OsKeychain, keychainServiceName } from '../../shared/profiles/keychain.js';
import { ProfileStore } from '../../shared/profiles/profile-store.js';
import { EXECUTABLE_ENV } from '../../scripts/electron-e2e-app.mjs';
import { REPO_ROOT } from '../helpers/cli.js';
import { removeAll } from '../profiles/keychain-env.js';

export interface DesktopApp {
  electron: ElectronApplication;
  window: Page;
  /** AGORA_TOKEN_DESK_HOME of this launch. */
  home: string;
  /** The keychain service the app saves certificates under. */
  service: string;
  /** Console errors and uncaught exceptions of the page, and main's refused-IPC warnings. */
  errors: string[];
  /** Quits (if still running) and removes the data folder and keychain entries. */
  close(): Promise<void>;
}

/** The packaged app's binary when one is tested, else undefined (the source tree). */
export function packagedExecutable(env: NodeJS.ProcessEnv = process.env): string | undefined {
  return env[EXECUTABLE_ENV] || undefined;
}

function appEnv(home: string, service: string): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) if (value !== undefined) env[key] = value;
  // A dev server URL would swap the page; ELECTRON_RUN_AS_NODE would make it plain Node.
  for (const key of ['ELECTRON_RENDERER_URL', 'ELECTRON_RUN_AS_NODE', 'NODE_OPTIONS', EXECUTABLE_ENV]) delete env[key];
  // The AppImage runtime mounts itself with FUSE, which CI runners lack; extracting needs nothing.
  env['APPIMAGE_EXTRACT_AND_RUN'] = '1';
  return { ...env, [HOME_ENV_VAR]: home, [KEYCHAIN_SERVICE_ENV_VAR]: service };
}

export async function launchDesktopApp(options: { home?: string } = {}): Promise<DesktopApp> {
  const own = options.home === undefined;
  const home = options.home ?? mkdtempSync(join(tmpdir(), 'atd-electron-'));
  const service = keychainServiceName();
  const executable = packagedExecutable();
  const electron = await _electron.launch({
    ...(executable === undefined ? { args: [REPO_ROOT] } : { executablePath: executable, args: [] }),
    cwd: REPO_ROOT,
    env: appEnv(home, service),
    // A cold start on a busy CI machine (AppImage extraction included) takes a while.
    timeout: 180_000,
  });
  const errors: string[] = [];
  electron.on('console', (message) => {
    if (/refused IPC/.test(message.text())) errors.push(`main: ${message.text()}`);
  });
  const window = await electron.firstWindow({ timeout: 120_000 });
  window.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  window.on('pageerror', (error) => errors.push(error.message));
  await window.locator('#screen-title').waitFor({ timeout: 120_000 });
  let closed = false;
  return {
    electron,
    window,
    home,
    service,
    errors,
    async close() {
      if (!closed) {
        closed = true;
        if (own && running(electron)) await removeProfilesThroughApp(window).catch(() => undefined);
        await electron.close().catch(() => undefined);
      }
      if (own) {
        await forgetProfiles(home);
        rmSync(home, { recursive: true, force: true });
      }
    },
  };
}

function running(electron: ElectronApplication): boolean {
  const child = electron.process();
  return child.exitCode === null && child.signalCode === null;
}

/** Removes every profile (and so its keychain entries) the way the app does it, over its own IPC. */
export async function removeProfilesThroughApp(window: Page): Promise<void> {
  await window.evaluate(async () => {
    const api = (window as unknown as { tokenDesk: import('../../shared/contract/ipc.js').TokenDeskApi }).tokenDesk;
    const listed = await api.invoke('profiles:list', undefined);
    if (!listed.ok) return;
    for (const profile of listed.value.profiles) await api.invoke('profiles:remove', { id: profile.id });
  });
}

/**
 * Keychain entries left by an app that already quit. macOS lets only the app that saved an
 * item read or delete it without a prompt, so there the app is started once more to remove them.
 */
async function forgetProfiles(home: string): Promise<void> {
  const store = new ProfileStore({ home });
  const { profiles } = await store.list().catch(() => ({ profiles: [] }));
  if (profiles.length === 0) return;
  if (process.platform !== 'darwin') {
    await removeAll(store).catch(() => undefined);
    return;
  }
  const again = await launchDesktopApp({ home });
  await removeProfilesThroughApp(again.window).catch(() => undefined);
  await again.close();
}

/**
 * Whether the OS keychain holds this secret for the service and account, asked from this
 * process. On macOS only the item's presence is read (`security` without -w: no secret, so no
 * access prompt); the app signing with it after a restart shows the value is right.
 */
export async function keychainHolds(service: string, account: string, secret: string): Promise<boolean> {
  if (process.platform === 'darwin') {
    return spawnSync('security', ['find-generic-password', '-s', service, '-a', account]).status === 0;
  }
  return (await new OsKeychain(service).get(account)) === secret;
}

/** Resolves with the exit code once the app's process has exited, or undefined after `withinMs`. */
export function processExit(electron: ElectronApplication, withinMs: number): Promise<number | null | undefined> {
  const child = electron.process();
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(undefined), withinMs);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve(code);
    });
  });
}
