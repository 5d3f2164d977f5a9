/**
 * The window: a navigation rail and the current screen. With no profile saved yet, the
 * app opens on Profiles and says why, since nothing else works without one.
 */
import { useEffect, type ReactNode } from 'react';
import { ProfilesProvider, useProfiles } from './state/profiles-context.js';
import { GenerateProvider } from './state/generate-context.js';
import { useFocusAfterNavigation } from './state/focus-after-navigation.js';
import { NavigationProvider, SCREENS, SCREEN_TITLES, useNavigation, type Screen } from './state/navigation.js';
import { DecodeScreen } from './screens/DecodeScreen.js';
import { GenerateScreen } from './screens/GenerateScreen.js';
import { HistoryScreen } from './screens/HistoryScreen.js';
import { ProfilesScreen } from './screens/ProfilesScreen.js';
import { ServerScreen } from './screens/ServerScreen.js';
import { SettingsScreen } from './screens/SettingsScreen.js';
import { SettingsProvider, useSettings } from './state/settings-context.js';
import { ServerProvider } from './state/server-context.js';
import { RailStatus } from './components/RailStatus.js';

export function App() {
  return (
    <NavigationProvider>
      <SettingsProvider>
        <ProfilesProvider>
          <ServerProvider>
            <GenerateWithSettings>
              <Shell />
            </GenerateWithSettings>
          </ServerProvider>
        </ProfilesProvider>
      </SettingsProvider>
    </NavigationProvider>
  );
}

/** New forms start with the expiry chosen in Settings. */
function GenerateWithSettings({ children }: { children: ReactNode }) {
  const { settings } = useSettings();
  return <GenerateProvider defaultExpiry={settings.defaultExpirySeconds}>{children}</GenerateProvider>;
}

function Shell() {
  const { screen: chosen, navigate } = useNavigation();
  const { loading, profiles } = useProfiles();
  const firstRun = !loading && profiles.length === 0;
  // Pin Profiles in the URL on first run, so saving the first profile does not move the user away.
  useEffect(() => {
    if (firstRun && chosen === undefined) navigate('profiles');
  }, [firstRun, chosen, navigate]);
  const screen: Screen = chosen ?? (firstRun ? 'profiles' : 'generate');
  useFocusAfterNavigation(screen);

  return (
    <div className="app">
      <nav className="rail" aria-label="Screens">
        <div className="brand">Agora Token Desk</div>
        <ul>
          {SCREENS.map((name) => (
            <li key={name}>
              <a href={`#/${name}`} aria-current={name === screen ? 'page' : undefined}>
                {SCREEN_TITLES[name]}
              </a>
            </li>
          ))}
        </ul>
        <RailStatus />
      </nav>
      <main className="screen" aria-labelledby="screen-title">
        {loading ? <p className="muted">Loading profiles…</p> : <CurrentScreen screen={screen} firstRun={firstRun} />}
      </main>
    </div>
  );
}

function CurrentScreen({ screen, firstRun }: { screen: Screen; firstRun: boolean }) {
  const { settings } = useSettings();
  switch (screen) {
    case 'generate':
      return <GenerateScreen />;
    case 'decode':
      return <DecodeScreen timeDisplay={settings.timeDisplay} />;
    case 'history':
      return <HistoryScreen timeDisplay={settings.timeDisplay} />;
    case 'server':
      return <ServerScreen defaultPort={settings.defaultPort} />;
    case 'profiles':
      return <ProfilesScreen firstRun={firstRun} />;
    case 'settings':
      return <SettingsScreen />;
  }
}
