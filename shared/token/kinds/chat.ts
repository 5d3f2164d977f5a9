import { z } from 'zod/mini';
import { expireSchema, resolveExpire, userIdSchema } from '../../contract/fields.js';
import { expireField, finish, newToken } from './common.js';
import { defineKind } from './kind.js';

const schema = z.strictObject({ userId: z.optional(userIdSchema('user id')), expire: expireSchema('expire') });

export const chatKind = defineKind({
  id: 'chat',
  label: 'Chat',
  description: 'Chat token: a user token with --uid, an app token without',
  formDescription: 'A Chat token: a user token when you give a user ID, an app token when you leave it empty.',
  variant: (v) => (v.userId === undefined ? 'app token' : 'user token'),
  schema,
  fields: [
    {
      key: 'userId',
      flag: 'uid',
      label: 'User ID',
      help: 'Chat user id (omit for an app token)',
      hint: 'Leave empty for an app token.',
      type: 'text',
      valueName: '<user>',
    },
    expireField,
  ],
  examples: ['--uid alice', '--expire 600'],
  httpTokenType: 'chat',
  httpCall(v) {
    const query = v.expire === undefined ? '' : `?expiry=${v.expire}`;
    return {
      method: 'GET',
      path: v.userId === undefined ? `/chat/app/${query}` : `/chat/account/${encodeURIComponent(v.userId)}/${query}`,
    };
  },
  build(kit, credentials, v, options) {
    const expire = resolveExpire(v.expire);
    const token = newToken(kit, credentials, expire, options);
    const chat = new kit.ServiceChat(v.userId);
    chat.add_privilege(v.userId === undefined ? kit.ServiceChat.kPrivilegeApp : kit.ServiceChat.kPrivilegeUser, expire);
    token.add_service(chat);
    return finish(token);
  },
});
