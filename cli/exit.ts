import type { ErrorCode } from '../shared/errors.js';

/** Exit codes of DESIGN.md §2: scripts branch on these, so they never change meaning. */
export const EXIT = {
  ok: 0,
  checkFailed: 1,
  usage: 2,
  environment: 3,
} as const;

export function exitCodeFor(code: ErrorCode): number {
  switch (code) {
    case 'invalid_input':
    case 'invalid_token':
    case 'profile_not_found':
    case 'profile_exists':
      return EXIT.usage;
    case 'missing_credentials':
    case 'keychain_unavailable':
    case 'profile_store_corrupt':
    case 'data_folder_unusable':
    case 'port_in_use':
    case 'server_error':
      return EXIT.environment;
    case 'internal':
      return EXIT.checkFailed;
  }
}
