/**
 * Settings: preferences kept in the data folder (never a secret). Choices save at once;
 * typed values save when the box is left. The theme applies to the whole window immediately.
 */
import { useState } from 'react';
import type { SettingsPatch, Theme, TimeDisplay } from '../../../shared/contract/settings.js';
import { ErrorNotice } from '../components/ErrorNotice.js';
import { durationText, parseDefaultExpiry, parseDefaultPort } from '../logic/settings-form.js';
import { useSettings } from '../state/settings-context.js';
import { ChoiceSetting } from './settings/ChoiceSetting.js';
import { TextSetting } from './settings/TextSetting.js';
import './settings.css';

const THEME_CHOICES = [
  { value: 'system', label: 'Same as the system' },
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' },
] as const satisfies ReadonlyArray<{ value: Theme; label: string }>;

const TIME_CHOICES = [
  { value: 'local', label: 'Local time' },
  { value: 'utc', label: 'UTC' },
  { value: 'unix', label: 'Unix seconds' },
] as const satisfies ReadonlyArray<{ value: TimeDisplay; label: string }>;

export function SettingsScreen() {
  const { settings, update } = useSettings();
  const [error, setError] = useState<string | undefined>(undefined);
  const [saved, setSaved] = useState('');
  const save = async (patch: SettingsPatch, what: string): Promise<void> => {
    try {
      await update(patch);
      setError(undefined);
      setSaved(`${what} saved.`);
    } catch (failure) {
      setSaved('');
      setError(failure instanceof Error ? failure.message : String(failure));
      throw failure;
    }
  };
  const saveChoice = (patch: SettingsPatch, what: string) => void save(patch, what).catch(() => undefined);

  return (
    <section>
      <h1 id="screen-title">Settings</h1>
      <ErrorNotice message={error} title="Not saved." />
      <section className="card" aria-labelledby="settings-display">
        <h2 id="settings-display">Display</h2>
        <ChoiceSetting
          legend="Theme"
          name="theme"
          choices={THEME_CHOICES}
          value={settings.theme}
          onChange={(theme) => saveChoice({ theme }, 'Theme')}
        />
        <ChoiceSetting
          legend="Times"
          name="time-display"
          choices={TIME_CHOICES}
          value={settings.timeDisplay}
          onChange={(timeDisplay) => saveChoice({ timeDisplay }, 'Time display')}
        />
      </section>
      <section className="card" aria-labelledby="settings-defaults">
        <h2 id="settings-defaults">Defaults</h2>
        <TextSetting
          label="Default expiry"
          hint="For new tokens: seconds (600) or a duration such as 10m, 1h or 1d."
          saved={durationText(settings.defaultExpirySeconds)}
          parse={parseDefaultExpiry}
          save={(defaultExpirySeconds) => save({ defaultExpirySeconds }, 'Default expiry')}
        />
        <TextSetting
          label="Default port"
          hint="The port the local server starts on."
          saved={String(settings.defaultPort)}
          parse={parseDefaultPort}
          save={(defaultPort) => save({ defaultPort }, 'Default port')}
          inputMode="numeric"
        />
      </section>
      <section className="card" aria-labelledby="settings-server">
        <h2 id="settings-server">Local server</h2>
        <label className="setting-toggle">
          <input
            type="checkbox"
            checked={settings.startServerAtLaunch}
            onChange={(event) => saveChoice({ startServerAtLaunch: event.target.checked }, 'Start at launch')}
          />{' '}
          Start the server when the app starts (default profile, default port, this computer only)
        </label>
        <label className="setting-toggle">
          <input
            type="checkbox"
            checked={settings.keepServerRunningOnClose}
            onChange={(event) => saveChoice({ keepServerRunningOnClose: event.target.checked }, 'Keep running')}
          />{' '}
          Keep the server running when the window is closed (the app stays in the tray)
        </label>
      </section>
      <p className="muted" role="status">
        {saved}
      </p>
    </section>
  );
}
