import { AsyncEntry, findCredentialsAsync, type EntryOptions } from '@napi-rs/keyring';
import { TokenDeskError } from '../errors.js';

/** The keychain service every App Certificate is saved under; the account is the profile id. */
export const KEYCHAIN_SERVICE = 'agora-token-desk';

/**
 * Overrides the service name, to keep a second set of profiles (with its own
 * AGORA_TOKEN_DESK_HOME) apart from the usual one; the tests use it too.
 */
export const KEYCHAIN_SERVICE_ENV_VAR = 'AGORA_TOKEN_DESK_KEYCHAIN_SERVICE';

export function keychainServiceName(env: NodeJS.ProcessEnv = process.env): string {
  return env[KEYCHAIN_SERVICE_ENV_VAR] || KEYCHAIN_SERVICE;
}

/** Secrets of one keychain service, by account. Every failure is a TokenDeskError('keychain_unavailable'). */
export interface Keychain {
  /** The service name, for messages that tell users where to look. */
  readonly service: string;
  get(account: string): Promise<string | undefined>;
  set(account: string, secret: string): Promise<void>;
  /** True when an entry was deleted, false when there was none. */
  delete(account: string): Promise<boolean>;
  /** Accounts that have an entry under the service. */
  list(): Promise<string[]>;
}

// Pinned to the Secret Service on Linux: the library would otherwise fall back to the
// kernel keyring, which forgets everything at logout. Ignored on macOS and Windows.
const ENTRY_OPTIONS: EntryOptions = { linux: { store: 'secret-service' } };

/** The OS keychain (macOS Keychain, Windows Credential Manager, Secret Service) via @napi-rs/keyring. */
export class OsKeychain implements Keychain {
  constructor(readonly service: string = keychainServiceName()) {}

  async get(account: string): Promise<string | undefined> {
    const secret = await this.call(() => this.entry(account).getPassword());
    return secret ?? undefined;
  }

  async set(account: string, secret: string): Promise<void> {
    await this.call(() => this.entry(account).setPassword(secret));
  }

  async delete(account: string): Promise<boolean> {
    return this.call(() => this.entry(account).deleteCredential());
  }

  async list(): Promise<string[]> {
    // The search hands back the secrets too; only the account names leave this function.
    const found = await this.call(() => findCredentialsAsync(this.service));
    return [...new Set(found.map((credential) => credential.account))];
  }

  private entry(account: string): AsyncEntry {
    return new AsyncEntry(this.service, account, ENTRY_OPTIONS);
  }

  private async call<T>(operation: () => Promise<T>): Promise<T> {
    try {
      return await operation();
    } catch (error) {
      throw new TokenDeskError('keychain_unavailable', describeKeychainFailure(error));
    }
  }
}

const LINUX_START_HINT =
  'install and start a Secret Service such as gnome-keyring (Debian/Ubuntu: apt-get install gnome-keyring), ' +
  'or in a shell without a desktop: dbus-run-session -- bash, then echo -n PASSWORD | gnome-keyring-daemon --unlock --components=secrets';

/**
 * One sentence saying what is missing and how to fix it. The library's own words are
 * kept at the end for the details; they never contain a secret.
 */
export function describeKeychainFailure(error: unknown, platform: NodeJS.Platform = process.platform): string {
  const detail = (error instanceof Error ? error.message : String(error)).replace(/\s+/g, ' ').trim();
  if (platform === 'linux' || platform === 'freebsd') {
    if (/locked|prompt|dismissed/i.test(detail)) {
      return `the keychain is locked: unlock your login keyring (log in to the desktop, or echo -n PASSWORD | gnome-keyring-daemon --unlock --components=secrets) (${detail})`;
    }
    if (/dbus|zbus|connect|ServiceUnknown|secrets|platform failure/i.test(detail)) {
      return `no keychain: no Secret Service answers on the D-Bus session bus; ${LINUX_START_HINT} (${detail})`;
    }
  }
  return `the OS keychain could not be used: ${detail}`;
}
