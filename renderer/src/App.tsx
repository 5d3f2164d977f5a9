/**
 * The window: a navigation rail and the current screen. With no profile saved yet, the
 * app opens on Profiles and says why, since nothing else works without one.
 */
import { useEffect } from 'react';
import { ProfilesProvider, useProfiles } from './state/profiles-context.js';
import { NavigationProvider, SCREENS, SCREEN_TITLES, useNavigation, type Screen } from './state/navigation.js';
import { DecodeScreen } from './screens/DecodeScreen.js';
import { GenerateScreen } from './screens/GenerateScreen.js';
import { ProfilesScreen } from './screens/ProfilesScreen.js';
import { ServerScreen } from './screens/ServerScreen.js';
import { ServerProvider } from './state/server-context.js';
import { RailStatus } from './components/RailStatus.js';

export function App() {
  return (
    <NavigationProvider>
      <ProfilesProvider>
        <ServerProvider>
          <Shell />
        </ServerProvider>
      </ProfilesProvider>
    </NavigationProvider>
  );
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
  switch (screen) {
    case 'generate':
      return <GenerateScreen />;
    case 'decode':
      return <DecodeScreen />;
    case 'server':
      return <ServerScreen />;
    case 'profiles':
      return <ProfilesScreen firstRun={firstRun} />;
  }
}
