/** The decoded token: header facts, the signature verdict and one card per service. */
import type { DecodeView } from '../../../../shared/contract/index.js';
import { ExpiryLine, localTime, useNow } from '../../components/ExpiryLine.js';
import { serviceCards, tokenExpiresAt } from '../../logic/decoded-view.js';

const VERDICT_CLASS = {
  valid: 'badge badge-ok',
  invalid: 'badge badge-bad',
  unchecked: 'badge badge-neutral',
} as const;

export function DecodedDetails({ view }: { view: DecodeView }) {
  const now = useNow();
  const { decoded } = view;
  const expiresAt = tokenExpiresAt(decoded);
  return (
    <>
      <section className="card" aria-label="Signature">
        <p>
          Signature: <span className={VERDICT_CLASS[decoded.signature]}>{decoded.signature}</span>
        </p>
        <p className="muted">{view.signatureReason}</p>
      </section>
      <section className="card" aria-label="Token header">
        <dl className="facts">
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
          <dt>Issued at</dt>
          <dd>{localTime(decoded.issuedAt)}</dd>
          <dt>Expires at</dt>
          <dd>{expiresAt === null ? 'per privilege (below)' : <ExpiryLine expiresAt={expiresAt} />}</dd>
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
                  <tr key={row.name}>
                    <td>{row.name}</td>
                    <td>
                      {row.expiresAt === null ? 'never' : <ExpiryLine expiresAt={row.expiresAt} />}
                      {row.encodedExpiresAt !== undefined ? (
                        <span className="muted">
                          {' '}
                          (encoded: {localTime(row.encodedExpiresAt)}, after the token’s end)
                        </span>
                      ) : null}
                    </td>
                    <td>
                      {row.expired ? (
                        <span className="badge badge-bad">expired</span>
                      ) : (
                        <span className="badge badge-ok">valid</span>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      ))}
    </>
  );
}
