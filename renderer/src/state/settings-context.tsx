/**
 * The app's settings for every screen: read once from main, kept current by the
 * `settings:changed` event (another window, the tray), and the theme applied to <html> at once.
 * Until they arrive, screens see the defaults, which are today's behaviour.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { DEFAULT_SETTINGS, type Settings, type SettingsPatch, type Theme } from '../../../shared/contract/settings.js';
import { call, subscribe } from '../api.js';

export interface SettingsState {
  settings: Settings;
  /** False until main answered (the defaults are shown meanwhile). */
  loaded: boolean;
  /** Saves the given fields; rejects with the ApiError main sent (the field it names). */
  update(patch: SettingsPatch): Promise<void>;
}

const SettingsContext = createContext<SettingsState | undefined>(undefined);

/** "system" leaves the choice to the OS (prefers-color-scheme in styles.css). */
export function applyTheme(theme: Theme, root: HTMLElement = document.documentElement): void {
  if (theme === 'system') delete root.dataset['theme'];
  else root.dataset['theme'] = theme;
}

export function SettingsProvider({ children }: { children: ReactNode }) {
  const [settings, setSettings] = useState<Settings>(DEFAULT_SETTINGS);
  const [loaded, setLoaded] = useState(false);

  useEffect(() => {
    let active = true;
    const unsubscribe = subscribe('settings:changed', (next) => setSettings(next));
    call('settings:get', undefined)
      .then((value) => {
        if (active) setSettings(value);
      })
      // Unreadable settings leave the defaults in force; the Settings screen shows any save error.
      .catch(() => undefined)
      .finally(() => {
        if (active) setLoaded(true);
      });
    return () => {
      active = false;
      unsubscribe();
    };
  }, []);

  useEffect(() => applyTheme(settings.theme), [settings.theme]);

  // Shown at once (a radio button or the theme must not lag behind the click), then replaced
  // by what main saved; a refused change is rolled back to the settings before it.
  const update = useCallback(async (patch: SettingsPatch) => {
    let before: Settings | undefined;
    setSettings((current) => {
      before = current;
      return { ...current, ...patch } as Settings;
    });
    try {
      setSettings(await call('settings:set', patch));
    } catch (failure) {
      if (before !== undefined) setSettings(before);
      throw failure;
    }
  }, []);

  const value = useMemo(() => ({ settings, loaded, update }), [settings, loaded, update]);
  return <SettingsContext.Provider value={value}>{children}</SettingsContext.Provider>;
}

export function useSettings(): SettingsState {
  const state = useContext(SettingsContext);
  if (state === undefined) throw new Error('useSettings must be used inside SettingsProvider');
  return state;
}
