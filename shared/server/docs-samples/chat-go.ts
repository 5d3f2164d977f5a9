import { z } from 'zod';
import { buildChatAppToken, buildChatUserToken } from '../../token/build.js';
import { expireSchema, parseInput, userIdSchema, type Credentials } from '../../token/validation.js';
import { goBodyBinder } from '../go-json-body.js';

/**
 * The Chat token server of Agora's Chat docs, Go sample: `POST /generate-user-token`
 * `{"user_uuid": "…", "expire": N}` and `POST /generate-app-token` `{"expire": N}`, both
 * answered with `{"token": "…"}`. Bodies are read as Go's decoder reads them.
 */

const appIdField = z.string({ error: 'appId must be a string' }).optional();

const userTokenSchema = z.object({
  user_uuid: userIdSchema('user_uuid'),
  expire: expireSchema('expire'),
  appId: appIdField,
});
const appTokenSchema = z.object({ expire: expireSchema('expire'), appId: appIdField });

export type ChatGoUserInput = z.output<typeof userTokenSchema>;
export type ChatGoAppInput = z.output<typeof appTokenSchema>;

const bindUserBody = goBodyBinder(['user_uuid', 'expire', 'appId'], 'user_uuid');
const bindAppBody = goBodyBinder(['expire', 'appId'], 'expire');

export function parseChatGoUserBody(body: unknown): ChatGoUserInput {
  return parseInput(userTokenSchema, bindUserBody(body));
}

export function parseChatGoAppBody(body: unknown): ChatGoAppInput {
  // An empty body is not JSON: 400, as the sample's decoder answers it.
  return parseInput(appTokenSchema, bindAppBody(body));
}

export function chatGoUserToken(credentials: Credentials, input: ChatGoUserInput): { token: string } {
  return { token: buildChatUserToken(credentials, { userId: input.user_uuid, expire: input.expire }).token };
}

export function chatGoAppToken(credentials: Credentials, input: ChatGoAppInput): { token: string } {
  return { token: buildChatAppToken(credentials, { expire: input.expire }).token };
}
