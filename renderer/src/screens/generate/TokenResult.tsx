/** A generated token (or RTC + RTM pair) with copy buttons, expiry and the equivalent commands. */
import type { Ref } from 'react';
import { CopyButton } from '../../components/CopyButton.js';
import { ExpiryLine } from '../../components/ExpiryLine.js';
import type { GenerateResult } from '../../state/generate-context.js';
import { useNavigation } from '../../state/navigation.js';
import { useSettings } from '../../state/settings-context.js';
import { ExportPanel } from './ExportPanel.js';

function TokenBlock({ label, token, expiresAt }: { label: string; token: string; expiresAt: number }) {
  const { navigate } = useNavigation();
  const { timeDisplay } = useSettings().settings;
  return (
    <div className="token-block">
      <div className="row spread">
        <h2>{label}</h2>
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
        Expires <ExpiryLine expiresAt={expiresAt} timeDisplay={timeDisplay} />
      </p>
    </div>
  );
}

export function TokenResult({
  ref,
  result: made,
  cli,
  curl,
}: {
  ref?: Ref<HTMLElement>;
  result: GenerateResult;
  cli: string;
  curl: { command: string } | { unavailable: string };
}) {
  const result = made.value;
  return (
    <section className="card result" aria-label="Result" ref={ref}>
      {'token' in result ? (
        <TokenBlock label="Token" token={result.token} expiresAt={result.expiresAt} />
      ) : (
        <>
          <TokenBlock label="RTC token" token={result.rtcToken} expiresAt={result.expiresAt} />
          <TokenBlock
            label={`RTM token (user ${result.rtmUserId})`}
            token={result.rtmToken}
            expiresAt={result.expiresAt}
          />
        </>
      )}
      {'token' in result && result.authorizationHeader !== undefined ? (
        <>
          <h2>REST header</h2>
          <div className="command-line">
            <code aria-label="REST header">{result.authorizationHeader}</code>
            <CopyButton text={result.authorizationHeader} what="REST header" />
          </div>
        </>
      ) : null}
      <h2>Same token from the CLI</h2>
      <div className="command-line">
        <code aria-label="CLI command">{cli}</code>
        <CopyButton text={cli} what="CLI command" />
      </div>
      <h2>From the local server</h2>
      {'command' in curl ? (
        <div className="command-line">
          <code aria-label="curl command">{curl.command}</code>
          <CopyButton text={curl.command} what="curl command" />
        </div>
      ) : (
        <p className="muted">{curl.unavailable}</p>
      )}
      <ExportPanel result={made} />
    </section>
  );
}
