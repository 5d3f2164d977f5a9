import type { FastifyInstance } from 'fastify';
import type { HttpRoutes } from '../contract/index.js';
import type { ContextOf } from './route-policies.js';
import { bodySchema, errorResponses, expiryQuery, pathParams, replySchema } from './route-schemas.js';
import { chatFromPath, rteFromPath, rtcFromPath, rtmFromPath, tokenFromBody } from './token-requests.js';

/** Fastify's route generics for one entry of the contract's HttpRoutes. */
type RouteOf<K extends keyof HttpRoutes> = {
  Params: HttpRoutes[K]['params'];
  Querystring: (HttpRoutes[K] extends { query: infer Q } ? Q : unknown) & { appId?: string };
  Body: HttpRoutes[K] extends { body: infer B } ? B : unknown;
  Reply: HttpRoutes[K]['response'];
};

// Handlers are synchronous: an async one costs a promise and a microtask per request.
// Response schemas let Fastify serialise replies with a compiled stringifier. Input is
// checked by our own parsers, so its schemas live in `config.openapi`, read only by the
// OpenAPI generator: as Fastify schemas they would run a validator on every request.

/** The agora-token-service routes. Trailing slashes are optional through the router option. */
export function registerTokenRoutes(app: FastifyInstance, contextOf: ContextOf): void {
  app.get<RouteOf<'GET /ping'>>(
    '/ping',
    { schema: { summary: 'Liveness check', response: replySchema('message') } },
    () => ({ message: 'pong' }),
  );

  app.post<RouteOf<'POST /getToken'>>(
    '/getToken',
    {
      config: { tokenRoute: true, kind: 'getToken', openapi: { body: bodySchema } },
      schema: {
        summary: 'An RTC, RTM or Chat token from a JSON body',
        response: { ...replySchema('token'), ...errorResponses },
      },
    },
    (request) => ({ token: tokenFromBody(contextOf(request), request.body).token }),
  );

  const rtcSchema = { summary: 'An RTC token', response: { ...replySchema('rtcToken'), ...errorResponses } };
  const rtc = {
    config: {
      tokenRoute: true,
      kind: 'rtc',
      openapi: { params: pathParams('channelName', 'role', 'tokenType', 'rtcuid'), querystring: expiryQuery },
    },
    schema: rtcSchema,
  };
  app.get<RouteOf<'GET /rtc/:channelName/:role/:tokenType/:rtcuid'>>(
    '/rtc/:channelName/:role/:tokenType/:rtcuid',
    rtc,
    (request) => ({
      rtcToken: rtcFromPath(contextOf(request), request.params, request.query).token,
    }),
  );
  // `/rtc/CHANNEL/ROLE/uid/` with the uid left empty: uid 0, as in the Go service.
  app.get<RouteOf<'GET /rtc/:channelName/:role/:tokenType/:rtcuid'>>(
    '/rtc/:channelName/:role/:tokenType',
    {
      config: {
        tokenRoute: true,
        kind: 'rtc',
        openapi: { params: pathParams('channelName', 'role', 'tokenType'), querystring: expiryQuery },
      },
      schema: rtcSchema,
    },
    (request) => ({ rtcToken: rtcFromPath(contextOf(request), request.params, request.query).token }),
  );

  app.get<RouteOf<'GET /rtm/:rtmuid'>>(
    '/rtm/:rtmuid',
    {
      config: { tokenRoute: true, kind: 'rtm', openapi: { params: pathParams('rtmuid'), querystring: expiryQuery } },
      schema: { summary: 'An RTM token', response: { ...replySchema('rtmToken'), ...errorResponses } },
    },
    (request) => ({ rtmToken: rtmFromPath(contextOf(request), request.params.rtmuid, request.query).token }),
  );

  type RteRoute = RouteOf<'GET /rte/:channelName/:role/:tokenType/:rtcuid/:rtmuid?'>;
  const rteSchema = {
    summary: 'An RTC and an RTM token together',
    response: { ...replySchema('rtcToken', 'rtmToken'), ...errorResponses },
  };
  const rteConfig = (...params: string[]) => ({
    tokenRoute: true,
    kind: 'rte',
    openapi: { params: pathParams(...params), querystring: expiryQuery },
  });
  const rteHandler = (
    request: { params: RteRoute['Params']; query: RteRoute['Querystring'] } & Parameters<ContextOf>[0],
  ) => {
    const built = rteFromPath(contextOf(request), request.params, request.query);
    return { rtcToken: built.rtcToken, rtmToken: built.rtmToken };
  };
  // Three routes rather than one with an optional segment, so the OpenAPI paths are plain.
  app.get<RteRoute>(
    '/rte/:channelName/:role/:tokenType/:rtcuid/:rtmuid',
    { config: rteConfig('channelName', 'role', 'tokenType', 'rtcuid', 'rtmuid'), schema: rteSchema },
    rteHandler,
  );
  app.get<RteRoute>(
    '/rte/:channelName/:role/:tokenType/:rtcuid',
    { config: rteConfig('channelName', 'role', 'tokenType', 'rtcuid'), schema: rteSchema },
    rteHandler,
  );
  app.get<RteRoute>(
    '/rte/:channelName/:role/:tokenType',
    { config: rteConfig('channelName', 'role', 'tokenType'), schema: rteSchema },
    rteHandler,
  );

  const chatReply = { ...replySchema('chatToken'), ...errorResponses };
  app.get<RouteOf<'GET /chat/app'>>(
    '/chat/app',
    {
      config: { tokenRoute: true, kind: 'chat', openapi: { querystring: expiryQuery } },
      schema: { summary: 'A Chat app token', response: chatReply },
    },
    (request) => ({
      chatToken: chatFromPath(contextOf(request), undefined, request.query).token,
    }),
  );
  app.get<RouteOf<'GET /chat/account/:chatid'>>(
    '/chat/account/:chatid',
    {
      config: { tokenRoute: true, kind: 'chat', openapi: { params: pathParams('chatid'), querystring: expiryQuery } },
      schema: { summary: 'A Chat user token', response: chatReply },
    },
    (request) => ({ chatToken: chatFromPath(contextOf(request), request.params.chatid, request.query).token }),
  );
}
