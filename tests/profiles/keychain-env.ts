import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TokenDeskError } from '../../shared/errors.js';
import { KEYCHAIN_SERVICE } from '../../shared/profiles/keychain.js';
import { ProfileStore } from '../../shared/profiles/profile-store.js';

/**
 * Whether the real Secret Service answers. On a laptop without one the suite is skipped
 * with one line; under CI=true that is a failure, because CI installs it.
 */
export async function keychainReady(suite: string): Promise<boolean> {
  const probe = mkdtempSync(join(tmpdir(), 'atd-probe-'));
  try {
    const status = await new ProfileStore({ home: probe }).keychainStatus();
    if (status.available && hasSecretTool()) return true;
    const why = status.available ? 'secret-tool (libsecret-tools) is not installed' : status.message;
    if (process.env['CI'] === 'true') throw new Error(`${suite}: keychain checks cannot run in CI: ${why}`);
    console.log(`skipped ${suite}: ${why}`);
    return false;
  } finally {
    rmSync(probe, { recursive: true, force: true });
  }
}

function hasSecretTool(): boolean {
  return spawnSync('secret-tool', ['--version']).error === undefined;
}

/** What the Secret Service itself holds for an account, asked with libsecret's own tool. */
export function secretToolLookup(account: string, service = KEYCHAIN_SERVICE): string | undefined {
  const result = spawnSync('secret-tool', ['lookup', 'service', service, 'username', account], { encoding: 'utf8' });
  return result.status === 0 ? result.stdout : undefined;
}

/** Saves an entry behind the app's back (an orphan, or a replaced secret). */
export function secretToolStore(account: string, secret: string, service = KEYCHAIN_SERVICE): void {
  const args = ['store', '--label', 'atd test entry', 'service', service, 'username', account];
  const result = spawnSync('secret-tool', args, { input: secret, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`secret-tool store failed: ${result.stderr}`);
}

export function secretToolClear(account: string, service = KEYCHAIN_SERVICE): void {
  spawnSync('secret-tool', ['clear', 'service', service, 'username', account]);
}

/** Random 32-hex credentials, so a leak check cannot match anything by chance. */
export function randomCredentials(): { appId: string; appCertificate: string } {
  return { appId: randomBytes(16).toString('hex'), appCertificate: randomBytes(16).toString('hex') };
}

export function tempHome(prefix = 'atd-profiles'): { home: string; cleanup: () => void } {
  const home = mkdtempSync(join(tmpdir(), `${prefix}-`));
  return { home, cleanup: () => rmSync(home, { recursive: true, force: true }) };
}

/** Every file under a folder, with its text (lower-cased for case-blind leak checks). */
export function filesUnder(dir: string): Array<{ path: string; text: string }> {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names.flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return filesUnder(path);
    return [{ path, text: readFileSync(path, 'utf8').toLowerCase() }];
  });
}

/** Removes every profile of a store through the store, so the keychain is cleaned too. */
export async function removeAll(store: ProfileStore): Promise<void> {
  const { profiles, problems } = await store.list();
  for (const profile of profiles) await store.remove(profile.id);
  for (const problem of problems) {
    if (problem.kind === 'orphan_certificate' && problem.profileId) await store.remove(problem.profileId);
  }
}

/** A keychain service of the test's own, so its orphan checks see only its own entries. */
export function uniqueService(): string {
  return `agora-token-desk-test-${randomBytes(6).toString('hex')}`;
}

/** The TokenDeskError a promise rejects with; anything else (or success) fails the test. */
export async function failure(promise: Promise<unknown>): Promise<TokenDeskError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof TokenDeskError)) throw new Error(`expected a TokenDeskError, got ${String(error)}`);
  return error;
}
