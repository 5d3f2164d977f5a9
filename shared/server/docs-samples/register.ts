import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest, RouteShorthandOptions } from 'fastify';
import { describeError, errorBody } from '../http-errors.js';
import { chatGoAppToken, chatGoUserToken, parseChatGoAppBody, parseChatGoUserBody } from './chat-go.js';
import { chatJavaToken, parseChatJavaParams } from './chat-java.js';
import { chatNodeAppToken, chatNodeUserToken, parseChatNodeAppQuery, parseChatNodeUserQuery } from './chat-node.js';
import { fetchRtcToken, parseFetchRtcTokenBody } from './rtc-fetch-token.js';
import type { DocsSampleKind } from './route-list.js';
import type { CredentialsSource } from './sample-input.js';

export { DOCS_SAMPLE_ROUTES, type DocsSampleRouteInfo } from './route-list.js';
export { singleCredentials, type CredentialsSource } from './sample-input.js';

/**
 * Registers the routes of the sample token servers in Agora's docs, so clients written
 * from those docs work against this server unchanged. They sit behind the same Host, CORS
 * and body-limit rules as every route; `config.tokenRoute` marks them for the hooks that
 * count, limit or authenticate token requests.
 */
export function registerDocsSampleRoutes(app: FastifyInstance, deps: CredentialsSource): void {
  app.post('/fetch_rtc_token', routeOptions('rtc', replySchema({ token: 'string', code: 'string' }), answerWithCode), (request) => {
    const input = parseFetchRtcTokenBody(request.body);
    return fetchRtcToken(deps.resolve(input.appId), input);
  });

  const tokenOnly = replySchema({ token: 'string' });
  app.post('/generate-user-token', routeOptions('chat', tokenOnly), (request) => {
    const input = parseChatGoUserBody(request.body);
    return chatGoUserToken(deps.resolve(input.appId), input);
  });
  app.post('/generate-app-token', routeOptions('chat', tokenOnly), (request) => {
    const input = parseChatGoAppBody(request.body);
    return chatGoAppToken(deps.resolve(input.appId), input);
  });

  const success = replySchema({ status: 'string', token: 'string' });
  app.get('/api/token/generateUserToken', routeOptions('chat', success), (request) => {
    const query = parseChatNodeUserQuery(request.query);
    return chatNodeUserToken(deps.resolve(query.appId), query);
  });
  app.get('/api/token/generateAppToken', routeOptions('chat', success), (request) => {
    const query = parseChatNodeAppQuery(request.query);
    return chatNodeAppToken(deps.resolve(query.appId), query);
  });

  // Its own scope, so the form parser serves this route only: elsewhere a form-typed body
  // is still read as JSON, as agora-token-service does.
  void app.register((scope, _options, done) => {
    acceptFormFields(scope);
    scope.post('/token/generate', routeOptions('chat'), (request, reply) => {
      const params = parseChatJavaParams(asRecord(request.query), asRecord(request.body));
      const token = chatJavaToken(deps.resolve(params.appId), params);
      void reply.type('text/plain; charset=utf-8');
      return token;
    });
    done();
  });
}

type ErrorAnswer = (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => void;

function routeOptions(kind: DocsSampleKind, schema?: RouteShorthandOptions['schema'], errorHandler?: ErrorAnswer): RouteShorthandOptions {
  const options: RouteShorthandOptions = { config: { tokenRoute: true, kind, docsSample: true } };
  if (schema !== undefined) options.schema = schema;
  if (errorHandler !== undefined) options.errorHandler = errorHandler;
  return options;
}

/** The Go sample reports every outcome with `code`, the status as a string; errors keep it. */
function answerWithCode(error: FastifyError, _request: FastifyRequest, reply: FastifyReply): void {
  const { status, message } = describeError(error);
  void reply.code(status).send({ ...errorBody(status, message), code: String(status) });
}

// Response schemas let Fastify serialise with a compiled stringifier.
function replySchema(fields: Record<string, 'string'>): RouteShorthandOptions['schema'] {
  const properties = Object.fromEntries(Object.keys(fields).map((field) => [field, { type: 'string' }]));
  return { response: { 200: { type: 'object', properties, required: Object.keys(fields) } } };
}

/** `application/x-www-form-urlencoded` into name → value, or name → values when repeated. */
function acceptFormFields(scope: FastifyInstance): void {
  scope.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_request, body, done) => {
    // No prototype: a field named __proto__ is just a field.
    const fields = Object.create(null) as Record<string, string | string[]>;
    for (const [name, value] of new URLSearchParams(body as string)) {
      const seen = fields[name];
      fields[name] = seen === undefined ? value : [...(Array.isArray(seen) ? seen : [seen]), value];
    }
    done(null, fields);
  });
}

function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}
