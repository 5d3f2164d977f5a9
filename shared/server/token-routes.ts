import type { FastifyInstance } from 'fastify';
import type { HttpRoutes } from '../contract/index.js';
import type { Credentials } from '../token/validation.js';
import { chatFromPath, rteFromPath, rtcFromPath, rtmFromPath, tokenFromBody } from './token-requests.js';

/** Fastify's route generics for one entry of the contract's HttpRoutes. */
type RouteOf<K extends keyof HttpRoutes> = {
  Params: HttpRoutes[K]['params'];
  Querystring: HttpRoutes[K] extends { query: infer Q } ? Q : unknown;
  Body: HttpRoutes[K] extends { body: infer B } ? B : unknown;
  Reply: HttpRoutes[K]['response'];
};

// Handlers are synchronous: an async one costs a promise and a microtask per request.
// Response schemas let Fastify serialise with a compiled stringifier instead of JSON.stringify.
function replySchema(...fields: string[]) {
  return {
    response: {
      200: {
        type: 'object',
        properties: Object.fromEntries(fields.map((field) => [field, { type: 'string' }])),
        required: fields,
      },
    },
  };
}

/** The agora-token-service routes. Trailing slashes are optional through the router option. */
export function registerTokenRoutes(app: FastifyInstance, credentials: Credentials): void {
  app.get<RouteOf<'GET /ping'>>('/ping', { schema: replySchema('message') }, () => ({ message: 'pong' }));

  app.post<RouteOf<'POST /getToken'>>('/getToken', { schema: replySchema('token') }, (request) => ({
    token: tokenFromBody(credentials, request.body).token,
  }));

  const rtc = replySchema('rtcToken');
  app.get<RouteOf<'GET /rtc/:channelName/:role/:tokenType/:rtcuid'>>(
    '/rtc/:channelName/:role/:tokenType/:rtcuid',
    { schema: rtc },
    (request) => ({ rtcToken: rtcFromPath(credentials, request.params, request.query).token }),
  );
  // `/rtc/CHANNEL/ROLE/uid/` with the uid left empty: uid 0, as in the Go service.
  app.get<RouteOf<'GET /rtc/:channelName/:role/:tokenType/:rtcuid'>>(
    '/rtc/:channelName/:role/:tokenType',
    { schema: rtc },
    (request) => ({ rtcToken: rtcFromPath(credentials, request.params, request.query).token }),
  );

  app.get<RouteOf<'GET /rtm/:rtmuid'>>('/rtm/:rtmuid', { schema: replySchema('rtmToken') }, (request) => ({
    rtmToken: rtmFromPath(credentials, request.params.rtmuid, request.query).token,
  }));

  const rte = replySchema('rtcToken', 'rtmToken');
  const rteHandler = (request: {
    params: HttpRoutes['GET /rte/:channelName/:role/:tokenType/:rtcuid/:rtmuid?']['params'];
    query: { expiry?: string };
  }) => {
    const built = rteFromPath(credentials, request.params, request.query);
    return { rtcToken: built.rtcToken, rtmToken: built.rtmToken };
  };
  type RteRoute = RouteOf<'GET /rte/:channelName/:role/:tokenType/:rtcuid/:rtmuid?'>;
  app.get<RteRoute>('/rte/:channelName/:role/:tokenType/:rtcuid/:rtmuid?', { schema: rte }, rteHandler);
  app.get<RteRoute>('/rte/:channelName/:role/:tokenType', { schema: rte }, rteHandler);

  const chat = replySchema('chatToken');
  app.get<RouteOf<'GET /chat/app'>>('/chat/app', { schema: chat }, (request) => ({
    chatToken: chatFromPath(credentials, undefined, request.query).token,
  }));
  app.get<RouteOf<'GET /chat/account/:chatid'>>('/chat/account/:chatid', { schema: chat }, (request) => ({
    chatToken: chatFromPath(credentials, request.params.chatid, request.query).token,
  }));
}
