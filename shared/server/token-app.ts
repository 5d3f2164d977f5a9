import Fastify, { type FastifyError, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import type { RequestLogEntry } from '../contract/index.js';
import { createAuthenticator } from './auth.js';
import { answerClientError } from './client-errors.js';
import { credentialSource } from './credential-source.js';
import { describeError, errorBody } from './http-errors.js';
import { ABSOLUTE_TARGET, boundedHttpServer, type TargetedRequest } from './http-server-factory.js';
import { HttpStatusError } from './http-status-error.js';
import { describeRoutes } from './info-routes.js';
import { ServerMetrics } from './metrics.js';
import {
  absoluteFormAuthority,
  CORS_ALLOW_HEADERS,
  CORS_ALLOW_METHODS,
  corsPolicy,
  hasDuplicateHost,
  isLoopbackHost,
  loopbackHostCheck,
  type CorsPolicy,
} from './request-guards.js';
import { installRoutePolicies } from './route-policies.js';
import { resolveServerOptions, type LocalServerOptions, type ResolvedServerOptions } from './server-options.js';
import { registerTokenRoutes } from './token-routes.js';
import { registerDocsSampleRoutes } from './docs-samples/register.js';
import { notedErrorMessage, noteErrorMessage, requestKind } from './response-notes.js';

export const BODY_LIMIT_BYTES = 16 * 1024;

const HOST_REFUSED =
  'Host not allowed: this server answers only to localhost, 127.0.0.1, [::1] or the address it is bound to';

/** Told about each response once it is sent, while `active()` says someone is listening. */
export interface ResponseObserver {
  active(): boolean;
  sent(entry: RequestLogEntry): void;
}

/** What differs where the app runs outside a Node process of its own (serverless). */
export interface TokenAppRuntime {
  /**
   * How long a plugin may take to load; default Fastify's 10 s. 0 sets no timer: workerd
   * refuses timers while a module loads, and its app must be built then (see
   * shared/serverless/cloudflare-worker.ts).
   */
  pluginTimeoutMs?: number;
  /**
   * The platform owns the connections (a Worker): Fastify's plain node:http server, without
   * our timeouts and connection cap, whose options workerd's node:http does not implement.
   */
  platformSockets?: boolean;
}

/**
 * The local token server as a Fastify instance that is not listening yet (tests and the
 * serverless fetch handler drive it with `inject`; LocalTokenServer listens). Throws on
 * bad options before building anything.
 */
export function createTokenApp(
  options: LocalServerOptions,
  observer?: ResponseObserver,
  runtime: TokenAppRuntime = {},
): FastifyInstance {
  const resolved = resolveServerOptions(options);
  const source = credentialSource(resolved.credentials);
  const hostCheck = isLoopbackHost(resolved.host) ? loopbackHostCheck(resolved.host) : undefined;
  const guard = requestGuard(
    corsPolicy(resolved.corsOrigins),
    hostCheck,
    observer,
    Object.entries(resolved.serverHeaders),
  );
  // Built here so a bad JWKS URL, key or pattern fails the start with its own message.
  const authenticator = resolved.auth === undefined ? undefined : createAuthenticator(resolved.auth);
  const app = Fastify({
    logger: jsonLogger(resolved),
    bodyLimit: BODY_LIMIT_BYTES,
    // Channel names and accounts may arrive percent-encoded: allow well over 255 bytes.
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 2048 },
    // A path the router cannot decode (`/rtc/%ZZ/...`) skips the hooks; answer it in our
    // format, with our headers and guards, instead of Fastify's own.
    frameworkErrors: (error, request, reply) => answerBadUrl(guard, error, request, reply),
    ...(runtime.platformSockets === true ? {} : { serverFactory: boundedHttpServer(resolved) }),
    clientErrorHandler: answerClientError,
    // Requests that reach a closing server on an open connection are answered (with
    // Connection: close); the shutdown deadline bounds how long that can go on.
    return503OnClosing: false,
    ...(runtime.pluginTimeoutMs === undefined ? {} : { pluginTimeout: runtime.pluginTimeoutMs }),
  });
  acceptJsonWhateverTheContentType(app);
  // One onRequest hook and no onSend: headers set here survive into error replies and
  // 404s, and every extra hook is a measurable share of a ~65 µs request (npm run bench).
  app.addHook('onRequest', (request, reply, done) => {
    if (!guard(request, reply)) done();
  });
  if (resolved.metrics) new ServerMetrics().install(app, resolved.metricsView);
  app.register(async (scope) => {
    const contextOf = await installRoutePolicies(scope, resolved, source, authenticator);
    const addInfoRoutes = await describeRoutes(scope);
    registerTokenRoutes(scope, contextOf);
    registerDocsSampleRoutes(scope, contextOf);
    addInfoRoutes();
  });
  app.setErrorHandler((error, _request, reply) => {
    if (error instanceof HttpStatusError) void reply.headers(error.headers);
    const { status, message } = describeError(error);
    sendError(reply, status, message);
  });
  app.setNotFoundHandler((request, reply) => {
    sendError(reply, 404, `no route for ${request.method} ${pathOf(request)}`);
  });
  return app;
}

/** Fastify's JSON logger for `--log-format json`: paths without query strings, no headers. */
function jsonLogger(resolved: ResolvedServerOptions) {
  if (resolved.jsonLog === undefined) return false;
  return {
    level: 'info',
    stream: resolved.jsonLog,
    serializers: {
      req: (request: { method: string; url: string; ip?: string }) => ({
        method: request.method,
        path: request.url.split('?')[0],
        remoteAddress: request.ip,
      }),
      res: (reply: { statusCode: number }) => ({ statusCode: reply.statusCode }),
    },
  };
}

