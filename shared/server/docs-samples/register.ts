import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest, RouteShorthandOptions } from 'fastify';
import { describeError, errorBody } from '../http-errors.js';
import { chatGoAppToken, chatGoUserToken, parseChatGoAppBody, parseChatGoUserBody } from './chat-go.js';
import { chatJavaToken, parseChatJavaParams } from './chat-java.js';
import { chatNodeAppToken, chatNodeUserToken, parseChatNodeAppQuery, parseChatNodeUserQuery } from './chat-node.js';
import { fetchRtcToken, parseFetchRtcTokenBody } from './rtc-fetch-token.js';
import { noteErrorMessage } from '../response-notes.js';
import { DOCS_SAMPLE_ROUTES, type DocsSampleKind } from './route-list.js';
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
    routeOptions('/fetch_rtc_token', 'rtc', replySchema({ token: 'string', code: 'string' }), answerWithCode),
    (request) => {
      const input = parseFetchRtcTokenBody(request.body);
      return fetchRtcToken(
        credentialsFor(contextOf, request, input.appId, { user: String(input.uid ?? 0), channel: input.channelName }),
        input,
      );
    },
  );

  const tokenOnly = replySchema({ token: 'string' });
  app.post('/generate-user-token', routeOptions('/generate-user-token', 'chat', tokenOnly), (request) => {
    const input = parseChatGoUserBody(request.body);
    return chatGoUserToken(
      credentialsFor(contextOf, request, input.appId, { user: input.user_uuid, channel: undefined }),
      input,
    );
  });
  app.post('/generate-app-token', routeOptions('/generate-app-token', 'chat', tokenOnly), (request) => {
    const input = parseChatGoAppBody(request.body);
    return chatGoAppToken(
      credentialsFor(contextOf, request, input.appId, { user: undefined, channel: undefined }),
      input,
    );
  });

  const success = replySchema({ status: 'string', token: 'string' });
  app.get('/api/token/generateUserToken', routeOptions('/api/token/generateUserToken', 'chat', success), (request) => {
    const query = parseChatNodeUserQuery(request.query);
    return chatNodeUserToken(
      credentialsFor(contextOf, request, query.appId, { user: query.account, channel: undefined }),
      query,
    );
  });
  app.get('/api/token/generateAppToken', routeOptions('/api/token/generateAppToken', 'chat', success), (request) => {
    const query = parseChatNodeAppQuery(request.query);
    return chatNodeAppToken(
      credentialsFor(contextOf, request, query.appId, { user: undefined, channel: undefined }),
      query,
    );
  });

  // Its own scope, so the form parser serves this route only: elsewhere a form-typed body
  // is still read as JSON, as agora-token-service does.
  void app.register((scope, _options, done) => {
    acceptFormFields(scope);
    scope.post('/token/generate', routeOptions('/token/generate', 'chat'), (request, reply) => {
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

function routeOptions(
  path: string,
  kind: DocsSampleKind,
  schema?: RouteShorthandOptions['schema'],
  errorHandler?: ErrorAnswer,
): RouteShorthandOptions {
  const info = DOCS_SAMPLE_ROUTES.find((route) => route.path === path);
  // For /openapi.json only: the parsers below check the input, with the samples' own rules.
  const openapi =
    info === undefined
      ? undefined
      : info.input === 'json-body'
        ? { body: info.inputSchema }
        : { querystring: info.inputSchema };
  const options: RouteShorthandOptions = {
    config: { tokenRoute: true, kind, ...(openapi === undefined ? {} : { openapi }) },
  };
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
