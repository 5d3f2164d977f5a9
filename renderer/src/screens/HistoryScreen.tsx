/**
 * History: the tokens generated in this run of the app, newest first. Main keeps them in
 * memory only (never on disk, at most 200); this screen reads them and follows changes.
 */
import { useRef, useState } from 'react';
import type { TimeDisplay } from '../../../shared/relative-time.js';
import { ErrorNotice } from '../components/ErrorNotice.js';
import { useNow } from '../components/ExpiryLine.js';
import { useProfiles } from '../state/profiles-context.js';
import { ClearHistory } from './history/ClearHistory.js';
import { HistoryItem } from './history/HistoryItem.js';
import { useHistory } from './history/use-history.js';
import './history.css';

export function HistoryScreen({ timeDisplay = 'local' }: { timeDisplay?: TimeDisplay }) {
  const { entries, error, refresh } = useHistory();
  const { profiles } = useProfiles();
  // One "now" per tick for every row, so the same instant never reads two ways.
  const now = useNow();
  const [announcement, setAnnouncement] = useState('');
  const heading = useRef<HTMLHeadingElement>(null);
  const names = new Map(profiles.map((profile) => [profile.id, profile.name]));

  const regenerated = () => {
    void refresh().then(() => setAnnouncement('New token generated: it is at the top of the list.'));
  };
  const cleared = () => {
    void refresh();
    setAnnouncement('History cleared.');
    heading.current?.focus();
  };

  return (
    <section>
      <h1 id="screen-title" ref={heading} tabIndex={-1}>
        History
      </h1>
      <p className="muted">
        Tokens generated while the app is open, newest first (up to 200). They are kept in memory only: nothing is
        written to disk, and the list is gone when the app quits.
      </p>
      <ErrorNotice message={error} />
      <p className="visually-hidden" role="status">
        {announcement}
      </p>
      {entries === undefined ? null : entries.length === 0 ? (
        <div className="card history-empty">
          <p>No tokens yet.</p>
          <p className="muted">
            Each token you generate appears here, ready to copy again, open in Decode or regenerate with the same
            inputs.
          </p>
          <a href="#/generate">Generate a token →</a>
        </div>
      ) : (
        <>
          <div className="row spread history-toolbar">
            <span className="muted">{entries.length === 1 ? '1 token' : `${entries.length} tokens`}</span>
            <ClearHistory count={entries.length} onCleared={cleared} />
          </div>
          <ul className="history-list" aria-label="Generated tokens">
            {entries.map((entry) => (
              <HistoryItem
                key={entry.id}
                entry={entry}
                now={now}
                profileName={names.get(entry.profileId)}
                timeDisplay={timeDisplay}
                onRegenerated={regenerated}
              />
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
