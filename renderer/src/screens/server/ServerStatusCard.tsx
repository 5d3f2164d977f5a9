/** Where the server listens, or that it is stopped; the address as a QR code for a phone. */
import { useState } from 'react';
import { isLoopbackHost } from '../../../../shared/contract/text-rules.js';
import type { ServerStatus } from '../../../../shared/contract/index.js';
import { CopyButton } from '../../components/CopyButton.js';
import { QrCode } from '../../components/QrCode.js';

export function ServerStatusCard({ status }: { status: ServerStatus }) {
  const [qrShown, setQrShown] = useState(false);
  const listening = status.state === 'listening';
  return (
    <section className="card" aria-label="Server status">
      {listening && status.url ? (
        <>
          <p role="status">
            Listening on <code aria-label="Server URL">{status.url}</code>{' '}
            <CopyButton text={status.url} what="server URL" />
            {status.authentication === 'api-keys' ? ' — requests need the API key' : ''}
          </p>
          <button type="button" aria-expanded={qrShown} onClick={() => setQrShown((shown) => !shown)}>
            {qrShown ? 'Hide QR code' : 'Show QR code'}
          </button>
          {qrShown ? <UrlQr url={status.url} /> : null}
        </>
      ) : (
        <p role="status">Stopped.</p>
      )}
    </section>
  );
}

function UrlQr({ url }: { url: string }) {
  // A phone scanning a loopback address reaches itself, not this computer: say so by the code.
  const local = isLoopbackHost(new URL(url).hostname);
  return (
    <>
      <div className="qr-frame">
        <QrCode text={url} label="QR code of the server URL" />
      </div>
      {local ? (
        <p className="field-hint">
          Only this computer can open this address. To reach the server from a phone, serve on this computer&apos;s
          network address instead.
        </p>
      ) : null}
    </>
  );
}
