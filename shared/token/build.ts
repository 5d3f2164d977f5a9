import { z } from 'zod';
import {
  AccessToken2,
  ServiceChat,
  ServiceRtc,
  ServiceRtm,
} from 'agora-token/src/AccessToken2.js';
import { TokenDeskError } from '../errors.js';
import {
  accountSchema,
  appCertificateSchema,
  appIdSchema,
  channelSchema,
  expireSchema,
  parseInput,
  resolveExpire,
  roleSchema,
  streamChannelSchema,
  uidSchema,
  userIdSchema,
  type Credentials,
} from './validation.js';
import type { BuiltRteTokens, BuiltToken } from './types.js';

/**
 * Token builders. They assemble services with agora-token's own classes, the same way
 * its builders do, so the bytes match; building directly lets tests pin the issue time
 * and salt, and lets us fail loudly where agora-token returns ''.
 */

export interface BuildOptions {
  /** Unix seconds to stamp as the issue time; defaults to now. For reproducible tokens. */
  issuedAt?: number;
  /** Salt to sign with; defaults to a random 1..99999999, as agora-token does. */
  salt?: number;
}

const credentialsInput = z.object({ appId: appIdSchema, appCertificate: appCertificateSchema });

const rtcPrivilegeExpireSchema = z
  .object({
    join: expireSchema('join privilege expire'),
    audio: expireSchema('audio privilege expire'),
    video: expireSchema('video privilege expire'),
    data: expireSchema('data privilege expire'),
  })
  .strict();

export const rtcTokenInputSchema = z
  .object({
    channel: channelSchema,
    uid: uidSchema.optional(),
    account: accountSchema.optional(),
    role: roleSchema.default('publisher'),
    expire: expireSchema('expire'),
    privilegeExpire: expireSchema('privilege expire'),
    privileges: rtcPrivilegeExpireSchema.optional(),
  })
  .strict()
  .refine((v) => (v.uid === undefined) !== (v.account === undefined), {
    error: 'give either uid or account, not both',
    path: ['uid'],
  });
export type RtcTokenInput = z.input<typeof rtcTokenInputSchema>;

export const rtmTokenInputSchema = z
  .object({
    userId: userIdSchema('user id'),
    channel: streamChannelSchema.optional(),
    expire: expireSchema('expire'),
  })
  .strict();
export type RtmTokenInput = z.input<typeof rtmTokenInputSchema>;

export const rteTokenInputSchema = z
  .object({
    channel: channelSchema,
    uid: uidSchema.optional(),
    account: accountSchema.optional(),
    rtmUserId: userIdSchema('RTM user id').optional(),
    role: roleSchema.default('publisher'),
    expire: expireSchema('expire'),
  })
  .strict()
  .refine((v) => (v.uid === undefined) !== (v.account === undefined), {
    error: 'give either uid or account, not both',
    path: ['uid'],
  })
  .refine((v) => v.uid !== 0 || v.rtmUserId !== undefined, {
    error: 'RTM user id is required when the RTC uid is 0',
    path: ['rtmUserId'],
  });
export type RteTokenInput = z.input<typeof rteTokenInputSchema>;

export const chatTokenInputSchema = z
  .object({
    userId: userIdSchema('user id').optional(),
    expire: expireSchema('expire'),
  })
  .strict();
export type ChatTokenInput = z.input<typeof chatTokenInputSchema>;
// Derived once: zod compiles a schema on its first parse, so deriving per call recompiles.
const chatUserInputSchema = chatTokenInputSchema.required({ userId: true });
const chatAppInputSchema = chatTokenInputSchema.omit({ userId: true });

// The server builds every token with one credentials object: check it once, not per token.
// Keyed by object and compared by value, so a caller that mutates it is checked again.
const checkedCredentials = new WeakMap<Credentials, Credentials>();

function validCredentials(credentials: Credentials): Credentials {
  const seen = checkedCredentials.get(credentials);
  if (seen !== undefined && seen.appId === credentials.appId && seen.appCertificate === credentials.appCertificate) {
    return seen;
  }
  const parsed = parseInput(credentialsInput, credentials);
  // Only an input that needed no trimming may skip the next check.
  if (parsed.appId === credentials.appId && parsed.appCertificate === credentials.appCertificate) {
    checkedCredentials.set(credentials, parsed);
  }
  return parsed;
}

function newToken(credentials: Credentials, expire: number, options: BuildOptions): AccessToken2 {
  const { appId, appCertificate } = validCredentials(credentials);
  const issuedAt = options.issuedAt ?? Math.floor(Date.now() / 1000);
  const token = new AccessToken2(appId, appCertificate, issuedAt, expire);
  if (options.salt !== undefined) token.salt = options.salt;
  return token;
}

