import { TokenDeskError } from '../errors.js';
import {
  buildChatAppToken,
  buildChatToken,
  buildChatUserToken,
  buildRtcToken,
  buildRteTokens,
  buildRtmToken,
} from '../token/build.js';
import type { BuiltRteTokens, BuiltToken } from '../token/types.js';
import type { Credentials } from '../token/validation.js';
import type { CredentialSource } from './credential-source.js';
import { parseExpiry, parseGetTokenBody, parseUidParam, uidFromDigits } from './http-input.js';
import { TOKEN_TYPE_MESSAGE, isRegistryTokenType, tokenFromRegistryBody } from './registry-token-types.js';

/**
 * The agora-token-service semantics of each route, as plain functions from what the
 * client sent to a built token. The engine does the checking and the building.
 */

/** Who a token is for and where, shown to the authorization rules before it is built. */
export interface Grant {
  /** The uid (as decimal text) or account / user id; undefined for app-wide tokens. */
  user: string | undefined;
  channel: string | undefined;
}

/** What a route needs besides the request: the served projects and the caller's rights. */
export interface TokenRequestContext {
  source: CredentialSource;
  /** Throws when the caller may not have this grant (JWT binding rules); no-op without JWT. */
  authorize(grant: Grant): void;
}

interface Query {
  expiry?: unknown;
  appId?: unknown;
}

type Role = 'publisher' | 'subscriber';

/** agora-token-service treats every role other than "publisher" as a subscriber. */
const roleOf = (role: string | undefined): Role => (role === 'publisher' ? 'publisher' : 'subscriber');

function credentialsFor(context: TokenRequestContext, query: Query | undefined): Credentials {
  const appId = query?.appId;
  if (appId !== undefined && typeof appId !== 'string')
    throw new TokenDeskError('invalid_input', 'appId must be given once', 'appId');
  return context.source.resolve(appId);
}

export interface RtcPathParams {
  channelName: string;
  role: string;
  tokenType: string;
  /** Absent or empty means uid 0 (any user may join). */
  rtcuid?: string;
}

type RtcUser = { uid: number } | { account: string };

function rtcUser(tokenType: string, rtcuid: string | undefined): RtcUser {
  if (tokenType === 'uid') return { uid: parseUidParam(rtcuid) };
  // The Go service reads an empty user segment as "0" for accounts too.
  if (tokenType === 'userAccount') return { account: rtcuid === undefined || rtcuid === '' ? '0' : rtcuid };
  throw new TokenDeskError('invalid_input', 'tokenType must be uid or userAccount', 'tokenType');
}

const userText = (user: RtcUser): string => ('uid' in user ? String(user.uid) : user.account);

export function rtcFromPath(context: TokenRequestContext, params: RtcPathParams, query: Query): BuiltToken {
  const user = rtcUser(params.tokenType, params.rtcuid);
  const expire = parseExpiry(query);
  const credentials = credentialsFor(context, query);
  context.authorize({ user: userText(user), channel: params.channelName });
  return buildRtcToken(credentials, { channel: params.channelName, role: roleOf(params.role), expire, ...user });
}

export function rtmFromPath(context: TokenRequestContext, rtmuid: string, query: Query): BuiltToken {
  if (rtmuid === '0') throw new TokenDeskError('invalid_input', 'rtmuid must not be 0', 'rtmuid');
  const expire = parseExpiry(query);
  const credentials = credentialsFor(context, query);
  context.authorize({ user: rtmuid, channel: undefined });
  return buildRtmToken(credentials, { userId: rtmuid, expire });
}

export function rteFromPath(
  context: TokenRequestContext,
  params: RtcPathParams & { rtmuid?: string },
  query: Query,
): BuiltRteTokens {
  const user = rtcUser(params.tokenType, params.rtcuid);
  const rtcuid = params.rtcuid === undefined || params.rtcuid === '' ? '0' : params.rtcuid;
  const rtmUserId = params.rtmuid !== undefined && params.rtmuid !== '' ? params.rtmuid : rtcuid;
  if (rtmUserId === '0') {
    throw new TokenDeskError('invalid_input', 'rtmuid is required when the RTC uid is 0', 'rtmuid');
  }
  const expire = parseExpiry(query);
  const credentials = credentialsFor(context, query);
  context.authorize({ user: userText(user), channel: params.channelName });
  if (rtmUserId !== userText(user)) context.authorize({ user: rtmUserId, channel: params.channelName });
  return buildRteTokens(credentials, {
    channel: params.channelName,
    role: roleOf(params.role),
    expire,
    rtmUserId,
    ...user,
  });
}

export function chatFromPath(context: TokenRequestContext, chatid: string | undefined, query: Query): BuiltToken {
  const expire = parseExpiry(query);
  const credentials = credentialsFor(context, query);
  context.authorize({ user: chatid, channel: undefined });
  return chatid === undefined
    ? buildChatAppToken(credentials, { expire })
    : buildChatUserToken(credentials, { userId: chatid, expire });
}

/** POST /getToken: one body for all three token kinds. */
export function tokenFromBody(context: TokenRequestContext, body: unknown): BuiltToken {
  const v = parseGetTokenBody(body);
  const credentials = context.source.resolve(v.appId);
  switch (v.tokenType) {
    case 'rtc': {
      if (v.channel === undefined) throw new TokenDeskError('invalid_input', 'channel is required', 'channel');
      if (v.uid === undefined) throw new TokenDeskError('invalid_input', 'uid is required', 'uid');
      // A decimal uid in range builds by uid (leading zeros allowed); any other string is a user account.
      const uid = uidFromDigits(v.uid);
      const user: RtcUser = uid === undefined ? { account: v.uid } : { uid };
      context.authorize({ user: userText(user), channel: v.channel });
      return buildRtcToken(credentials, { channel: v.channel, role: roleOf(v.role), expire: v.expire, ...user });
    }
    case 'rtm':
      if (v.uid === undefined) throw new TokenDeskError('invalid_input', 'uid is required', 'uid');
      context.authorize({ user: v.uid, channel: v.channel });
      return buildRtmToken(credentials, { userId: v.uid, channel: v.channel, expire: v.expire });
    case 'chat':
      context.authorize({ user: v.uid, channel: undefined });
      return buildChatToken(credentials, { userId: v.uid, expire: v.expire });
  }
  // The registry's kinds after the Go service's own three, which most requests ask for.
  if (isRegistryTokenType(v.tokenType)) {
    context.authorize({ user: v.uid, channel: v.channel });
    return tokenFromRegistryBody(credentials, v.tokenType, v);
  }
  throw new TokenDeskError('invalid_input', TOKEN_TYPE_MESSAGE, 'tokenType');
}