function answerBadUrl(guard: RequestGuard, error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  if (guard(request, reply)) return;
  const tooLong = error.code === 'FST_ERR_MAX_PARAM_LENGTH';
  const status = tooLong ? 414 : 400;
  const message = tooLong
    ? 'a path segment is longer than 2048 characters'
    : 'the URL path is not valid percent-encoding';
  sendError(reply, status, message);
}

/** An error reply in our format, its message noted for the request log. */
function sendError(reply: FastifyReply, status: number, message: string): void {
  noteErrorMessage(reply, message);
  void reply.code(status).send(errorBody(status, message));
}

/** The URL path without its query string (query strings may carry ids; logs keep paths only). */
export function pathOf(request: FastifyRequest): string {
  const q = request.url.indexOf('?');
  return q === -1 ? request.url : request.url.slice(0, q);
}

/**
 * The Go service parses every POST body as JSON whatever its Content-Type, so clients
 * that post JSON with curl's default form type work there; they work here too.
 */
function acceptJsonWhateverTheContentType(app: FastifyInstance): void {
  const parseJson = app.getDefaultJsonParser('error', 'error');
  const parseBody = (
    request: FastifyRequest,
    body: string | Buffer,
    done: (error: Error | null, body?: unknown) => void,
  ) => {
    // An empty body reaches the route as undefined and fails there with a clear message.
    const text = typeof body === 'string' ? body : body.toString('utf8');
    if (text === '') {
      done(null, undefined);
      return;
    }
    // Its error (FST_ERR_CTP_INVALID_JSON_BODY) gets our message in describeError: no
    // callback of our own per request.
    parseJson(request, text, done);
  };
  app.removeAllContentTypeParsers();
  // Named as well as caught by '*': Fastify caches the parser it finds for a named type,
  // but looks the catch-all up afresh on every request.
  app.addContentTypeParser('application/json', { parseAs: 'string' }, parseBody);
  app.addContentTypeParser('*', { parseAs: 'string' }, parseBody);
}

type RequestGuard = (request: FastifyRequest, reply: FastifyReply) => boolean;

function refuse(reply: FastifyReply, status: number, message: string): true {
  sendError(reply, status, message);
  return true;
}

/** The Host rules: one Host header, an absolute-form target naming that same host, and on loopback a loopback name. */
function hostRefusal(
  request: FastifyRequest,
  hostCheck: ((value: string | undefined) => boolean) | undefined,
): [number, string] | undefined {
  const raw = request.raw;
  if (hasDuplicateHost(raw.rawHeaders)) return [400, 'the request carries more than one Host header'];
  // HTTP/1.1 requires Host (RFC 9112 §3.2); 1.0 clients may omit it.
  if (request.headers.host === undefined && raw.httpVersion !== '1.0') return [400, 'the request has no Host header'];
  const target = (raw as TargetedRequest)[ABSOLUTE_TARGET];
  if (target !== undefined && absoluteFormAuthority(target) !== (request.headers.host ?? '').toLowerCase()) {
    return [400, 'the request target names another host than the Host header'];
  }
  if (hostCheck !== undefined && !hostCheck(request.headers.host)) return [403, HOST_REFUSED];
  return undefined;
}

function requestGuard(
  cors: CorsPolicy,
  hostCheck: ((value: string | undefined) => boolean) | undefined,
  observer: ResponseObserver | undefined,
  serverHeaders: [string, string][],
): RequestGuard {
  return (request, reply) => {
    // Not a Fastify onResponse hook: that would put a listener on every response even
    // when nobody reads the log (`serve --quiet`), about 3% of the server's time.
    if (observer?.active() === true) observeResponse(observer, request, reply);
    setNoCache(reply);
    for (const [name, value] of serverHeaders) void reply.header(name, value);
    // A rebinding page must not learn anything, CORS headers included: Host comes first.
    const refusal = hostRefusal(request, hostCheck);
    if (refusal !== undefined) return refuse(reply, refusal[0], refusal[1]);
    const origin = request.headers.origin;
    if (!cors.allows(origin)) return refuse(reply, 403, 'Origin not allowed');
    if (origin !== undefined && origin !== '') allowOrigin(reply, origin);
    if (request.method === 'OPTIONS') {
      void reply.code(204).send();
      return true;
    }
    // Go reads a POST body as JSON with or without a Content-Type; so do we.
    if (request.method === 'POST' && !request.headers['content-type'])
      request.raw.headers['content-type'] = 'application/json';
    return false;
  };
}

function observeResponse(observer: ResponseObserver, request: FastifyRequest, reply: FastifyReply): void {
  // Timed here: Fastify only starts reply.elapsedTime's clock when it has a logger or an
  // onResponse hook, and this server has neither, so elapsedTime would always read 0.
  const start = performance.now();
  reply.raw.once('finish', () => {
    const kind = requestKind(request);
    const error = reply.statusCode >= 400 ? notedErrorMessage(reply) : undefined;
    observer.sent({
      time: Date.now(),
      method: request.method,
      path: pathOf(request),
      status: reply.statusCode,
      ms: Math.round((performance.now() - start) * 100) / 100,
      ...(kind === undefined ? {} : { kind }),
      ...(error === undefined ? {} : { error }),
    });
  });
}

function setNoCache(reply: FastifyReply): void {
  void reply
    .header('cache-control', 'private, no-cache, no-store, must-revalidate')
    .header('expires', '-1')
    .header('pragma', 'no-cache');
}

function allowOrigin(reply: FastifyReply, origin: string): void {
  void reply
    .header('access-control-allow-origin', origin)
    .header('access-control-allow-methods', CORS_ALLOW_METHODS)
    .header('access-control-allow-headers', CORS_ALLOW_HEADERS)
    .header('vary', 'Origin');
}
