import { z } from 'zod/mini';
import { TokenDeskError } from '../../errors.js';
import type { BuiltToken } from '../../contract/views.js';
import {
  accountSchema,
  channelSchema,
  credentialsSchema,
  expireSchema,
  MAX_CHANNEL_BYTES,
  MAX_UINT32,
  parseInput,
  resolveExpire,
  roleSchema,
  uidSchema,
  userIdSchema,
  type Credentials,
  type Role,
} from '../../contract/fields.js';
import type { AgoraKit } from './agora-kit-type.js';
import type { AccessToken2 } from 'agora-token/src/AccessToken2.js';
import type { BuildOptions, KindField } from './kind.js';

/** Pieces several kinds share: RTC user and privileges, token assembly. */

// The server builds every token with one credentials object: check it once, not per token.
// Keyed by object and compared by value, so a caller that mutates it is checked again.
const checkedCredentials = new WeakMap<Credentials, Credentials>();

export function validCredentials(credentials: Credentials): Credentials {
  const seen = checkedCredentials.get(credentials);
  if (seen !== undefined && seen.appId === credentials.appId && seen.appCertificate === credentials.appCertificate) {
    return seen;
  }
  const parsed = parseInput(credentialsSchema, credentials);
  // Only an input that needed no trimming may skip the next check.
  if (parsed.appId === credentials.appId && parsed.appCertificate === credentials.appCertificate) {
    checkedCredentials.set(credentials, parsed);
  }
  return parsed;
}

export function newToken(kit: AgoraKit, credentials: Credentials, expire: number, options: BuildOptions): AccessToken2 {
  const { appId, appCertificate } = validCredentials(credentials);
  const issuedAt = options.issuedAt ?? Math.floor(Date.now() / 1000);
  const token = new kit.AccessToken2(appId, appCertificate, issuedAt, expire);
  if (options.salt !== undefined) token.salt = options.salt;
  return token;
}

export function finish(token: AccessToken2): BuiltToken {
  const text = token.build();
  // agora-token signals every build problem with ''; inputs were validated, so this is a bug.
  if (text === '') throw new TokenDeskError('internal', 'agora-token could not build the token');
  return { token: text, issuedAt: token.issueTs, expire: token.expire, expiresAt: token.issueTs + token.expire };
}

export const privilegeExpiresSchema = z.strictObject({
  join: expireSchema('join privilege expire'),
  audio: expireSchema('audio privilege expire'),
  video: expireSchema('video privilege expire'),
  data: expireSchema('data privilege expire'),
});

/** Channel, uid or account, role and expiries: the RTC part of rtc, rtc-rtm, convoai, stt. */
export const rtcShape = {
  channel: channelSchema,
  uid: z.optional(uidSchema),
  account: z.optional(accountSchema),
  role: z._default(roleSchema, 'publisher'),
  expire: expireSchema('expire'),
  privilegeExpire: expireSchema('privilege expire'),
  privileges: z.optional(privilegeExpiresSchema),
};

export const uidOrAccount = {
  check: (v: { uid?: number | undefined; account?: string | undefined }) =>
    (v.uid === undefined) !== (v.account === undefined),
  message: { error: 'give either uid or account, not both', path: ['uid'] },
};

/** RTC + RTM kinds: an RTM user id is needed when the RTC user is uid 0 (which means "anyone"). */
export const rtmUserShape = {
  rtmUserId: z.optional(userIdSchema('RTM user id', 255)),
  rtmExpire: expireSchema('RTM expire'),
};

export interface RtcPart {
  channel: string;
  uid?: number | undefined;
  account?: string | undefined;
  role: Role;
  expire?: number | undefined;
  privilegeExpire?: number | undefined;
  privileges?: z.output<typeof privilegeExpiresSchema> | undefined;
}

/** The token expiry, and each privilege's: per privilege, else --privilege-expire, else the token's. */
export function rtcExpiries(v: RtcPart): { expire: number; join: number; audio: number; video: number; data: number } {
  const expire = resolveExpire(v.expire);
  const base = v.privilegeExpire === undefined || v.privilegeExpire === 0 ? expire : v.privilegeExpire;
  const pick = (value: number | undefined): number => (value === undefined || value === 0 ? base : value);
  const p = v.privileges;
  return { expire, join: pick(p?.join), audio: pick(p?.audio), video: pick(p?.video), data: pick(p?.data) };
}

/** The RTC service exactly as agora-token's builders assemble it. */
export function addRtcService(kit: AgoraKit, token: AccessToken2, v: RtcPart): void {
  const e = rtcExpiries(v);
  const rtc = new kit.ServiceRtc(v.channel, v.account ?? v.uid ?? 0);
  rtc.add_privilege(kit.ServiceRtc.kPrivilegeJoinChannel, e.join);
  if (v.role === 'publisher') {
    rtc.add_privilege(kit.ServiceRtc.kPrivilegePublishAudioStream, e.audio);
    rtc.add_privilege(kit.ServiceRtc.kPrivilegePublishVideoStream, e.video);
    rtc.add_privilege(kit.ServiceRtc.kPrivilegePublishDataStream, e.data);
  }
  token.add_service(rtc);
}

