/**
 * Browser mode's access key: `agora-token-desk ui` hands it to the page in the URL fragment
 * (which no request carries). The page keeps it in sessionStorage for the tab's lifetime,
 * so a reload still works, and removes it from the address bar, history and bookmarks.
 */
import { ACCESS_KEY_FRAGMENT, ACCESS_KEY_STORAGE } from '../../../shared/app-server/protocol.js';

export interface KeyPlaces {
  location: Pick<Location, 'hash' | 'pathname' | 'search'>;
  storage: Pick<Storage, 'getItem' | 'setItem'>;
  history: Pick<History, 'replaceState' | 'state'>;
}

/** Moves a key from the fragment into storage; returns the tab's key, if it has one. */
export function takeAccessKey(places: KeyPlaces): string | undefined {
  const { location, storage, history } = places;
  const fragment = new URLSearchParams(location.hash.replace(/^#/, ''));
  const key = fragment.get(ACCESS_KEY_FRAGMENT);
  if (key !== null && key !== '') {
    storage.setItem(ACCESS_KEY_STORAGE, key);
    history.replaceState(history.state, '', `${location.pathname}${location.search}`);
  }
  return storage.getItem(ACCESS_KEY_STORAGE) ?? undefined;
}
