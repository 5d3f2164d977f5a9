/** A generated token (or RTC + RTM pair) with copy buttons, expiry and the equivalent commands. */
import type { GeneratedRtePair, GeneratedToken } from '../../../../shared/contract.js';
import { CopyButton } from '../../components/CopyButton.js';
import { ExpiryLine } from '../../components/ExpiryLine.js';
import { useNavigation } from '../../state/navigation.js';

export type GenerateResult = { kind: 'single'; token: GeneratedToken } | { kind: 'pair'; pair: GeneratedRtePair };

function TokenBlock({ label, token, expiresAt }: { label: string; token: string; expiresAt: number }) {
  const { navigate } = useNavigation();
  return (
    <div className="token-block">
      <div className="row spread">
        <h3>{label}</h3>
        <div className="row">
          <CopyButton text={token} what={label} />
          <button type="button" onClick={() => navigate('decode', { token })}>
            Open {label} in Decode
          </button>
        </div>
      </div>
      <pre className="token-output" aria-label={label}>
        {token}
      </pre>
      <p className="muted">
        Expires <ExpiryLine expiresAt={expiresAt} />
      </p>
    </div>
  );
}

export function TokenResult({ result, cli, curl }: { result: GenerateResult; cli: string; curl: { command: string } | { unavailable: string } }) {
  return (
    <section className="card" aria-label="Result">
      {result.kind === 'single' ? (
        <TokenBlock label="Token" token={result.token.token} expiresAt={result.token.expiresAt} />
      ) : (
        <>
          <TokenBlock label="RTC token" token={result.pair.rtcToken} expiresAt={result.pair.expiresAt} />
          <TokenBlock label={`RTM token (user ${result.pair.rtmUserId})`} token={result.pair.rtmToken} expiresAt={result.pair.expiresAt} />
        </>
      )}
      <h3>Same token from the CLI</h3>
      <div className="command-line">
        <code aria-label="CLI command">{cli}</code>
        <CopyButton text={cli} what="CLI command" />
      </div>
      <h3>From the local server</h3>
      {'command' in curl ? (
        <div className="command-line">
          <code aria-label="curl command">{curl.command}</code>
          <CopyButton text={curl.command} what="curl command" />
        </div>
      ) : (
        <p className="muted">{curl.unavailable}</p>
      )}
    </section>
  );
}
