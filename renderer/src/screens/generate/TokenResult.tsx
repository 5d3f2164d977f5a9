/** A generated token (or RTC + RTM pair) with copy buttons, expiry and the equivalent commands. */
import type { Ref } from 'react';
import { CopyButton } from '../../components/CopyButton.js';
import { ExpiryLine } from '../../components/ExpiryLine.js';
import type { GenerateResult } from '../../state/generate-context.js';
import { useNavigation } from '../../state/navigation.js';
import { useSettings } from '../../state/settings-context.js';
import { ExportPanel } from './ExportPanel.js';

/** "Token" → "token", "RTM token (user 7)" → "RTM token": the button names what it opens. */
function decodeName(label: string): string {
  const name = label.replace(/ \(.*\)$/, '');
  return name === 'Token' ? 'token' : name;
}

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
            Open {decodeName(label)} in Decode
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
  stale,
  variant,
  cli,
  curl,
}: {
  ref?: Ref<HTMLElement>;
  result: GenerateResult;
  /** The form changed, or a Generate failed, since this result was made. */
  stale: boolean;
  /** Which of the kind's tokens this is ("app token"), for kinds that build several. */
  variant: string | undefined;
  cli: string;
  /** Undefined while the local server is not running. */
  curl: { command: string } | { unavailable: string } | undefined;
}) {
  const result = made.value;
  return (
    <section className="card result" aria-label="Result" ref={ref}>
      {stale ? (
        <p className="notice notice-warn" id="gen-stale">
          <strong>Made from earlier inputs.</strong> The form changed, or the last Generate failed, since this token was
          made: Generate again for a token that matches the form.
        </p>
      ) : null}
      {variant !== undefined ? <p className="muted">This is a {variant}.</p> : null}
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
      {curl === undefined ? (
        <p className="muted">
          The local server is not running. Start it on the <a href="#/server">Local server</a> screen to get the command
          with its address.
        </p>
      ) : 'command' in curl ? (
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
