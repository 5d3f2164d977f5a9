/** One request of the log, opened: what it asked, how it was answered and how long it took. */
import type { RequestLogEntry } from '../../../../shared/contract/index.js';

const STATUS_TEXT: Record<number, string> = {
  200: 'OK',
  204: 'No Content',
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  413: 'Payload Too Large',
  414: 'URI Too Long',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

function clockWithMilliseconds(time: number): string {
  const date = new Date(time);
  return `${date.toLocaleTimeString()} (+${String(date.getMilliseconds()).padStart(3, '0')} ms)`;
}

export function RequestDetails({ entry }: { entry: RequestLogEntry }) {
  return (
    <dl className="facts request-details">
      <dt>Request</dt>
      <dd>
        <code>
          {entry.method} {entry.path}
        </code>
      </dd>
      <dt>Status</dt>
      <dd>
        {entry.status} {STATUS_TEXT[entry.status] ?? ''}
      </dd>
      <dt>Error</dt>
      <dd>{entry.error ?? (entry.status >= 400 ? 'no message' : 'none')}</dd>
      <dt>Kind</dt>
      <dd>{entry.kind ?? 'not a token request'}</dd>
      <dt>Timing</dt>
      <dd>
        answered in {entry.ms.toFixed(2)} ms, at {clockWithMilliseconds(entry.time)}
      </dd>
    </dl>
  );
}
