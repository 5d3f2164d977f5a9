/**
 * Export a result: copy it as a .env block or JSON (App ID, channel, user, token; never the
 * certificate), copy a join snippet for an SDK with the values filled in, or show the token
 * as a QR code for a phone.
 */
import { useState } from 'react';
import { CopyButton } from '../../components/CopyButton.js';
import { QrCode } from '../../components/QrCode.js';
import {
  SNIPPET_LABELS,
  SNIPPET_TARGETS,
  exportValues,
  joinable,
  toEnvBlock,
  toJoinSnippet,
  toJson,
  type SnippetTarget,
} from '../../logic/export-formats.js';
import type { GenerateResult } from '../../state/generate-context.js';

export function ExportPanel({ result }: { result: GenerateResult }) {
  const [target, setTarget] = useState<SnippetTarget>('web');
  const [qrShown, setQrShown] = useState(false);
  const values = exportValues(result.form, result.appId, result.value);
  const snippet = toJoinSnippet(target, values);
  return (
    <>
      <h2>Export</h2>
      <div className="row export-actions">
        <CopyButton text={toEnvBlock(values)} label="Copy as .env" />
        <CopyButton text={toJson(values)} label="Copy as JSON" />
        <button type="button" aria-expanded={qrShown} onClick={() => setQrShown((shown) => !shown)}>
          {qrShown ? 'Hide QR code' : 'Show QR code'}
        </button>
      </div>
      {qrShown ? (
        <div className="qr-frame">
          <QrCode text={values.token} label={`QR code of the ${'token' in result.value ? 'token' : 'RTC token'}`} />
        </div>
      ) : null}
      {joinable(result.form, values) ? (
        <div className="join-snippet">
          <div className="field">
            <label htmlFor="gen-snippet-target">Join snippet for</label>
            <select
              id="gen-snippet-target"
              value={target}
              onChange={(event) => setTarget(event.target.value as SnippetTarget)}
            >
              {SNIPPET_TARGETS.map((candidate) => (
                <option key={candidate} value={candidate}>
                  {SNIPPET_LABELS[candidate]}
                </option>
              ))}
            </select>
          </div>
          <div className="command-line">
            <pre className="snippet" aria-label="Join snippet">
              {snippet}
            </pre>
            <CopyButton text={snippet} what="join snippet" />
          </div>
        </div>
      ) : null}
    </>
  );
}
