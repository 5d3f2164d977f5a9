/** Where the server listens, or that it is stopped. */
import type { ServerStatus } from '../../../../shared/contract/index.js';
import { CopyButton } from '../../components/CopyButton.js';

export function ServerStatusCard({ status }: { status: ServerStatus }) {
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
        </>
      ) : (
        <p role="status">Stopped.</p>
      )}
    </section>
  );
}
