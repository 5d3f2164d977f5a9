import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest, RouteShorthandOptions } from 'fastify';
import { describeError, errorBody } from '../http-errors.js';
import { CHAT_ANSWERS } from './chat-answers.js';
import { chatJavaToken, parseChatJavaParams } from './chat-java.js';
import { fetchRtcToken, parseFetchRtcTokenBody } from './rtc-fetch-token.js';
import { noteErrorMessage } from '../response-notes.js';
import { DOCS_SAMPLE_ROUTES } from './route-list.js';
import type { ContextOf } from '../route-policies.js';
import type { Grant } from '../token-requests.js';
import type { Credentials } from '../../token/validation.js';

export { DOCS_SAMPLE_ROUTES, type DocsSampleRouteInfo } from './route-list.js';

/**
 * Registers the routes of the sample token servers in Agora's docs, so clients written
 * from those docs work against this server unchanged. They sit behind the same Host, CORS
 * and body-limit rules as every route; `config.tokenRoute` marks them for the hooks that
 * count, limit or authenticate token requests.
 */
export function registerDocsSampleRoutes(app: FastifyInstance, contextOf: ContextOf): void {
  app.post(
    '/fetch_rtc_token',
    routeOptions('/fetch_rtc_token', replySchema({ token: 'string', code: 'string' }), answerWithCode),
    (request) => {
      const input = parseFetchRtcTokenBody(request.body);
      return fetchRtcToken(
        credentialsFor(contextOf, request, input.appId, { user: String(input.uid ?? 0), channel: input.channelName }),
        input,
      );
    },
  );

  // The JSON Chat routes, one per entry of the route list that has an answer.
  for (const route of DOCS_SAMPLE_ROUTES) {
    const answer = CHAT_ANSWERS[route.path];
    if (answer === undefined) continue;
    app.route({
      ...routeOptions(route.path, { response: { 200: route.responseSchema } }),
      method: route.method,
      url: route.path,
      handler: (request) =>
        answer(route.input === 'json-body' ? request.body : request.query, (appId, grant) =>
          credentialsFor(contextOf, request, appId, grant),
        ),
    });
  }

  // Its own scope, so the form parser serves this route only: elsewhere a form-typed body
  // is still read as JSON, as agora-token-service does.
  void app.register((scope, _options, done) => {
    acceptFormFields(scope);
    scope.post('/token/generate', routeOptions('/token/generate'), (request, reply) => {
      const params = parseChatJavaParams(asRecord(request.query), asRecord(request.body));
      const grant = { user: params.tokenType === 'app' ? undefined : params.userId, channel: undefined };
      const token = chatJavaToken(credentialsFor(contextOf, request, params.appId, grant), params);
      void reply.type('text/plain; charset=utf-8');
      return token;
    });
    done();
  });
}

/** The profile the request names (404 for an unknown one), once the caller may have this grant. */
function credentialsFor(
  contextOf: ContextOf,
  request: FastifyRequest,
  appId: string | undefined,
  grant: Grant,
): Credentials {
  const context = contextOf(request);
  const credentials = context.source.resolve(appId);
  context.authorize(grant);
  return credentials;
}

type ErrorAnswer = (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => void;

/** A route's options from its entry in the route list: token kind, and its input for /openapi.json. */
function routeOptions(
  path: string,
  schema?: RouteShorthandOptions['schema'],
  errorHandler?: ErrorAnswer,
): RouteShorthandOptions {
  const info = DOCS_SAMPLE_ROUTES.find((route) => route.path === path);
  if (info === undefined) throw new Error(`${path} is not in DOCS_SAMPLE_ROUTES`);
  // For /openapi.json only: the parsers check the input, with the samples' own rules.
  const openapi = info.input === 'json-body' ? { body: info.inputSchema } : { querystring: info.inputSchema };
  const options: RouteShorthandOptions = { config: { tokenRoute: true, kind: info.kind, openapi } };
  if (schema !== undefined) options.schema = schema;
  if (errorHandler !== undefined) options.errorHandler = errorHandler;
  return options;
}

/** The Go sample reports every outcome with `code`, the status as a string; errors keep it. */
function answerWithCode(error: FastifyError, _request: FastifyRequest, reply: FastifyReply): void {
  const { status, message } = describeError(error);
  noteErrorMessage(reply, message);
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
