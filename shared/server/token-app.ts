import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { describeError, errorBody } from './http-errors.js';
import {
  CORS_ALLOW_HEADERS,
  CORS_ALLOW_METHODS,
  corsPolicy,
  isLoopbackHost,
  isLoopbackHostHeader,
} from './request-guards.js';
import { resolveServerOptions, type LocalServerOptions } from './server-options.js';
import { registerTokenRoutes } from './token-routes.js';

export const BODY_LIMIT_BYTES = 16 * 1024;

const NO_CACHE_HEADERS = {
  'cache-control': 'private, no-cache, no-store, must-revalidate',
  expires: '-1',
  pragma: 'no-cache',
} as const;

/**
 * The local token server as a Fastify instance that is not listening yet (tests drive it
 * with `inject`; LocalTokenServer listens). Throws on bad options before building anything.
 */
export function createTokenApp(options: LocalServerOptions): FastifyInstance {
  const resolved = resolveServerOptions(options);
  const app = Fastify({
    logger: false,
    bodyLimit: BODY_LIMIT_BYTES,
    // Channel names and accounts may arrive percent-encoded: allow well over 255 bytes.
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 2048 },
  });
  acceptJsonWhateverTheContentType(app);
  addGuards(app, corsPolicy(resolved.corsOrigins), isLoopbackHost(resolved.host));
  registerTokenRoutes(app, resolved.credentials);
  app.setErrorHandler((error, _request, reply) => {
    const { status, message } = describeError(error);
    void reply.code(status).send(errorBody(status, message));
  });
  app.setNotFoundHandler((request, reply) => {
    void reply.code(404).send(errorBody(404, `no route for ${request.method} ${pathOf(request)}`));
  });
  return app;
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
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'string' }, (request, body, done) => {
    // An empty body reaches the route as undefined and fails there with a clear message.
    const text = typeof body === 'string' ? body : body.toString('utf8');
    if (text === '') done(null, undefined);
    else parseJson(request, text, done);
  });
}

function addGuards(app: FastifyInstance, cors: ReturnType<typeof corsPolicy>, checkHost: boolean): void {
  const hostAllowed = (request: FastifyRequest) => !checkHost || isLoopbackHostHeader(request.headers.host);
  app.addHook('onRequest', (request, reply, done) => {
    if (!hostAllowed(request)) {
      const message = 'Host not allowed: this server answers only to localhost, 127.0.0.1 or [::1]';
      void reply.code(403).send(errorBody(403, message));
      return;
    }
    if (!cors.allows(request.headers.origin)) {
      void reply.code(403).send(errorBody(403, 'Origin not allowed'));
      return;
    }
    if (request.method === 'OPTIONS') {
      void reply.code(204).send();
      return;
    }
    done();
  });
  // In onSend so that errors, 404s and early replies carry the same headers.
  app.addHook('onSend', (request, reply, payload, done) => {
    void reply.headers(NO_CACHE_HEADERS);
    // A rebinding page must not learn anything, CORS headers included.
    if (hostAllowed(request)) allowOrigin(request, reply, cors);
    done(null, payload);
  });
}

function allowOrigin(request: FastifyRequest, reply: FastifyReply, cors: ReturnType<typeof corsPolicy>): void {
  const origin = request.headers.origin;
  if (origin === undefined || origin === '' || !cors.allows(origin)) return;
  void reply.headers({
    'access-control-allow-origin': origin,
    'access-control-allow-methods': CORS_ALLOW_METHODS,
    'access-control-allow-headers': CORS_ALLOW_HEADERS,
    vary: 'Origin',
  });
}
