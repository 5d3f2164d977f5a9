import type { ProfileStore } from '../profiles/profile-store.js';
import { parseInput } from '../contract/index.js';
import { historyEntryOf } from '../history/history-entry.js';
import type { TokenHistory } from '../history/token-history.js';
import { buildParsedKind, getKind } from '../token/index.js';
import { handle, type IpcHandlerMap } from './result.js';

/**
 * Token generation on a saved profile, for every kind in the registry. The input is
 * parsed with the kind's schema before the keychain is touched, so a typo is reported as
 * such even when the keychain is locked; its field names the input's own field. Every
 * token built is recorded in this run's history (memory only).
 */
export function createTokenHandlers(
  profiles: ProfileStore,
  history?: TokenHistory,
): Pick<IpcHandlerMap, 'token:build'> {
  return {
    'token:build': handle('token:build', async ({ kind, profileId, input }) => {
      const spec = getKind(kind);
      const parsed = parseInput(spec.schema, input);
      const generated = buildParsedKind(spec, await profiles.credentials(profileId), parsed);
      history?.add(historyEntryOf({ kind, spec, profileId, input, parsed, generated }));
      return generated;
    }),
  };
}
