import { z } from 'zod/mini';
import {
  accountSchema,
  channelSchema,
  expireSchema,
  MAX_UINT32,
  roleSchema,
  uidSchema,
  userIdSchema,
} from '../../contract/fields.js';
import { channelField, expireField, roleField, rtmUserOf, uidOrAccount } from './common.js';
import { defineKind } from './kind.js';
import { rtcKind } from './rtc.js';
import { rtmKind } from './rtm.js';

const schema = z
  .strictObject({
    channel: channelSchema,
    uid: z.optional(uidSchema),
    account: z.optional(accountSchema),
    rtmUserId: z.optional(userIdSchema('RTM user id')),
    role: z._default(roleSchema, 'publisher'),
    expire: expireSchema('expire'),
  })
  .check(
    z.refine(uidOrAccount.check, uidOrAccount.message),
    z.refine((v) => v.uid !== 0 || v.rtmUserId !== undefined, {
      error: 'RTM user id is required when the RTC uid is 0',
      path: ['rtmUserId'],
    }),
  );

const seg = encodeURIComponent;

export const rteKind = defineKind({
  id: 'rte',
  label: 'RTC + RTM',
  description: 'an RTC token and an RTM token for the same user and channel (printed on two lines)',
  formDescription: 'Two tokens for the same user and channel: one for RTC and one for RTM.',
  schema,
  fields: [
    channelField,
    // By uid only, as the CLI always had it; GET /rte/ also takes an account.
    {
      key: 'uid',
      flag: 'uid',
      label: 'UID',
      help: `numeric RTC user id, 0..${MAX_UINT32}`,
      hint: `A number from 1 to ${MAX_UINT32}, which is also the RTM user ID unless you give one. 0 lets any user join and then needs an RTM user ID.`,
      formDefault: '1',
      type: 'uid',
      valueName: '<n>',
      required: true,
    },
    {
      key: 'rtmUserId',
      flag: 'rtm-uid',
      label: 'RTM user ID',
      help: 'RTM user id (default: the RTC uid; required when --uid is 0)',
      hint: 'Empty: the UID. Needed when the UID is 0.',
      type: 'text',
      valueName: '<user>',
    },
    roleField,
    expireField,
  ],
  examples: ['--channel demo --uid 42', '--channel demo --uid 0 --rtm-uid alice'],
  httpCall(v) {
    const user = v.account === undefined ? `uid/${v.uid ?? 0}` : `userAccount/${seg(v.account)}`;
    const rtm = v.rtmUserId === undefined ? '' : `${seg(v.rtmUserId)}/`;
    return {
      method: 'GET',
      path: `/rte/${seg(v.channel)}/${v.role}/${user}/${rtm}${v.expire === undefined ? '' : `?expiry=${v.expire}`}`,
    };
  },
  build(kit, credentials, v, options) {
    const rtmUserId = rtmUserOf(v);
    const user = v.account === undefined ? { uid: v.uid } : { account: v.account };
    const rtc = rtcKind.build(
      kit,
      credentials,
      { channel: v.channel, role: v.role, expire: v.expire, ...user },
      options,
    );
    const rtm = rtmKind.build(
      kit,
      credentials,
      { userId: rtmUserId, channel: v.channel, expire: v.expire },
      {
        ...options,
        issuedAt: rtc.issuedAt,
      },
    );
    if (!('token' in rtc) || !('token' in rtm)) throw new Error('rte: expected single tokens');
    return {
      rtcToken: rtc.token,
      rtmToken: rtm.token,
      rtmUserId,
      issuedAt: rtc.issuedAt,
      expire: rtc.expire,
      expiresAt: rtc.expiresAt,
    };
  },
});
