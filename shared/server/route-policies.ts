import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { createAuthenticator, type Authenticator, type Caller } from './auth.js';
import type { CredentialSource } from './credential-source.js';
import { HttpStatusError } from './http-status-error.js';
import type { ResolvedServerOptions } from './server-options.js';
import type { TokenRequestContext } from './token-requests.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * A route that issues tokens: it gets authentication, the rate limit and the
     * tokens-issued metric when those are on. `kind` names the token kind for metrics.
     */
    tokenRoute?: boolean;
    kind?: string;
  }
  interface FastifyRequest {
    /** Set by authentication; undefined when neither authentication nor the rate limit is on. */
    tokenDeskCaller: Caller | null | undefined;
  }
}

/** What a token route handler calls to get the projects and the caller's rights for a request. */
export type ContextOf = (request: FastifyRequest) => TokenRequestContext;

/**
 * Applies authentication and the rate limit to every route registered afterwards in
 * `scope` (or a child of it) whose config says `tokenRoute: true`, whatever its path: an
 * onRoute hook adds the hooks to the route itself, so other routes pay nothing for them.
 */
export async function installRoutePolicies(
  scope: FastifyInstance,
  options: ResolvedServerOptions,
  source: CredentialSource,
  authenticator: Authenticator | undefined = options.auth === undefined ? undefined : createAuthenticator(options.auth),
): Promise<ContextOf> {
  const limit = options.rateLimit;
  // Only when used: a request decorator is a field set on every request object.
  if (authenticator !== undefined || limit !== undefined) scope.decorateRequest('tokenDeskCaller', null);
  scope.addHook('onRoute', (route) => {
    if (route.config?.tokenRoute !== true) return;
    if (authenticator !== undefined) {
      const authenticate = (request: FastifyRequest, _reply: unknown, done: (error?: Error) => void): void => {
        let found: Caller | Promise<Caller>;
        try {
          found = authenticator.authenticate(request);
        } catch (error) {
          done(error as Error);
          return;
        }
        if (found instanceof Promise) {
          found.then(
            (caller) => {
              request.tokenDeskCaller = caller;
              done();
            },
            (error: Error) => done(error),
          );
        } else {
          request.tokenDeskCaller = found;
          done();
        }
      };
      route.onRequest = [...asArray(route.onRequest), authenticate];
    }
    // Read by @fastify/rate-limit's own onRoute hook, which runs after this one.
    if (limit !== undefined)
      route.config = { ...route.config, rateLimit: { max: limit.max, timeWindow: limit.windowMs } };
  });
  if (limit !== undefined) {
    // Replicas serving the same projects share counters; other deployments on that Redis do not.
    const shared =
      limit.redis === undefined
        ? undefined
        : // Loaded only when asked for: ioredis is not needed by a server that keeps counts in memory.
          await (
            await import('./redis-rate-limit-store.js')
          ).openRedisRateLimitStore(limit.redis, `agora-token-desk:rate-limit:${source.appIds().join(',')}:`);
    if (shared !== undefined) scope.addHook('onClose', shared.close);
    await scope.register(rateLimit, {
      ...(shared === undefined ? {} : { store: shared.store, skipOnError: shared.skipOnError }),
      global: false,
      // After authentication, so a caller is counted by key or JWT subject, not only by address.
      hook: 'preHandler',
      keyGenerator: (request) => request.tokenDeskCaller?.id ?? `ip:${request.ip}`,
      errorResponseBuilder: (_request, context) =>
        new HttpStatusError(429, `too many requests: the limit is ${context.max} per ${context.after}`),
    });
  }
  const open: TokenRequestContext = { source, authorize: () => undefined };
  // API-key callers may have any grant, so without JWTs no request needs its own context.
  if (authenticator === undefined || !authenticator.bindsCallers) return () => open;
  return (request) => ({
    source,
    authorize: (grant) => {
      const caller = request.tokenDeskCaller;
      if (caller !== null && caller !== undefined) authenticator.authorize(caller, grant);
    },
  });
}

function asArray<T>(value: T | T[] | undefined): T[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}