function finish(token: AccessToken2): BuiltToken {
  const text = token.build();
  // agora-token signals every build problem with ''; inputs were validated, so this is a bug.
  if (text === '') throw new TokenDeskError('internal', 'agora-token could not build the token');
  return { token: text, issuedAt: token.issueTs, expire: token.expire, expiresAt: token.issueTs + token.expire };
}

export function buildRtcToken(
  credentials: Credentials,
  input: RtcTokenInput,
  options: BuildOptions = {},
): BuiltToken {
  const v = parseInput(rtcTokenInputSchema, input);
  const expire = resolveExpire(v.expire);
  const base = v.privilegeExpire === undefined || v.privilegeExpire === 0 ? expire : v.privilegeExpire;
  const pick = (value: number | undefined): number => (value === undefined || value === 0 ? base : value);
  const token = newToken(credentials, expire, options);
  const rtc = new ServiceRtc(v.channel, v.account ?? v.uid ?? 0);
  rtc.add_privilege(ServiceRtc.kPrivilegeJoinChannel, pick(v.privileges?.join));
  if (v.role === 'publisher') {
    rtc.add_privilege(ServiceRtc.kPrivilegePublishAudioStream, pick(v.privileges?.audio));
    rtc.add_privilege(ServiceRtc.kPrivilegePublishVideoStream, pick(v.privileges?.video));
    rtc.add_privilege(ServiceRtc.kPrivilegePublishDataStream, pick(v.privileges?.data));
  }
  token.add_service(rtc);
  return finish(token);
}

export function buildRtmToken(
  credentials: Credentials,
  input: RtmTokenInput,
  options: BuildOptions = {},
): BuiltToken {
  const v = parseInput(rtmTokenInputSchema, input);
  const expire = resolveExpire(v.expire);
  const token = newToken(credentials, expire, options);
  const rtm = new ServiceRtm(v.userId);
  rtm.add_privilege(ServiceRtm.kPrivilegeLogin, expire);
  token.add_service(rtm);
  if (v.channel !== undefined) {
    // RTM stream channels are joined through RTC: the user id doubles as the RTC account.
    const rtc = new ServiceRtc(v.channel, v.userId);
    rtc.add_privilege(ServiceRtc.kPrivilegeJoinChannel, expire);
    rtc.add_privilege(ServiceRtc.kPrivilegePublishDataStream, expire);
    token.add_service(rtc);
  }
  return finish(token);
}

export function buildRteTokens(
  credentials: Credentials,
  input: RteTokenInput,
  options: BuildOptions = {},
): BuiltRteTokens {
  const v = parseInput(rteTokenInputSchema, input);
  const rtmUserId = v.rtmUserId ?? v.account ?? String(v.uid);
  const common = { expire: v.expire };
  const rtc = buildRtcToken(
    credentials,
    v.account === undefined
      ? { channel: v.channel, uid: v.uid, role: v.role, ...common }
      : { channel: v.channel, account: v.account, role: v.role, ...common },
    options,
  );
  const rtm = buildRtmToken(credentials, { userId: rtmUserId, channel: v.channel, ...common }, {
    ...options,
    issuedAt: rtc.issuedAt,
  });
  return {
    rtcToken: rtc.token,
    rtmToken: rtm.token,
    rtmUserId,
    issuedAt: rtc.issuedAt,
    expire: rtc.expire,
    expiresAt: rtc.expiresAt,
  };
}

export function buildChatUserToken(
  credentials: Credentials,
  input: { userId: string; expire?: number },
  options: BuildOptions = {},
): BuiltToken {
  const v = parseInput(chatUserInputSchema, input);
  const expire = resolveExpire(v.expire);
  const token = newToken(credentials, expire, options);
  const chat = new ServiceChat(v.userId);
  chat.add_privilege(ServiceChat.kPrivilegeUser, expire);
  token.add_service(chat);
  return finish(token);
}

export function buildChatAppToken(
  credentials: Credentials,
  input: { expire?: number } = {},
  options: BuildOptions = {},
): BuiltToken {
  const v = parseInput(chatAppInputSchema, input);
  const expire = resolveExpire(v.expire);
  const token = newToken(credentials, expire, options);
  const chat = new ServiceChat();
  chat.add_privilege(ServiceChat.kPrivilegeApp, expire);
  token.add_service(chat);
  return finish(token);
}

/** Chat user token when a user id is given, app token otherwise. */
export function buildChatToken(
  credentials: Credentials,
  input: ChatTokenInput,
  options: BuildOptions = {},
): BuiltToken {
  const v = parseInput(chatTokenInputSchema, input);
  return v.userId === undefined
    ? buildChatAppToken(credentials, { expire: v.expire }, options)
    : buildChatUserToken(credentials, { userId: v.userId, expire: v.expire }, options);
}
