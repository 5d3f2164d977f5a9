import { z } from 'zod/mini';
import { expireSchema, parseDigits, resolveExpire, userIdSchema } from '../../contract/fields.js';
import { expireField, finish, newToken } from './common.js';
import { defineKind } from './kind.js';

/**
 * Flexible Classroom (aPaaS). agora-token's EducationTokenBuilder is byte-for-byte the
 * same code as ApaasTokenBuilder, so one kind serves both.
 */
const ROLE_MESSAGE =
  'role must be a Flexible Classroom role number from 1 to 32767 (1 teacher, 2 student, 3 assistant)';
const schema = z
  .strictObject({
    roomUuid: z.optional(userIdSchema('room uuid', 255)),
    userUuid: z.optional(userIdSchema('user uuid', 255)),
    role: z.optional(
      z
        .number({ error: ROLE_MESSAGE })
        .check(
          z.int({ error: ROLE_MESSAGE }),
          z.minimum(1, { error: ROLE_MESSAGE }),
          z.maximum(32767, { error: ROLE_MESSAGE }),
        ),
    ),
    expire: expireSchema('expire'),
  })
  .check(
    z.refine((v) => v.roomUuid === undefined || (v.userUuid !== undefined && v.role !== undefined), {
      error: 'a room token needs the user uuid and role too',
      path: ['userUuid'],
    }),
    z.refine((v) => v.role === undefined || v.roomUuid !== undefined, {
      error: 'role is only for a room token: give the room uuid',
      path: ['roomUuid'],
    }),
  );

export const apaasKind = defineKind({
  id: 'apaas',
  label: 'Flexible Classroom',
  description:
    'Flexible Classroom (aPaaS) token: room user with --room, --user and --role; user with --user; app without',
  formDescription:
    'A Flexible Classroom (aPaaS) token. With a room UUID, user UUID and role it is a room user token. With a user UUID only it is a user token, and with neither an app token.',
  variant: (v) =>
    v.roomUuid !== undefined ? 'room user token' : v.userUuid !== undefined ? 'user token' : 'app token',
  schema,
  fields: [
    {
      key: 'roomUuid',
      flag: 'room',
      label: 'Room UUID',
      help: 'room uuid (for a room-user token)',
      hint: 'For a room user token, together with the user UUID and role.',
      type: 'text',
      valueName: '<uuid>',
    },
    {
      key: 'userUuid',
      flag: 'user',
      label: 'User UUID',
      help: 'user uuid (omit for an app token)',
      hint: 'Leave empty for an app token.',
      type: 'text',
      valueName: '<uuid>',
    },
    {
      key: 'role',
      flag: 'role',
      label: 'Role number',
      help: 'room role: 1 teacher, 2 student, 3 assistant (room token only)',
      hint: '1 teacher, 2 student, 3 assistant. Only for a room user token.',
      type: 'int',
      valueName: '<n>',
    },
    expireField,
  ],
  examples: ['--room class-1 --user alice --role 2', '--user alice', '--expire 600'],
  httpTokenType: 'apaas',
  fromHttpBody: (body) => ({
    ...(body.channel === undefined ? {} : { roomUuid: body.channel }),
    ...(body.uid === undefined ? {} : { userUuid: body.uid }),
    ...(body.role === undefined ? {} : { role: parseDigits(body.role, 5) ?? Number.NaN }),
    ...(body.expire === undefined ? {} : { expire: body.expire }),
  }),
  httpCall: (v) => ({
    method: 'POST',
    path: '/getToken',
    body: {
      tokenType: 'apaas',
      ...(v.roomUuid === undefined ? {} : { channel: v.roomUuid }),
      ...(v.userUuid === undefined ? {} : { uid: v.userUuid }),
      ...(v.role === undefined ? {} : { role: String(v.role) }),
      ...(v.expire === undefined ? {} : { expire: v.expire }),
    },
  }),
  build(kit, credentials, v, options) {
    const expire = resolveExpire(v.expire);
    const token = newToken(kit, credentials, expire, options);
    const A = kit.ServiceApaas;
    if (v.roomUuid !== undefined && v.userUuid !== undefined) {
      token.add_service(new A(v.roomUuid, v.userUuid, v.role));
      const rtm = new kit.ServiceRtm(v.userUuid);
      rtm.add_privilege(kit.ServiceRtm.kPrivilegeLogin, expire);
      token.add_service(rtm);
      const chat = new kit.ServiceChat(kit.md5Hex(v.userUuid));
      chat.add_privilege(kit.ServiceChat.kPrivilegeUser, expire);
      token.add_service(chat);
    } else if (v.userUuid !== undefined) {
      const apaas = new A('', v.userUuid);
      apaas.add_privilege(A.PRIVILEGE_USER, expire);
      token.add_service(apaas);
    } else {
      const apaas = new A();
      apaas.add_privilege(A.PRIVILEGE_APP, expire);
      token.add_service(apaas);
    }
    return finish(token);
  },
});
