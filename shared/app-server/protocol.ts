/**
 * Browser mode's wire protocol, shared by the server (shared/app-server) and the page's
 * HTTP transport (renderer/src/transport). Browser-safe: no Node imports.
 *
 * - `POST /api/<channel>` with the request as a JSON body (`null` for channels without
 *   one) answers the handler's IpcResult as JSON, status 200 whatever the result.
 * - `GET /api/events` streams the contract's events as Server-Sent Events. The page reads
 *   it with fetch, not EventSource, so the access key travels in a header here too and
 *   never in a URL (URLs end up in logs and history).
 * - Every /api call carries the per-launch access key in ACCESS_KEY_HEADER.
 */

export const API_PREFIX = '/api/';
export const EVENTS_PATH = '/api/events';
export const ACCESS_KEY_HEADER = 'x-token-desk-key';
/** The URL fragment parameter that hands the key to the page: `http://127.0.0.1:PORT/#k=…`. */
export const ACCESS_KEY_FRAGMENT = 'k';
/** Where the page keeps the key for the tab's lifetime (reloads keep working). */
export const ACCESS_KEY_STORAGE = 'agora-token-desk.access-key';

/** The request path of one IPC channel (channel names are URL-safe: letters, `:` and `-`). */
export function channelPath(channel: string): string {
  return `${API_PREFIX}${channel}`;
}
