/** The raw view: the token's parts side by side, then the decoded structure as JSON to copy. */
import type { DecodedToken } from '../../../../shared/token/types.js';
import { CopyButton } from '../../components/CopyButton.js';
import { rawJson, tokenParts } from '../../logic/raw-token.js';

export function RawView({ token, decoded }: { token: string; decoded: DecodedToken }) {
  const json = rawJson(decoded);
  return (
    <details className="card raw-view">
      <summary>Raw view: token parts and JSON</summary>
      <ol className="token-parts" aria-label="Token parts">
        {tokenParts(token, decoded).map((part) => (
          <li key={part.name} className="token-part">
            <span className="token-part-name">{part.name}</span> <code>{part.text}</code>{' '}
            <span className="muted">{part.note}</span>
          </li>
        ))}
      </ol>
      <div className="raw-json">
        <pre role="region" aria-label="Decoded JSON" tabIndex={0}>
          <code>{json}</code>
        </pre>
        <CopyButton text={json} what="decoded JSON" />
      </div>
    </details>
  );
}
