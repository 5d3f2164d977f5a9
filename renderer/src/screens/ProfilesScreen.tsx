/**
 * Profiles: the saved Agora projects. The certificate goes into the keychain through main
 * and never comes back; problems the store found (missing or orphan keychain entries,
 * corrupt metadata) are listed with what to do.
 */
import { useProfiles } from '../state/profiles-context.js';
import { ErrorNotice } from '../components/ErrorNotice.js';
import { keychainNotice } from '../logic/keychain-notice.js';
import { AddProfileForm } from './profiles/AddProfileForm.js';
import { ProfileRow } from './profiles/ProfileRow.js';
import './profiles.css';

export function ProfilesScreen({ firstRun }: { firstRun: boolean }) {
  const { profiles, problems, keychain, error, refresh } = useProfiles();
  const { banner, disabledReason: keychainReason } = keychainNotice(keychain);
  return (
    <section>
      <h1 id="screen-title">Profiles</h1>
      {firstRun ? (
        <div className="notice notice-info" role="status">
          <strong>Welcome.</strong> A profile is one Agora project: its App ID and App Certificate, both from Agora
          Console (Project Management → your project). Add one to start generating tokens. The App Certificate is kept
          only in your OS keychain.
        </div>
      ) : null}
      {banner !== undefined ? (
        <div className="notice notice-error" role="alert">
          <strong>Keychain unavailable.</strong> {banner}
        </div>
      ) : null}
      <ErrorNotice message={error} />
      {problems.length > 0 ? (
        <section className="card" aria-label="Problems">
          <h2>Problems</h2>
          <ul>
            {problems.map((problem, index) => (
              <li key={`${problem.kind}-${index}`} className="notice notice-warn">
                {problem.message}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {profiles.length > 0 ? (
        <ul className="profile-list" aria-label="Saved profiles">
          {profiles.map((profile) => (
            <ProfileRow key={profile.id} profile={profile} keychainReason={keychainReason} onChanged={refresh} />
          ))}
        </ul>
      ) : null}
      <AddProfileForm
        disabledReason={keychainReason}
        onAdded={refresh}
        autoFocus={firstRun}
        firstProfile={profiles.length === 0}
      />
    </section>
  );
}
