/**
 * Screen switching through the URL hash (#/generate, #/decode, …) so Back/Forward and a
 * reload keep the user's place. A token handed to Decode travels in memory, never in the URL.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { DecodeProvider } from './decode-context.js';

export const SCREENS = ['generate', 'decode', 'history', 'server', 'profiles', 'settings'] as const;
export type Screen = (typeof SCREENS)[number];

export const SCREEN_TITLES: Record<Screen, string> = {
  generate: 'Generate',
  decode: 'Decode',
  history: 'History',
  server: 'Local server',
  profiles: 'Profiles',
  settings: 'Settings',
};

export function screenFromHash(hash: string): Screen | undefined {
  const name = hash.replace(/^#\/?/, '').split(/[/?]/)[0] ?? '';
  return (SCREENS as readonly string[]).includes(name) ? (name as Screen) : undefined;
}

interface Navigation {
  screen: Screen | undefined;
  /** A token some screen asked Decode to open; Decode consumes it once. */
  pendingToken: string | undefined;
  /** `focus`: the id of an element of the new screen to put the keyboard focus on once it shows. */
  navigate(screen: Screen, options?: { token?: string; focus?: string }): void;
  takePendingToken(): string | undefined;
}

const NavigationContext = createContext<Navigation | undefined>(undefined);

export function NavigationProvider({ children }: { children: ReactNode }) {
  const [screen, setScreen] = useState<Screen | undefined>(() => screenFromHash(window.location.hash));
  const [pendingToken, setPendingToken] = useState<string | undefined>(undefined);
  const [pendingFocus, setPendingFocus] = useState<string | undefined>(undefined);

  // Runs after the new screen's own effects (parents' effects run after their children's).
  useEffect(() => {
    if (pendingFocus === undefined) return;
    document.getElementById(pendingFocus)?.focus();
    setPendingFocus(undefined);
  }, [pendingFocus, screen]);

  useEffect(() => {
    const onHash = () => setScreen(screenFromHash(window.location.hash));
    window.addEventListener('hashchange', onHash);
    // The hash may have changed between the first render (which read it) and this effect, which
    // runs a task later: that hashchange fired with no listener, so read the hash again now.
    onHash();
    return () => window.removeEventListener('hashchange', onHash);
  }, []);

  const navigate = useCallback((next: Screen, options?: { token?: string; focus?: string }) => {
    if (options?.token !== undefined) setPendingToken(options.token);
    if (options?.focus !== undefined) setPendingFocus(options.focus);
    setScreen(next);
    if (screenFromHash(window.location.hash) !== next) window.location.hash = `#/${next}`;
  }, []);

  const takePendingToken = useCallback(() => {
    const token = pendingToken;
    if (token !== undefined) setPendingToken(undefined);
    return token;
  }, [pendingToken]);

  const value = useMemo(
    () => ({ screen, pendingToken, navigate, takePendingToken }),
    [screen, pendingToken, navigate, takePendingToken],
  );
  return (
    <NavigationContext.Provider value={value}>
      <DecodeProvider>{children}</DecodeProvider>
    </NavigationContext.Provider>
  );
}

export function useNavigation(): Navigation {
  const navigation = useContext(NavigationContext);
  if (navigation === undefined) throw new Error('useNavigation must be used inside NavigationProvider');
  return navigation;
}
