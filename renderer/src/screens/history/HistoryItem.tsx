/** One generated token in the history: what it is for, when it stops working, and what to do with it. */
import { useState } from 'react';
import type { HistoryEntry } from '../../../../shared/contract/index.js';
import { absoluteTime, describeExpiry, type TimeDisplay } from '../../../../shared/relative-time.js';
import { getKind } from '../../../../shared/token/kinds/registry.js';
import { call, errorMessage } from '../../api.js';
import { CopyButton } from '../../components/CopyButton.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { useNavigation } from '../../state/navigation.js';

export function subjectText(entry: HistoryEntry): string {
  if (entry.subject.length === 0) return 'App-wide (no channel or user)';
  return entry.subject.map((part) => `${part.name} ${part.value}`).join(' · ');
}

export function HistoryItem({
  entry,
  now,
  profileName,
  timeDisplay,
  onRegenerated,
}: {
  entry: HistoryEntry;
  now: number;
  /** undefined: the profile was removed since, so the token cannot be made again. */
  profileName: string | undefined;
  timeDisplay: TimeDisplay;
  onRegenerated(): void;
}) {
  const { navigate } = useNavigation();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | undefined>();
  const titleId = `history-${entry.id}-title`;
  const expired = entry.expiresAt <= now;
  const noProfileId = `history-${entry.id}-no-profile`;

  async function regenerate() {
    setBusy(true);
    setFailure(undefined);
    try {
      await call('token:build', { kind: entry.kind, profileId: entry.profileId, input: entry.input });
      onRegenerated();
    } catch (error) {
      setFailure(errorMessage(error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <li className="card history-item" aria-labelledby={titleId}>
      <div className="row spread history-head">
        <h2 id={titleId}>
          {getKind(entry.kind).label} <span className="history-subject">{subjectText(entry)}</span>
        </h2>
        <div className="row history-head-actions">
          <span className={expired ? 'badge badge-bad' : 'badge badge-ok'}>{expired ? 'Expired' : 'Live'}</span>
          <button
            type="button"
            onClick={() => void regenerate()}
            disabled={busy || profileName === undefined}
            aria-describedby={profileName === undefined ? noProfileId : undefined}
          >
            {busy ? 'Regenerating…' : 'Regenerate'}
          </button>
        </div>
      </div>
      <p className="muted history-times">
        {expired ? 'Token' : 'Expires'} <span className="countdown">{describeExpiry(entry.expiresAt, now)}</span> ·{' '}
        <time dateTime={new Date(entry.expiresAt * 1000).toISOString()}>
          {absoluteTime(entry.expiresAt, timeDisplay)}
        </time>{' '}
        ·{' '}
        {profileName === undefined ? (
          <span id={noProfileId}>its profile was removed, so it cannot be regenerated</span>
        ) : (
          `profile ${profileName}`
        )}
      </p>
      {entry.tokens.map(({ name, token }) => (
        <div className="command-line" key={name}>
          <code className="history-token" aria-label={name}>
            {token}
          </code>
          <CopyButton text={token} what={name} />
          <button type="button" onClick={() => navigate('decode', { token, focus: 'decode-token' })}>
            {entry.tokens.length > 1 ? `Open ${name} in Decode` : 'Open in Decode'}
          </button>
        </div>
      ))}
      <ErrorNotice message={failure} />
    </li>
  );
}
