import { z } from 'zod';
import { buildChatAppToken, buildChatUserToken } from '../../token/build.js';
import { parseInput, userIdSchema, type Credentials } from '../../token/validation.js';
import { secondsField, textField } from './sample-input.js';

/**
 * The Chat token server of Agora's Chat docs, Node.js and Python samples:
 * `GET /api/token/generateUserToken?account=…&expireTimeInSeconds=N` and
 * `GET /api/token/generateAppToken?expireTimeInSeconds=N`, answered with
 * `{"status": "success", "token": "…"}`.
 */

const expireTimeInSeconds = secondsField('expireTimeInSeconds').optional();
const appId = textField('appId');

const userQuerySchema = z.object({
  account: z
    .string({
      error: (issue) => (issue.input === undefined ? 'account is required' : 'account must be given once, as text'),
    })
    .pipe(userIdSchema('account')),
  expireTimeInSeconds,
  appId,
});
const appQuerySchema = z.object({ expireTimeInSeconds, appId });

export type ChatNodeUserQuery = z.output<typeof userQuerySchema>;
export type ChatNodeAppQuery = z.output<typeof appQuerySchema>;

export function parseChatNodeUserQuery(query: unknown): ChatNodeUserQuery {
  return parseInput(userQuerySchema, query ?? {});
}

export function parseChatNodeAppQuery(query: unknown): ChatNodeAppQuery {
  return parseInput(appQuerySchema, query ?? {});
}

export interface ChatNodeReply {
  status: 'success';
  token: string;
}

/**
 * A Chat user token for `account`. (The Node sample builds an app token on this route by
 * mistake; a client asking for a user token gets one here.)
 */
export function chatNodeUserToken(credentials: Credentials, query: ChatNodeUserQuery): ChatNodeReply {
  const built = buildChatUserToken(credentials, { userId: query.account, expire: query.expireTimeInSeconds });
  return { status: 'success', token: built.token };
}

export function chatNodeAppToken(credentials: Credentials, query: ChatNodeAppQuery): ChatNodeReply {
  return { status: 'success', token: buildChatAppToken(credentials, { expire: query.expireTimeInSeconds }).token };
}
