import Fastify, { type FastifyError, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import type { RequestLogEntry } from '../contract.js';
import { describeError, errorBody } from './http-errors.js';
import {
  CORS_ALLOW_HEADERS,
  CORS_ALLOW_METHODS,
  corsPolicy,
  isLoopbackHost,
  isLoopbackHostHeader,
  type CorsPolicy,
} from './request-guards.js';
import { resolveServerOptions, type LocalServerOptions } from './server-options.js';
import { registerTokenRoutes } from './token-routes.js';
import { registerDocsSampleRoutes, singleCredentials } from './docs-samples/register.js';

export const BODY_LIMIT_BYTES = 16 * 1024;

const HOST_REFUSED = 'Host not allowed: this server answers only to localhost, 127.0.0.1 or [::1]';

/** Told about each response once it is sent, while `active()` says someone is listening. */
export interface ResponseObserver {
  active(): boolean;
  sent(entry: RequestLogEntry): void;
}

/**
 * The local token server as a Fastify instance that is not listening yet (tests drive it
 * with `inject`; LocalTokenServer listens). Throws on bad options before building anything.
 */
export function createTokenApp(options: LocalServerOptions, observer?: ResponseObserver): FastifyInstance {
  const resolved = resolveServerOptions(options);
  const guard = requestGuard(corsPolicy(resolved.corsOrigins), isLoopbackHost(resolved.host), observer);
  const app = Fastify({
    logger: false,
    bodyLimit: BODY_LIMIT_BYTES,
    // Channel names and accounts may arrive percent-encoded: allow well over 255 bytes.
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 2048 },
    // A path the router cannot decode (`/rtc/%ZZ/...`) skips the hooks; answer it in our
    // format, with our headers and guards, instead of Fastify's own.
    frameworkErrors: (error, request, reply) => answerBadUrl(guard, error, request, reply),
  });
  acceptJsonWhateverTheContentType(app);
  // One onRequest hook and no onSend: headers set here survive into error replies and
  // 404s, and every extra hook is a measurable share of a ~65 µs request (npm run bench).
  app.addHook('onRequest', (request, reply, done) => {
    if (!guard(request, reply)) done();
  });
  registerTokenRoutes(app, resolved.credentials);
  registerDocsSampleRoutes(app, singleCredentials(resolved.credentials));
  app.setErrorHandler((error, _request, reply) => {
    const { status, message } = describeError(error);
    void reply.code(status).send(errorBody(status, message));
  });
  app.setNotFoundHandler((request, reply) => {
    void reply.code(404).send(errorBody(404, `no route for ${request.method} ${pathOf(request)}`));
  });
  return app;
}

function answerBadUrl(guard: RequestGuard, error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  if (guard(request, reply)) return;
  const tooLong = error.code === 'FST_ERR_MAX_PARAM_LENGTH';
  const status = tooLong ? 414 : 400;
  const message = tooLong ? 'a path segment is longer than 2048 characters' : 'the URL path is not valid percent-encoding';
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
  const parseBody = (request: FastifyRequest, body: string | Buffer, done: (error: Error | null, body?: unknown) => void) => {
    // An empty body reaches the route as undefined and fails there with a clear message.
    const text = typeof body === 'string' ? body : body.toString('utf8');
    if (text === '') done(null, undefined);
    else parseJson(request, text, done);
  };
  app.removeAllContentTypeParsers();
  // Named as well as caught by '*': Fastify caches the parser it finds for a named type,
  // but looks the catch-all up afresh on every request.
  app.addContentTypeParser('application/json', { parseAs: 'string' }, parseBody);
  app.addContentTypeParser('*', { parseAs: 'string' }, parseBody);
}

type RequestGuard = (request: FastifyRequest, reply: FastifyReply) => boolean;

function requestGuard(cors: CorsPolicy, checkHost: boolean, observer: ResponseObserver | undefined): RequestGuard {
  return (request, reply) => {
    // Not a Fastify onResponse hook: that would put a listener on every response even
    // when nobody reads the log (`serve --quiet`), about 3% of the server's time.
    if (observer?.active() === true) observeResponse(observer, request, reply);
    setNoCache(reply);
    // A rebinding page must not learn anything, CORS headers included: Host comes first.
    if (checkHost && !isLoopbackHostHeader(request.headers.host)) {
      void reply.code(403).send(errorBody(403, HOST_REFUSED));
      return true;
    }
    const origin = request.headers.origin;
    if (!cors.allows(origin)) {
      void reply.code(403).send(errorBody(403, 'Origin not allowed'));
      return true;
    }
    if (origin !== undefined && origin !== '') allowOrigin(reply, origin);
    if (request.method === 'OPTIONS') {
      void reply.code(204).send();
      return true;
    }
    return false;
  };
}

function observeResponse(observer: ResponseObserver, request: FastifyRequest, reply: FastifyReply): void {
  // Timed here: Fastify only starts reply.elapsedTime's clock when it has a logger or an
  // onResponse hook, and this server has neither, so elapsedTime would always read 0.
  const start = performance.now();
  reply.raw.once('finish', () => {
    observer.sent({
      time: Date.now(),
      method: request.method,
      path: pathOf(request),
      status: reply.statusCode,
      ms: Math.round((performance.now() - start) * 100) / 100,
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
