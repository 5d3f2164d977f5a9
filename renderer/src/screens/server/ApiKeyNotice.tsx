/** The API key main generated for this start, shown once: the app keeps no copy. */
import { forwardRef } from 'react';
import { CopyButton } from '../../components/CopyButton.js';

export const ApiKeyNotice = forwardRef<HTMLDivElement, { apiKey: string; onDismiss: () => void }>(function ApiKeyNotice(
  { apiKey, onDismiss },
  ref,
) {
  return (
    <div className="notice notice-warn api-key" ref={ref} tabIndex={-1} role="region" aria-labelledby="api-key-title">
      <h2 id="api-key-title">New API key</h2>
      <p>Copy it now: it won't be shown again. Callers send it as the header Authorization: Bearer and the key.</p>
      <div className="command-line">
        <code aria-label="API key">{apiKey}</code>
        <CopyButton text={apiKey} what="API key" />
      </div>
      <p className="field-hint">In a shell, keep it in API_KEY (export API_KEY=…) and the examples below use it.</p>
      <button type="button" onClick={onDismiss}>
        I have saved it
      </button>
    </div>
  );
});
