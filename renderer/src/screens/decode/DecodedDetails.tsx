/** The decoded token: header facts (with when it actually stops working) and one card per service. */
import type { DecodeView } from '../../../../shared/contract/index.js';
import { ExpiryLine, displayTime, type TimeDisplay } from '../../components/ExpiryLine.js';
import { tokenEnd } from '../../logic/decode-verdict.js';
import { serviceCards, type PrivilegeRow } from '../../logic/decoded-view.js';

interface Props {
  view: DecodeView;
  now: number;
  timeDisplay?: TimeDisplay;
}

export function DecodedDetails({ view, now, timeDisplay = 'local' }: Props) {
  const { decoded } = view;
  const end = tokenEnd(decoded, now);
  const verified = decoded.signature === 'valid';
  return (
    <>
      <section className="card" aria-label="Token header">
        <dl className="facts">
          <dt>Stops working</dt>
          <dd>
            {end.at === null ? (
              'never (no expiry)'
            ) : (
              <>
                <ExpiryLine expiresAt={end.at} now={now} timeDisplay={timeDisplay} />
                <span className="muted"> — first to end: {end.what}</span>
              </>
            )}
          </dd>
          {end.tokenExpiresAt !== null ? (
            <>
              <dt>Token expiry</dt>
              <dd>
                {displayTime(end.tokenExpiresAt, timeDisplay)}{' '}
                <span className="muted">(encoded; its privileges end earlier)</span>
              </dd>
            </>
          ) : null}
          <dt>Version</dt>
          <dd>{decoded.version}</dd>
          <dt>App ID</dt>
          <dd>
            <code>{decoded.appId}</code>{' '}
            {view.profile ? (
              <>(profile “{view.profile.name}”)</>
            ) : (
              <span className="muted">(no saved profile has this App ID)</span>
            )}
          </dd>
          <dt>{decoded.version === '007' ? 'Issued at' : 'Message timestamp'}</dt>
          <dd>{displayTime(decoded.version === '007' ? decoded.issuedAt : decoded.messageTimestamp, timeDisplay)}</dd>
          <dt>Salt</dt>
          <dd>{decoded.salt}</dd>
          {decoded.version === '006' ? (
            <>
              <dt>Channel CRC / UID CRC</dt>
              <dd>
                {decoded.channelCrc} / {decoded.uidCrc}
              </dd>
            </>
          ) : null}
        </dl>
      </section>
      {serviceCards(decoded, now).map((card, index) => (
        <section className="card" key={`${card.title}-${index}`} aria-label={`${card.title} service`}>
          <h3>{card.title}</h3>
          {card.facts.length > 0 ? (
            <dl className="facts">
              {card.facts.map(([name, value]) => (
                <div key={name} className="fact">
                  <dt>{name}</dt>
                  <dd>{value}</dd>
                </div>
              ))}
            </dl>
          ) : null}
          {card.privileges.length === 0 ? (
            <p className="muted">No privileges of its own: it lasts as long as the token.</p>
          ) : (
            <table>
              <thead>
                <tr>
                  <th scope="col">Privilege</th>
                  <th scope="col">Expires</th>
                  <th scope="col">Status</th>
                </tr>
              </thead>
              <tbody>
                {card.privileges.map((row) => (
                  <PrivilegeLine key={row.name} row={row} now={now} timeDisplay={timeDisplay} verified={verified} />
                ))}
              </tbody>
            </table>
          )}
        </section>
      ))}
    </>
  );
}

interface LineProps {
  row: PrivilegeRow;
  now: number;
  timeDisplay: TimeDisplay;
  verified: boolean;
}

function PrivilegeLine({ row, now, timeDisplay, verified }: LineProps) {
  const state = row.expired ? 'expired' : 'live';
  // Without a valid signature the contents are a claim, not a fact: never a green badge.
  const badge = row.expired ? 'badge badge-bad' : verified ? 'badge badge-ok' : 'badge badge-neutral';
  return (
    <tr>
      <td>{row.name}</td>
      <td>
        {row.expiresAt === null ? (
          'never'
        ) : (
          <ExpiryLine expiresAt={row.expiresAt} now={now} timeDisplay={timeDisplay} />
        )}
        {row.encodedExpiresAt !== undefined ? (
          <span className="muted">
            {' '}
            (encoded: {displayTime(row.encodedExpiresAt, timeDisplay)}, after the token’s end)
          </span>
        ) : null}
      </td>
      <td>
        <span className={badge}>{verified ? state : `${state}, unverified`}</span>
      </td>
    </tr>
  );
}
