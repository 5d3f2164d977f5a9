import { z } from 'zod/mini';
import { expireSchema, resolveExpire, streamChannelSchema, userIdSchema } from '../../contract/fields.js';
import type { AgoraKit } from './agora-kit-type.js';
import { expireField, finish, newToken } from './common.js';
import { defineKind } from './kind.js';

/** RTM2 resource types as written on the command line, and agora-token's numbers for them. */
export const RTM2_RESOURCES = ['message', 'stream', 'group', 'server-group', 'user'] as const;
type Rtm2Resource = (typeof RTM2_RESOURCES)[number];

const RESOURCE_PATTERN = /^(message|stream|group|server-group|user):(.{1,128})$/s;
const grantSchema = z.string().check(
  z.regex(RESOURCE_PATTERN, {
    error:
      'a permission is TYPE:NAME, TYPE one of message, stream, group, server-group, user; NAME a name or pattern such as room-*',
  }),
);

const schema = z
  .strictObject({
    userId: userIdSchema('user id'),
    channel: z.optional(streamChannelSchema),
    expire: expireSchema('expire'),
    permissions: z.optional(
      z.strictObject({ read: z.optional(z.array(grantSchema)), write: z.optional(z.array(grantSchema)) }),
    ),
  })
  .check(
    z.refine((v) => v.channel === undefined || v.permissions === undefined, {
      error: 'give either a stream channel or RTM permissions, not both',
      path: ['permissions'],
    }),
  );

function resourceNumber(kit: AgoraKit, resource: Rtm2Resource): number {
  const P = kit.Rtm2Permissions;
  const numbers: Record<Rtm2Resource, number> = {
    message: P.kMessageChannels,
    stream: P.kStreamChannels,
    group: P.kGroupChannels,
    'server-group': P.kServerGroups,
    user: P.kUsers,
  };
  return numbers[resource];
}

/** `message:room-*` grants, grouped the way agora-token's Rtm2Permissions holds them. */
function permissionsOf(kit: AgoraKit, grants: { read?: string[] | undefined; write?: string[] | undefined }) {
  const permissions = new kit.Rtm2Permissions();
  const add = (list: string[] | undefined, access: number) => {
    const byResource = new Map<number, string[]>();
    for (const grant of list ?? []) {
      const [, resource, name] = RESOURCE_PATTERN.exec(grant) ?? [];
      const type = resourceNumber(kit, resource as Rtm2Resource);
      byResource.set(type, [...(byResource.get(type) ?? []), name ?? '']);
    }
    for (const [type, names] of byResource) permissions.add(type, access, names);
  };
  add(grants.read, kit.Rtm2Permissions.kRead);
  add(grants.write, kit.Rtm2Permissions.kWrite);
  return permissions;
}

export const rtmKind = defineKind({
  id: 'rtm',
  label: 'RTM',
  description:
    'RTM login token; with --channel it also allows joining that stream channel, with --read/--write it carries RTM2 permissions',
  formDescription:
    'An RTM login token. With a stream channel it may also join that channel. With RTM 2 permissions it carries those instead.',
  schema,
  fields: [
    {
      key: 'userId',
      flag: 'uid',
      label: 'User ID',
      help: 'RTM user id (up to 64 bytes)',
      hint: 'Up to 64 bytes.',
      type: 'text',
      valueName: '<user>',
      required: true,
    },
    {
      key: 'channel',
      flag: 'channel',
      label: 'Stream channel (optional)',
      help: 'stream channel the token may join (* for any)',
      hint: 'A channel name, or * for any channel.',
      type: 'text',
      valueName: '<name>',
    },
    expireField,
    {
      key: 'permissions.read',
      flag: 'read',
      label: 'RTM 2 read permissions',
      hint: 'TYPE:NAME entries, separated by spaces or commas. TYPE is message, stream, group, server-group or user. NAME may be a pattern such as room-*.',
      help: 'RTM2 read permission TYPE:NAME (message, stream, group, server-group, user; NAME may be a pattern like room-*); repeat or separate with commas',
      type: 'list',
      valueName: '<type:name>',
      advanced: true,
    },
    {
      key: 'permissions.write',
      flag: 'write',
      label: 'RTM 2 write permissions',
      hint: 'Written as the read permissions.',
      help: 'RTM2 write permission TYPE:NAME, as --read',
      type: 'list',
      valueName: '<type:name>',
      advanced: true,
    },
  ],
  examples: ['--uid alice', '--uid alice --channel lobby', '--uid alice --read message:room-* --write stream:lobby'],
  httpTokenType: 'rtm',
  httpCall(v) {
    if (v.permissions !== undefined)
      return { unavailable: 'The server API does not take RTM2 permissions: no curl equivalent.' };
    if (v.channel !== undefined) {
      // GET /rtm has no stream channel; POST /getToken carries one.
      return {
        method: 'POST',
        path: '/getToken',
        body: {
          tokenType: 'rtm',
          uid: v.userId,
          channel: v.channel,
          ...(v.expire === undefined ? {} : { expire: v.expire }),
        },
      };
    }
    return {
      method: 'GET',
      path: `/rtm/${encodeURIComponent(v.userId)}/${v.expire === undefined ? '' : `?expiry=${v.expire}`}`,
    };
  },
  build(kit, credentials, v, options) {
    const expire = resolveExpire(v.expire);
    const token = newToken(kit, credentials, expire, options);
    if (v.permissions !== undefined) {
      const rtm2 = new kit.ServiceRtm2(v.userId, permissionsOf(kit, v.permissions));
      rtm2.add_privilege(kit.ServiceRtm2.kPrivilegeLogin, expire);
      token.add_service(rtm2);
      return finish(token);
    }
    const rtm = new kit.ServiceRtm(v.userId);
    rtm.add_privilege(kit.ServiceRtm.kPrivilegeLogin, expire);
    token.add_service(rtm);
    if (v.channel !== undefined) {
      // RTM stream channels are joined through RTC: the user id doubles as the RTC account.
      const rtc = new kit.ServiceRtc(v.channel, v.userId);
      rtc.add_privilege(kit.ServiceRtc.kPrivilegeJoinChannel, expire);
      rtc.add_privilege(kit.ServiceRtc.kPrivilegePublishDataStream, expire);
      token.add_service(rtc);
    }
    return finish(token);
  },
});
