/**
 * Status at a glance, on every screen: the profile tokens are made with by default, and
 * whether the local server runs (where, and how many requests it answered).
 */
import { useProfiles } from '../state/profiles-context.js';
import { useServer } from '../state/server-context.js';
import './rail-status.css';

export function RailStatus() {
  const { profiles } = useProfiles();
  const { status, log } = useServer();
  const active = profiles.find((profile) => profile.isDefault) ?? profiles[0];
  const requests = `${log.length} ${log.length === 1 ? 'request' : 'requests'}`;
  return (
    <section className="rail-status" aria-label="Status at a glance">
      <p>
        <span className="muted">Profile</span> <span className="rail-value">{active?.name ?? 'none yet'}</span>
      </p>
      <p>
        <span className="muted">Server</span>{' '}
        {status.state === 'listening' && status.url ? (
          <>
            <span className="rail-value">
              listening on <a href="#/server">{status.url}</a>
            </span>{' '}
            <span className="rail-count">{requests}</span>
          </>
        ) : (
          <span className="rail-value">{status.state === 'error' ? 'stopped (start failed)' : 'stopped'}</span>
        )}
      </p>
    </section>
  );
}
