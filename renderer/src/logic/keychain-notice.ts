/**
 * What the Profiles screen says when the OS keychain cannot be used: the store's own
 * message (it names the cause and the fix) and why saving certificates is switched off.
 */
import type { KeychainStatus } from '../../../shared/contract/index.js';

export interface KeychainNotice {
  /** The banner text; undefined while the keychain works. */
  banner?: string;
  /** Shown next to the add and replace-certificate actions, which are disabled. */
  disabledReason?: string;
}

export function keychainNotice(keychain: KeychainStatus): KeychainNotice {
  if (keychain.available) return {};
  return {
    banner: keychain.message?.trim() || 'The OS keychain (Secret Service) did not answer.',
    disabledReason: 'The OS keychain is unavailable, so no App Certificate can be saved or replaced until it is fixed.',
  };
}
