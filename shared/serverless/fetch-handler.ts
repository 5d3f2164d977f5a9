import type { FastifyInstance } from 'fastify';
import '../zod-english.js';
import type { LocalServerOptions } from '../server/server-options.js';
import { createTokenApp, type TokenAppRuntime } from '../server/token-app.js';
import { toInjectOptions, toResponse } from './inject-bridge.js';

/**
 * The settings a serverless deployment has, with `serve`'s types and meanings. No port,
 * host, timeouts or connection cap: the platform owns the socket. Rate limits are off by
 * default, and when on they count per instance (a Lambda sandbox, a Worker isolate), not
 * across the fleet.
 */
export type FetchHandlerOptions = Pick<LocalServerOptions, 'credentials' | 'corsOrigins' | 'auth' | 'rateLimit'>;

/** What the platform knows about the connection, which a Request does not carry. */
export interface RequestInfo {
  /** The client's IP address (the rate limit's key for callers without an API key). */
  clientAddress?: string;
}

export type FetchHandler = (request: Request, info?: RequestInfo) => Promise<Response>;

/**
 * Bound to every address, so the Host rule is `serve --host 0.0.0.0`'s: one Host header,
 * no loopback-only check (a platform's hostname is not loopback).
 */
const EXPOSED_HOST = '0.0.0.0';

/** The token app `serve` runs, built from these options and not listening. Throws on bad options. */
export function createServerlessApp(options: FetchHandlerOptions, runtime: TokenAppRuntime = {}): FastifyInstance {
  const { credentials, corsOrigins, auth, rateLimit } = options;
  return createTokenApp(
    {
      credentials,
      host: EXPOSED_HOST,
      ...(corsOrigins === undefined ? {} : { corsOrigins }),
      ...(auth === undefined ? {} : { auth }),
      ...(rateLimit === undefined ? {} : { rateLimit }),
    },
    undefined,
    runtime,
  );
}

/**
 * The agora-token-service routes as a Fetch API handler (`Request` → `Response`): the app
 * `serve` runs, built once (bad options throw here, not on the first request) and asked
 * through `inject`, so every route, rule, message and header is the one `serve` has.
 */
export function createFetchHandler(options: FetchHandlerOptions): FetchHandler {
  const app = createServerlessApp(options);
  // inject() makes the app ready on its first call, and waits for that on later ones.
  return async (request, info = {}) => {
    const reply = await app.inject(await toInjectOptions(request, info.clientAddress));
    return toResponse(reply, request.method);
  };
}
