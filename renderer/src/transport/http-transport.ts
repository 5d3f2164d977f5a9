/**
 * Browser mode's transport for window.tokenDesk: each IPC call is a POST to the page's own
 * server (`agora-token-desk ui`), events arrive over one Server-Sent Events stream. Every
 * request carries the launch's access key in a header.
 */
import { ACCESS_KEY_HEADER, EVENTS_PATH, channelPath } from '../../../shared/app-server/protocol.js';
import type { IpcResult } from '../../../shared/contract/ipc.js';
import type { ErrorInfo } from '../../../shared/errors.js';
import type { BridgeTransport } from '../../../shared/token-desk-api.js';
import { EventStreamClient } from './event-stream-client.js';

const NO_KEY = 'This page has no access key: open the app from the address its ui command printed or opened.';
const REFUSED = 'The app refused this page: it was probably restarted. Open the new address it printed or opened.';
const UNREACHABLE = 'The app is not running any more: start it again and open the address it prints.';

function failure(message: string): IpcResult<never> {
  return { ok: false, error: { code: 'internal', message } };
}

async function errorMessage(response: Response): Promise<string> {
  try {
    const body = (await response.json()) as Partial<ErrorInfo>;
    if (typeof body.message === 'string') return body.message;
  } catch {
    // Not JSON: fall through to the status line.
  }
  return `the app answered ${response.status} ${response.statusText}`;
}

export function createHttpTransport(
  key: string | undefined,
  fetchImpl: typeof fetch = fetch.bind(globalThis),
): BridgeTransport {
  const headers = (): Record<string, string> => (key === undefined ? {} : { [ACCESS_KEY_HEADER]: key });
  const events = new EventStreamClient(() => fetchImpl(EVENTS_PATH, { headers: headers(), cache: 'no-store' }));

  return {
    async invoke(channel, request) {
      if (key === undefined) return failure(NO_KEY);
      let response: Response;
      try {
        response = await fetchImpl(channelPath(channel), {
          method: 'POST',
          headers: { ...headers(), 'Content-Type': 'application/json' },
          body: JSON.stringify(request ?? null),
          cache: 'no-store',
        });
      } catch {
        return failure(UNREACHABLE);
      }
      if (response.status === 401) return failure(REFUSED);
      if (!response.ok) return failure(await errorMessage(response));
      return (await response.json()) as unknown;
    },
    subscribe(event, listener) {
      if (key === undefined) return () => undefined;
      return events.on(event, listener);
    },
  };
}