/** The RTM user of an RTC + RTM token: given, else the account, else the uid. */
export function rtmUserOf(v: RtcPart & { rtmUserId?: string | undefined }): string {
  return v.rtmUserId ?? v.account ?? String(v.uid);
}

// ------------------------------------------------------------- field declarations

export const expireField: KindField = {
  key: 'expire',
  flag: 'expire',
  label: 'Token expiry',
  help: 'token lifetime: seconds or a duration such as 90s, 10m, 1h, 1d (default 3600)',
  hint: 'Seconds, or a duration such as 90s, 10m, 1h or 1d. Empty or 0 means 1 hour.',
  type: 'seconds',
  valueName: '<seconds>',
};
export const channelField: KindField = {
  key: 'channel',
  flag: 'channel',
  label: 'Channel',
  help: `channel name (up to ${MAX_CHANNEL_BYTES} bytes)`,
  type: 'text',
  valueName: '<name>',
  required: true,
};
export const uidField: KindField = {
  key: 'uid',
  flag: 'uid',
  label: 'UID',
  help: `numeric user id, 0..${MAX_UINT32} (0 lets any user join)`,
  hint: `A number from 0 to ${MAX_UINT32}. 0 lets any user join.`,
  formDefault: '0',
  type: 'uid',
  valueName: '<n>',
  oneOf: 'user',
};
/**
 * The UID of a token that also logs in to RTM: RTM needs a real user, so uid 0 ("anyone")
 * needs an RTM user ID as well. The form starts on a user's uid, which works alone.
 */
export const rtcRtmUidField: KindField = {
  ...uidField,
  hint: `A number from 1 to ${MAX_UINT32}, which is also the RTM user ID unless you give one. 0 lets any user join and then needs an RTM user ID.`,
  formDefault: '1',
};
export const accountField: KindField = {
  key: 'account',
  flag: 'account',
  label: 'User account',
  help: 'user account (string, up to 255 bytes) instead of --uid',
  hint: 'A name of up to 255 bytes.',
  type: 'text',
  valueName: '<name>',
  oneOf: 'user',
};
export const roleField: KindField = {
  key: 'role',
  flag: 'role',
  label: 'Role',
  help: 'publisher (join and publish) or subscriber (join only); default publisher',
  type: 'role',
  valueName: '<role>',
  choices: ['publisher', 'subscriber'],
};

export const privilegeFields: readonly KindField[] = [
  {
    key: 'privilegeExpire',
    flag: 'privilege-expire',
    label: 'Privilege expiry',
    help: 'expiry of every privilege (default: the token expiry)',
    hint: 'For every privilege. Empty: the token expiry.',
    type: 'seconds',
    valueName: '<seconds>',
    advanced: true,
  },
  {
    key: 'privileges.join',
    flag: 'join-expire',
    label: 'Join channel expiry',
    help: 'expiry of the join-channel privilege',
    type: 'seconds',
    valueName: '<seconds>',
    advanced: true,
  },
  {
    key: 'privileges.audio',
    flag: 'audio-expire',
    label: 'Publish audio expiry',
    help: 'expiry of the publish-audio privilege',
    type: 'seconds',
    valueName: '<seconds>',
    advanced: true,
  },
  {
    key: 'privileges.video',
    flag: 'video-expire',
    label: 'Publish video expiry',
    help: 'expiry of the publish-video privilege',
    type: 'seconds',
    valueName: '<seconds>',
    advanced: true,
  },
  {
    key: 'privileges.data',
    flag: 'data-expire',
    label: 'Publish data expiry',
    help: 'expiry of the publish-data privilege',
    type: 'seconds',
    valueName: '<seconds>',
    advanced: true,
  },
];

export const rtmUserFields: readonly KindField[] = [
  {
    key: 'rtmUserId',
    flag: 'rtm-uid',
    label: 'RTM user ID',
    help: 'RTM user id (default: the account or uid; required when --uid is 0)',
    hint: 'Empty: the user account, or the UID. Needed when the UID is 0.',
    type: 'text',
    valueName: '<user>',
  },
  {
    key: 'rtmExpire',
    flag: 'rtm-expire',
    label: 'RTM login expiry',
    help: 'expiry of the RTM login privilege (default: the token expiry)',
    hint: 'Empty: the token expiry.',
    type: 'seconds',
    valueName: '<seconds>',
    advanced: true,
  },
];

/** True when any per-privilege expiry was given: the HTTP API has one expiry only. */
export function hasPrivilegeExpiries(v: RtcPart): boolean {
  return (
    v.privilegeExpire !== undefined ||
    (v.privileges !== undefined && Object.values(v.privileges).some((x) => x !== undefined))
  );
}
