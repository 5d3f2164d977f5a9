import { errorBody } from '../server/http-errors.js';

/** The headers every answer of the token server has (token-app.ts sets them on each reply). */
const NO_CACHE = {
  'cache-control': 'private, no-cache, no-store, must-revalidate',
  expires: '-1',
  pragma: 'no-cache',
};

const MESSAGE = 'the token server is not configured: its log says which setting is missing or wrong';

/**
 * A deployment whose secrets are missing or wrong still starts, logs why (the message names
 * the variable, never a value) and answers each request with this JSON 500, in the server's
 * error format, rather than failing in a way that only the platform's console shows.
 */
export function notConfigured(error: unknown): () => Response {
  console.error(`agora-token-desk: ${error instanceof Error ? error.message : String(error)}`);
  const body = JSON.stringify(errorBody(500, MESSAGE));
  return () =>
    new Response(body, { status: 500, headers: { ...NO_CACHE, 'content-type': 'application/json; charset=utf-8' } });
}
