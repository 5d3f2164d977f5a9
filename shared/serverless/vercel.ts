import type { PlatformEnv } from './env-options.js';
import type { FetchHandler } from './fetch-handler.js';
import { fetchHandlerFromEnv } from './handler-from-env.js';

/**
 * Vercel Functions (Node.js runtime, the Web-standard `export default { fetch }` form).
 * deploy/vercel/vercel.json rewrites every path to one function; a rewritten request keeps
 * the path the client asked for, and Vercel appends the rewrite's `path` parameter to the
 * query, which is taken off again here so the routes see the client's query string.
 */
export const REWRITE_PARAMETER = 'path';

export async function withoutRewriteParameter(request: Request): Promise<Request> {
  const url = new URL(request.url);
  const matched = url.searchParams.get(REWRITE_PARAMETER);
  if (matched === null || safeDecode(url.pathname).replace(/^\/+/, '') !== matched.replace(/^\/+/, '')) {
    return request;
  }
  url.searchParams.delete(REWRITE_PARAMETER);
  const bodyless = request.method === 'GET' || request.method === 'HEAD';
  return new Request(url, {
    method: request.method,
    headers: request.headers,
    ...(bodyless ? {} : { body: await request.arrayBuffer() }),
  });
}

function safeDecode(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

/** The client's address as Vercel's edge reports it (it replaces what a client sends). */
function clientAddress(request: Request): string | undefined {
  const forwarded = request.headers.get('x-real-ip') ?? request.headers.get('x-forwarded-for')?.split(',')[0];
  return forwarded?.trim() || undefined;
}

export function vercelHandlerFromEnv(env: PlatformEnv): { fetch(request: Request): Promise<Response> } {
  let handler: FetchHandler | undefined;
  return {
    async fetch(request) {
      handler ??= fetchHandlerFromEnv(env);
      const address = clientAddress(request);
      return handler(await withoutRewriteParameter(request), address === undefined ? {} : { clientAddress: address });
    },
  };
}

/** The function's default export, configured by the project's environment variables. */
export default vercelHandlerFromEnv(process.env);
