import { z } from 'zod/mini';
import { resolveExpire, parseUidString } from '../../contract/fields.js';
import type { BuiltToken } from '../../contract/views.js';
import type { AccessToken2 } from 'agora-token/src/AccessToken2.js';
import type { AgoraKit } from './agora-kit-type.js';
import type { Credentials } from '../../contract/fields.js';
import {
  accountField,
  addRtcService,
  channelField,
  expireField,
  finish,
  newToken,
  privilegeFields,
  roleField,
  rtcExpiries,
  rtcShape,
  rtmUserFields,
  rtmUserOf,
  rtmUserShape,
  rtcRtmUidField,
  uidOrAccount,
} from './common.js';
import { defineKind, type BuildOptions, type HttpTokenFields, type KindField } from './kind.js';

/** RTC + RTM in one token; the shape convoai and stt share. */
export const rtcWithRtmSchema = z.strictObject({ ...rtcShape, ...rtmUserShape }).check(
  z.refine(uidOrAccount.check, uidOrAccount.message),
  z.refine((v) => v.uid !== 0 || v.rtmUserId !== undefined, {
    error: 'RTM user id is required when the RTC uid is 0',
    path: ['rtmUserId'],
  }),
);
export type RtcWithRtmInput = z.output<typeof rtcWithRtmSchema>;

export const rtcWithRtmFields: readonly KindField[] = [
  channelField,
  rtcRtmUidField,
  accountField,
  roleField,
  expireField,
  ...rtmUserFields,
  ...privilegeFields,
];

/**
 * As agora-token's RtcTokenBuilder.buildTokenWithRtm2 (and ConvoAI/Stt builders): the
 * RTC service, the RTM login, then `extra` (the ConvoAI or STT service) if any.
 */
export function buildRtcWithRtm(
  kit: AgoraKit,
  credentials: Credentials,
  v: RtcWithRtmInput,
  options: BuildOptions,
  extra?: (token: AccessToken2) => void,
): BuiltToken {
  const expire = rtcExpiries(v).expire;
  const token = newToken(kit, credentials, expire, options);
  addRtcService(kit, token, v);
  const rtm = new kit.ServiceRtm(rtmUserOf(v));
  rtm.add_privilege(
    kit.ServiceRtm.kPrivilegeLogin,
    v.rtmExpire === undefined || v.rtmExpire === 0 ? expire : v.rtmExpire,
  );
  token.add_service(rtm);
  extra?.(token);
  return finish(token);
}

/** POST /getToken: a decimal uid builds by uid, any other string is an account (and the RTM user). */
export function rtcWithRtmFromBody(body: HttpTokenFields): Record<string, unknown> {
  const uid = body.uid === undefined ? undefined : parseUidString(body.uid);
  return {
    channel: body.channel ?? '',
    ...(body.uid === undefined ? {} : uid === undefined ? { account: body.uid } : { uid }),
    role: body.role === 'publisher' || body.role === undefined ? 'publisher' : 'subscriber',
    ...(body.expire === undefined ? {} : { expire: body.expire }),
  };
}

/** The POST /getToken call for these kinds, when the input fits its few fields. */
export function rtcWithRtmHttpCall(tokenType: string, v: RtcWithRtmInput) {
  const simple =
    v.privilegeExpire === undefined &&
    v.privileges === undefined &&
    v.rtmExpire === undefined &&
    v.rtmUserId === undefined;
  if (!simple) {
    return {
      unavailable: 'The server API takes channel, uid, role and expire only: no curl equivalent for the other options.',
    } as const;
  }
  const uid = v.account ?? String(v.uid ?? 0);
  return {
    method: 'POST',
    path: '/getToken',
    body: {
      tokenType,
      channel: v.channel,
      uid,
      role: v.role,
      ...(v.expire === undefined ? {} : { expire: resolveExpire(v.expire) }),
    },
  } as const;
}

export const rtcRtmKind = defineKind({
  id: 'rtc-rtm',
  label: 'RTC & RTM in one',
  description: 'one token carrying RTC (channel, uid or account, role, privileges) and RTM login',
  formDescription:
    'One token that joins an RTC channel and logs in to RTM, for apps that use both with a single token.',
  schema: rtcWithRtmSchema,
  fields: rtcWithRtmFields,
  examples: [
    '--channel demo --account alice',
    '--channel demo --uid 42 --rtm-uid alice --rtm-expire 600 --join-expire 300',
  ],
  httpTokenType: 'rtc-rtm',
  fromHttpBody: rtcWithRtmFromBody,
  httpCall: (v) => rtcWithRtmHttpCall('rtc-rtm', v),
  build: (kit, credentials, v, options) => buildRtcWithRtm(kit, credentials, v, options),
});
