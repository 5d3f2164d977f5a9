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
import { parseInput, parseUidString, type Credentials } from '../token/validation.js';
import { getTokenBodySchema, parseExpiry, parseUidParam } from './http-input.js';
import { TOKEN_TYPE_MESSAGE, isRegistryTokenType, tokenFromRegistryBody } from './registry-token-types.js';

/**
 * The agora-token-service semantics of each route, as plain functions from what the
 * client sent to a built token. The engine does the checking and the building.
 */

type Role = 'publisher' | 'subscriber';

/** agora-token-service treats every role other than "publisher" as a subscriber. */
const roleOf = (role: string | undefined): Role => (role === 'publisher' ? 'publisher' : 'subscriber');

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

export function rtcFromPath(credentials: Credentials, params: RtcPathParams, query: { expiry?: unknown }): BuiltToken {
  const user = rtcUser(params.tokenType, params.rtcuid);
  const expire = parseExpiry(query);
  return buildRtcToken(credentials, { channel: params.channelName, role: roleOf(params.role), expire, ...user });
}

export function rtmFromPath(credentials: Credentials, rtmuid: string, query: { expiry?: unknown }): BuiltToken {
  if (rtmuid === '0') throw new TokenDeskError('invalid_input', 'rtmuid must not be 0', 'rtmuid');
  return buildRtmToken(credentials, { userId: rtmuid, expire: parseExpiry(query) });
}

export function rteFromPath(
  credentials: Credentials,
  params: RtcPathParams & { rtmuid?: string },
  query: { expiry?: unknown },
): BuiltRteTokens {
  const user = rtcUser(params.tokenType, params.rtcuid);
  const rtcuid = params.rtcuid === undefined || params.rtcuid === '' ? '0' : params.rtcuid;
  const rtmUserId = params.rtmuid !== undefined && params.rtmuid !== '' ? params.rtmuid : rtcuid;
  if (rtmUserId === '0') {
    throw new TokenDeskError('invalid_input', 'rtmuid is required when the RTC uid is 0', 'rtmuid');
  }
  const expire = parseExpiry(query);
  return buildRteTokens(credentials, { channel: params.channelName, role: roleOf(params.role), expire, rtmUserId, ...user });
}

export function chatFromPath(credentials: Credentials, chatid: string | undefined, query: { expiry?: unknown }): BuiltToken {
  const expire = parseExpiry(query);
  return chatid === undefined
    ? buildChatAppToken(credentials, { expire })
    : buildChatUserToken(credentials, { userId: chatid, expire });
}

/** POST /getToken: one body for all three token kinds. */
export function tokenFromBody(credentials: Credentials, body: unknown): BuiltToken {
  const v = parseInput(getTokenBodySchema, body);
  if (isRegistryTokenType(v.tokenType)) return tokenFromRegistryBody(credentials, v.tokenType, v);
  switch (v.tokenType) {
    case 'rtc': {
      if (v.channel === undefined) throw new TokenDeskError('invalid_input', 'channel is required', 'channel');
      if (v.uid === undefined) throw new TokenDeskError('invalid_input', 'uid is required', 'uid');
      // A decimal uid in range builds by uid; any other string is a user account.
      const uid = parseUidString(v.uid);
      const user: RtcUser = uid === undefined ? { account: v.uid } : { uid };
      return buildRtcToken(credentials, { channel: v.channel, role: roleOf(v.role), expire: v.expire, ...user });
    }
    case 'rtm':
      if (v.uid === undefined) throw new TokenDeskError('invalid_input', 'uid is required', 'uid');
      return buildRtmToken(credentials, { userId: v.uid, channel: v.channel, expire: v.expire });
    case 'chat':
      return buildChatToken(credentials, { userId: v.uid, expire: v.expire });
  }
  throw new TokenDeskError('invalid_input', TOKEN_TYPE_MESSAGE, 'tokenType');
}
